"""Block Kit and Slack mrkdwn as plain text, for the terminal demo.

A person reading the demo should see roughly what Slack would show: names instead
of ids, buttons as ``[Label]``, inputs as ``<Label: …>``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_TOKEN = re.compile(r"<([@#!]?)([^>|]+)(?:\|([^>]*))?>")
_BROADCASTS = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def render_mrkdwn(text: str, users: Callable[[str], str]) -> str:
    """Resolve ``<@U1>``, ``<#C1|name>``, ``<!here>`` and ``<url|label>``; unescape entities."""

    def replace(match: re.Match[str]) -> str:
        sigil, target, label = match.groups()
        if sigil == "@":
            return "@" + users(target)
        if sigil == "#":
            return "#" + (label or target)
        if sigil == "!":
            return _BROADCASTS.get(target.split("^")[0], label or f"@{target}")
        return f"{label} ({target})" if label and label != target else target

    rendered = _TOKEN.sub(replace, text)
    return rendered.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text(obj: Any, users: Callable[[str], str]) -> str:
    if isinstance(obj, dict):
        raw = str(obj.get("text", ""))
        return render_mrkdwn(raw, users) if obj.get("type") == "mrkdwn" else raw
    return "" if obj is None else str(obj)


def _element(element: dict[str, Any], users: Callable[[str], str]) -> str:
    kind = element.get("type")
    if kind == "button":
        return f"[{_text(element.get('text'), users)}]"
    if kind == "image":
        return f"[image: {element.get('alt_text', '')}]"
    if kind in ("mrkdwn", "plain_text"):
        return _text(element, users)
    if kind == "overflow":
        return "[…]"
    if kind in (
        "static_select",
        "external_select",
        "users_select",
        "conversations_select",
        "channels_select",
    ):
        chosen = element.get("initial_option")
        label = (
            _text(chosen.get("text"), users)
            if isinstance(chosen, dict)
            else _text(element.get("placeholder"), users)
        )
        return f"[{label or 'Select'} ▾]"
    if kind in ("checkboxes", "radio_buttons"):
        return " ".join(f"( ) {_text(o.get('text'), users)}" for o in element.get("options") or [])
    if kind == "datepicker":
        return f"[{element.get('initial_date') or 'Pick a date'}]"
    return f"[{kind}]"


def _rich_text(block: dict[str, Any], users: Callable[[str], str]) -> str:
    parts: list[str] = []
    for section in block.get("elements") or []:
        for item in section.get("elements") or []:
            kind = item.get("type")
            if kind == "text":
                parts.append(str(item.get("text", "")))
            elif kind == "user":
                parts.append("@" + users(str(item.get("user_id"))))
            elif kind == "channel":
                parts.append("#" + str(item.get("channel_id")))
            elif kind == "link":
                parts.append(str(item.get("text") or item.get("url")))
            elif kind == "emoji":
                parts.append(f":{item.get('name')}:")
    return "".join(parts)


def _initial(element: dict[str, Any], users: Callable[[str], str]) -> str:
    """What an input holds when it opens, as its field shows it: a select's chosen options,
    people and channels as well as a text input's value."""
    value = element.get("initial_value")
    if isinstance(value, dict):  # a rich_text_input's value is a rich_text block
        return _rich_text(value, users)
    chosen = element.get("initial_options") or [element.get("initial_option")]
    people = element.get("initial_users") or [element.get("initial_user")]
    channels = [
        *(element.get("initial_conversations") or element.get("initial_channels") or []),
        element.get("initial_conversation") or element.get("initial_channel"),
    ]
    shown = [
        *(_text(o.get("text"), users) for o in chosen if isinstance(o, dict)),
        *("@" + users(str(u)) for u in people if u),
        *(f"#{c}" for c in channels if c),
    ]
    return ", ".join(shown) or str(
        value or element.get("initial_date") or element.get("initial_time") or ""
    )


def _block(block: dict[str, Any], users: Callable[[str], str]) -> list[str]:
    kind = block.get("type")
    if kind == "divider":
        return ["─" * 40]
    if kind == "header":
        return [_text(block.get("text"), users).upper()]
    if kind == "section":
        lines = [_text(block.get("text"), users)] if block.get("text") else []
        lines += [_text(f, users) for f in block.get("fields") or []]
        accessory = block.get("accessory")
        if isinstance(accessory, dict):
            lines.append(_element(accessory, users))
        return lines
    if kind == "context":
        return [" · ".join(_element(e, users) for e in block.get("elements") or [])]
    if kind == "actions":
        return [" ".join(_element(e, users) for e in block.get("elements") or [])]
    if kind == "input":
        initial = _initial(block.get("element") or {}, users)
        return [f"<{_text(block.get('label'), users)}: {initial or '…'}>"]
    if kind == "image":
        return [f"[image: {block.get('alt_text', '')}]"]
    if kind == "rich_text":
        return [_rich_text(block, users)]
    return []


def render_text(
    text: str | None, blocks: list[dict[str, Any]] | None, users: Callable[[str], str]
) -> str:
    """What a person reads: the blocks when present (Slack shows those), else the text."""
    if blocks:
        lines = [line for block in blocks for line in _block(block, users) if line]
        if lines:
            return "\n".join(lines)
    return render_mrkdwn(text or "", users)
