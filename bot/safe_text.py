"""The one way to show text a person typed in a message the bot posts: `safe_text`.

Kudos reasons, quoted messages, question text, skill names and network topics reach the bot
in Slack's format, where `<…>` is markup: `<!channel>` pings a whole channel, `<@U123>`
notifies a person, `<https://evil.example|click here>` hides where a link goes. Re-posted by
the bot, that markup would act with the bot's rights (around a workspace's limit on who may
use @channel, say). `safe_text` keeps the words and turns every piece of markup into
something that only reads the same:

- broadcasts (`<!here>`, `<!channel>`, `<!everyone>`) and user groups (`<!subteam^…>`) become
  plain words (`@here`, `@devs`);
- a person's mention stays a mention only for the people the message is about (`keep`); any
  other becomes their name (`@ana`), from `names`, the mention's own label, or "someone";
- every such `@word`, and a bare `@here`, `@channel` or `@everyone` typed as plain text (a
  modal's text is not escaped), is written with an invisible word joiner after the `@` (`AT`):
  it reads the same, but nothing that parses names (a `mrkdwn` text that is not `verbatim`,
  `link_names`) can turn it back into a ping;
- a link shows its address: `<https://evil.example|click here>` → `https://evil.example`;
- channel links stay (they notify nobody); anything else in angle brackets, and a stray
  `<`, `>` or `&`, is escaped and shows as typed (an entity already escaped stays one);
- a typed embedding or override (U+202A–U+202E) is taken out, and an isolate (U+2066–U+2069)
  unless closed on its line, as `isolated` writes one (`directionless`): an unclosed
  right-to-left override turned the rest of a list's line around. Right-to-left letters and
  the marks (U+200E, U+200F) stay.

Text from a modal arrives unescaped (plain text, not Slack's format); the same rules apply,
so a typed `<!channel>` reads as `@channel` there too.

`plain_text` is the same text for a terminal (the CLI's reports), where nothing renders
markup: it prints what Slack would show, without the marks; `quoted` puts typed text in “…”
there.

Text cut short (`clip`, `quoted`, `whole_characters`) is cut between characters as a reader
sees them, never inside one: an accent typed as a combining mark stays on its letter, an emoji
of several code points (👩🏽‍💻, a flag) and a Devanagari conjunct (प्र) stay whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping

_TOKEN = re.compile(r"<([^<>]*)>")
_PERSON = re.compile(r"@([UW][A-Z0-9]+)(?:\|(.*))?", re.DOTALL)
_CHANNEL = re.compile(r"#([CG][A-Z0-9]+)(?:\|.*)?", re.DOTALL)
_SPECIAL = re.compile(r"!([^|^]*)(?:\^([^|]*))?(?:\|(.*))?", re.DOTALL)
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^|\s]+")
_LINK = re.compile(r"([^|]*)(?:\|.*)?", re.DOTALL)
# `@` first, its look behind after it: a pattern that starts with a look behind is tried at
# every character of the text, one that starts with `@` only where there is one.
_BARE = re.compile(r"@(?<![\w.@]@)(?=(?:here|channel|everyone)\b)", re.IGNORECASE)
_LONE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt);)")
AT = "@\u2060"  # "@" and a word joiner: shown as "@", never parsed as a mention


# Unicode's embeddings and overrides (LRE RLE PDF LRO RLO), and its isolates (LRI RLI FSI, and
# PDI that ends one): each turns around or sets apart what follows it until its end, or the end
# of the line when typed without one. The marks (U+200E, U+200F, U+061C) stay: they are one
# character wide, set nothing going, and a right-to-left language needs them.
_EMBEDDINGS = re.compile("[\u202a-\u202e]")
_ISOLATES = re.compile("[\u2066-\u2069\n\u2029]")
_OPEN_ISOLATE = "\u2066\u2067\u2068"


def directionless(text: str) -> str:
    """Typed text whose direction controls turn nothing around beyond it: a right-to-left
    override (U+202E) in a reason turned the rest of its line around wherever it was listed,
    the count or the next reason after it too. Embeddings and overrides are taken out; an
    isolate stays only closed on its own line (as `isolated` writes one), else it is taken out.
    Right-to-left letters and marks stay as typed."""
    if text.isascii():
        return text
    text = _EMBEDDINGS.sub("", text)
    if not any(c in _OPEN_ISOLATE or c == _END_ISOLATE for c in _ISOLATES.findall(text)):
        return text
    dropped: set[int] = set()
    opened: list[int] = []
    for match in _ISOLATES.finditer(text):
        at, char = match.start(), match.group()
        if char in _OPEN_ISOLATE:
            opened.append(at)
        elif char == _END_ISOLATE:
            if opened:
                opened.pop()
            else:
                dropped.add(at)
        else:  # a line ends: so does every isolate still open on it
            dropped.update(opened)
            opened.clear()
    dropped.update(opened)
    return "".join(c for n, c in enumerate(text) if n not in dropped)


def _plain(text: str) -> str:
    """Text that Slack shows as it is: `&`, `<` and `>` escaped as Slack asks (an entity Slack
    escaped already stays one: text in Slack's form and text stored as typed read alike), a
    bare `@here` kept from parsing, no direction control typed in it (`directionless`)."""
    text = directionless(text)
    if "&" in text:
        text = _LONE_AMPERSAND.sub("&amp;", text)
    escaped = text.replace("<", "&lt;").replace(">", "&gt;")
    return _BARE.sub(AT, escaped) if "@" in escaped else escaped


def _word(label: str | None) -> str:
    """A mention's label as a plain word: `@devs`, never a second token or a stray `@@`."""
    return AT + _plain(label).lstrip("@").strip() if label and label.strip("@ ") else ""


def safe_text(
    text: str, *, keep: Collection[str] = (), names: Mapping[str, str] | None = None
) -> str:
    """`text` as the bot may repost it: it pings nobody, mentions only `keep`, hides no link."""
    if "<" not in text:  # no token: most names and reasons
        return _plain(text)

    def token(match: re.Match[str]) -> str:
        inner = match.group(1)
        person = _PERSON.fullmatch(inner)
        if person:
            user_id, label = person.group(1), person.group(2)
            if user_id in keep:
                return f"<@{user_id}>"
            named = (names or {}).get(user_id)
            return _word(named) or _word(label) or f"{AT}someone"
        channel = _CHANNEL.fullmatch(inner)
        if channel:
            return f"<#{channel.group(1)}>"
        special = _SPECIAL.fullmatch(inner)
        if special:
            kind, _argument, label = special.groups()
            if kind == "subteam":
                return _word(label) or f"{AT}group"
            if kind in ("here", "channel", "everyone"):
                return AT + kind
            return _plain(label) if label else _plain(kind)
        link = _LINK.fullmatch(inner)
        address = link.group(1).strip() if link else ""
        if _URL.fullmatch(address):
            return _plain(address)
        return _plain(match.group(0))

    parts: list[str] = []
    last = 0
    for match in _TOKEN.finditer(text):
        parts.append(_plain(text[last : match.start()]))
        parts.append(token(match))
        last = match.end()
    parts.append(_plain(text[last:]))
    return "".join(parts)


_CODE = re.compile(r"(```.*?```|`[^`\n]+`)", re.DOTALL)
_EMPHASIS = re.compile(r"(?<![\w*_~])([*_~])(?=\S)([^\n]*?\S)\1(?![\w*_~])")
_ENTITIES = re.compile(r"&(lt|gt|amp);")
_NAMED_CHANNEL = re.compile(r"#([CG][A-Z0-9]+)(?:\|(.*))?", re.DOTALL)


def plain_text(text: str) -> str:
    """Text in Slack's format as Slack shows it, without markup: `<@U123|ana>` → `@ana` (the
    id when there is no label), `<#C1|general>` → `#general`, a link → its words and address,
    `*bold*`, `_italic_` and `~struck~` without their marks (but in code, which keeps its
    backticks), `&lt;` `&gt;` `&amp;` as the characters."""
    parts = _CODE.split(_TOKEN.sub(_plain_token, text))
    text = "".join(part if n % 2 else _unmarked(part) for n, part in enumerate(parts))
    return unescaped(directionless(text))


def quoted(text: str, limit: int | None = None, *, one_line: bool = False) -> str:
    """Typed text quoted where nothing renders markup (the command line, a modal's field
    error): in “…”, whatever quotes it holds itself (Python's repr put "it's" in double quotes
    and the rest in single); with `limit`, its first `limit` characters and "…" when longer;
    `one_line`, for a terminal's one-line messages: a line break or another unprintable
    character shown escaped (`\\n`), as repr did."""
    if one_line and not text.isprintable():
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if limit is not None and len(text) > limit:
        text = whole_characters(text, limit) + "…"
    return f"“{text}”"


# What a reply quotes of words it did not understand: enough to recognise them, short enough
# that the hint after them is read.
QUOTED_CHARS = 60


def clip(text: str, limit: int) -> str:
    """Text in Slack's format (as `safe_text` gives it) cut to `limit` characters, "…" last,
    never in the middle of a `<…>` token or an `&amp;` entity, which Slack would show as
    typed (`&am…`, `<#C12…`)."""
    if len(text) <= limit:
        return text
    cut = whole_characters(text, limit - 1)
    opened = cut.rfind("<")
    if opened > cut.rfind(">"):
        cut = cut[:opened]
    amp = cut.rfind("&")
    if amp > cut.rfind(";") and amp > len(cut) - 6:
        cut = cut[:amp]
    return cut.rstrip() + "…"


_ZWJ = "\u200d"
# Unicode's first-strong isolate and its end: what they enclose is laid out on its own
_ISOLATE, _END_ISOLATE = "\u2068", "\u2069"


# Every character written right to left (Unicode's bidirectional classes R and AL) is in these
# blocks, or is the right-to-left mark (tests/domain/properties/test_safe_text.py checks each
# of Python's): a name is searched for them in one pass (none in ASCII, which says so at once),
# and only what is found is looked up. Looked up character by character, a shout-out's
# message of 266 characters took 105 µs, 8 now; 3,000 ASCII characters 960 µs.
_RIGHT_TO_LEFT_BLOCKS = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def isolated(name: str) -> str:
    """A name written right to left (Hebrew, Arabic) set apart from the words around it, so
    the count after it in a leaderboard stays after it (`عمر · 3` was shown `3 · عمر`) and a
    sentence it opens stays left to right; any other name as it is."""
    name = directionless(name)  # a typed control turns nothing around in it, nor after it
    if not name.isascii() and any(
        unicodedata.bidirectional(c) in ("R", "AL") for c in _RIGHT_TO_LEFT_BLOCKS.findall(name)
    ):
        return f"{_ISOLATE}{name}{_END_ISOLATE}"
    return name


def one_line(text: str) -> str:
    """Typed text as one line of a list, its line breaks (a paragraph or line separator
    too) and runs of spaces each one space: a reason listed as "• from Alice: …" whose own
    next line read "• from Maria: …" showed a second item, words Maria never said."""
    return " ".join(text.split())


def whole_characters(text: str, limit: int) -> str:
    """The start of `text`, at most `limit` code points, ending where a character as a reader
    sees it ends (Unicode's grapheme clusters, near enough): Slack would show a cut accent
    as a letter without it, a cut 👩🏽‍💻 as 👩🏽 and a dangling joiner, half a flag as a letter in
    a box, and a cut conjunct (प्र) as a broken one."""
    end = max(0, min(limit, len(text)))
    while 0 < end < len(text) and _joined(text[end - 1], text[end]):
        end -= 1
    if 0 < end < len(text) and _regional(text[end]):
        letters = 0  # a flag is two letters: an odd run before the cut ends in half a flag
        while letters < end and _regional(text[end - 1 - letters]):
            letters += 1
        end -= letters % 2
    return text[:end]


def reading_length(text: str) -> int:
    """How long `text` is for a rule of "at least N characters": a Chinese, Japanese or Korean
    letter (a wide one) counts two, as it says as much as a word of a few letters does
    (`リリースの手伝い`, "help with the release", is 8 characters and 16 here); an emoji, wide
    too, counts one, as it did."""
    return sum(1 + _wide_letter(c) for c in text)


def _wide_letter(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F") and unicodedata.category(char) in (
        "Lo",
        "Lm",
    )


def _joined(before: str, after: str) -> bool:
    """Whether `after` belongs to the same character as `before`: a mark on it (an accent, a
    vowel sign, a variation selector), a skin tone, an emoji's tag, or what a joiner or a
    virama (`्`) joins to it."""
    return (
        unicodedata.category(after) in ("Mn", "Mc", "Me")
        or after == _ZWJ
        or before == _ZWJ
        or 0x1F3FB <= ord(after) <= 0x1F3FF
        or 0xE0020 <= ord(after) <= 0xE007F
        or (unicodedata.combining(before) == 9 and unicodedata.category(after) == "Lo")
    )


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def unescaped(text: str) -> str:
    """Slack's `&lt;` `&gt;` `&amp;` as the characters: what a person typed as `R&D` arrives
    as `R&amp;D` in a command or message."""
    if "&" not in text:
        return text
    return _ENTITIES.sub(lambda m: {"lt": "<", "gt": ">", "amp": "&"}[m.group(1)], text)


def _unmarked(text: str) -> str:
    while (once := _EMPHASIS.sub(r"\2", text)) != text:  # `*_both_*` takes two rounds
        text = once
    return text


def _plain_token(match: re.Match[str]) -> str:
    inner = match.group(1)
    if person := _PERSON.fullmatch(inner):
        return "@" + (person.group(2) or person.group(1)).lstrip("@")
    if channel := _NAMED_CHANNEL.fullmatch(inner):
        return "#" + (channel.group(2) or channel.group(1))
    if special := _SPECIAL.fullmatch(inner):
        kind, _argument, label = special.groups()
        if kind in ("here", "channel", "everyone"):
            return "@" + kind
        if kind == "subteam":
            return "@" + (label or "group").lstrip("@")
        return label or kind
    address, _, label = inner.partition("|")
    if not _URL.fullmatch(address.strip()):
        return match.group(0)
    address, label = address.strip(), label.strip()
    if label and label not in address:
        return f"{label} ({address})"
    return label or address  # a label that is part of it (`<mailto:a@b.c|a@b.c>`) adds nothing
