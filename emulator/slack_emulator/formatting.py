"""Slack's formatting rules for the words an app sends (https://docs.slack.dev/messaging/
formatting-message-text): `&`, `<` and `>` are markup in mrkdwn and in a message's `text`,
so one meant as a character is sent escaped (`&amp;`, `&lt;`, `&gt;`), once; plain_text is
shown exactly as sent, so it is never escaped nor marked up (an app's `code` or *bold*: marks
a person typed in their name are theirs, shown as typed). Slack accepts what breaks them
and shows it mangled (`&am…` where an entity was cut, `R&amp;D` in a header, `<#C12…`):
the emulator notes each as a warning, as it does a missing fallback text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Slack's markup: a user, channel or broadcast, a date, or a link with an optional label.
_TOKEN = re.compile(r"<([^<>]*)>")
_MARKUP = re.compile(
    r"@[UW][A-Z0-9]+(?:\|[^|]*)?|#[CG][A-Z0-9]+(?:\|[^|]*)?"
    r"|!(?:here|channel|everyone|subteam\^[A-Z0-9]+|date\^\d+\^[^|]+)(?:\|[^|]*)?"
    r"|[a-z][a-z0-9+.-]*:[^|\s]+(?:\|.+)?",
    re.DOTALL,
)
_ENTITY = re.compile(r"&(?:amp|lt|gt);")
_TWICE = re.compile(r"&amp;(?:amp|lt|gt);")
_SHOWN_AS_SENT = re.compile(r"&(?:amp|lt|gt);|<[@#!][^<>]*>|<[a-z][a-z0-9+.-]*:[^<>]*>")
_EMPTY_EMPHASIS = re.compile(r"(?<![\w*_~`])([*_~])\s*\1(?![\w*_~`])")
# mrkdwn's marks as they mark words up (`code`, *bold*, _italic_, ~struck~): plain_text shows
# them as typed, so a settings hint read "`role=kudos a day`", backticks and all. A mark
# alone is a character (`Ana*`, `5 * 3`, `snake_case`), as it is to mrkdwn.
_MARKED_UP = re.compile(r"`[^`\n]+`|(?<![\w*_~`])([*_~])(?=[^\s*_~])[^\n]*?[^\s*_~]\1(?![\w*_~`])")


def text_errors(obj: dict[str, Any]) -> list[str]:
    """What breaks Slack's formatting rules in one text object."""
    text = obj.get("text")
    if not isinstance(text, str):
        return []
    if obj.get("type") == "plain_text":
        shown = _SHOWN_AS_SENT.findall(text)
        errors = [f"plain_text shows {shown[:3]} as sent: {text[:120]!r}"] if shown else []
        if marked := marked_up(text):
            errors.append(f"plain_text shows mrkdwn's marks {marked[:3]} as typed: {text[:120]!r}")
        return errors
    return mrkdwn_errors(text)


def marked_up(text: str) -> list[str]:
    """The spans of `text` mrkdwn would mark up: `code`, *bold*, _italic_, ~struck~."""
    return [m[0] for m in _MARKED_UP.finditer(text)]


def mrkdwn_errors(text: str) -> list[str]:
    """mrkdwn (and a message's `text`): `&`, `<`, `>` only as markup or escaped (a `>` may
    open a quote), an entity escaped once, every `<…>` a whole token, and no `**` or `* *`
    where a blank name was put in bold."""
    errors = [f"escaped twice: {m[0]!r}" for m in _TWICE.finditer(text)]
    errors += [
        f"not Slack markup: <{m[1][:80]}>"
        for m in _TOKEN.finditer(text)
        if not _MARKUP.fullmatch(m[1])
    ]
    # a label is words like any others: `&` escaped there too (`<https://x|R&amp;D>`)
    errors += [
        f"a bare & in a label: <{m[1][:80]}>"
        for m in _TOKEN.finditer(text)
        if "&" in _ENTITY.sub("", m[1].partition("|")[2])
    ]
    for line in _TOKEN.sub("", text).split("\n"):
        line = line.removeprefix(">")
        if "&" in _ENTITY.sub("", line):
            errors.append(f"a bare & (a cut entity?): {line[:120]!r}")
        if "<" in line or ">" in line:
            errors.append(f"a bare < or > (a cut token?): {line[:120]!r}")
    marked = _TOKEN.sub("x", text)  # a token is words between marks
    errors += [
        f"nothing between {m[0]!r}: {text[:120]!r}" for m in _EMPTY_EMPHASIS.finditer(marked)
    ]
    return errors


def formatting_warnings(text: Any, blocks: Any) -> list[str]:
    """Slack's `[WARN]`-style notes for a message's `text` and every text object in `blocks`
    (or a view's)."""
    found = [f"`text`: {e}" for e in mrkdwn_errors(text)] if isinstance(text, str) else []
    found += [e for node in text_objects(blocks) for e in text_errors(node)]
    return [f"[WARN] formatting: {problem}" for problem in found]


def text_objects(raw: Any) -> Iterator[dict[str, Any]]:
    """Every text object (plain_text, mrkdwn) in blocks, a block, a view or a message."""
    if isinstance(raw, dict):
        if raw.get("type") in ("plain_text", "mrkdwn"):
            yield raw
        for value in raw.values():
            yield from text_objects(value)
    elif isinstance(raw, list):
        for item in raw:
            yield from text_objects(item)
