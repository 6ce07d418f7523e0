"""Block Kit for workspace settings: the admins' Home section, the settings modal, its
audit log and the notices it answers with. Pure functions; the wording of each field comes
from `bot.workspace_settings.keys`, which the CLI shares."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.safe_text import clip, quoted, safe_text
from bot.words import plural
from bot.workspace_settings.keys import BY_NAME, WEEKDAYS, WorkspaceSettings
from bot.workspace_settings.service import CLI, CLI_SHOWN, Change
from handlers.blocks.elements import (
    Blocks,
    actions,
    button,
    context,
    filled_sections,
    names_within,
    section,
    shorten,
    slack_time,
)

SETTINGS_MODAL = "workspace_settings"
OPEN_ACTION = "settings_open"
AUDIT_ACTION = "settings_audit"
FIELD_ACTION = "value"  # every input's action id; its block id is the setting's key
AUDIT_SHOWN = 20
SHOWN_VALUE = 300  # characters of an old or new value in the audit log
TEXT_LIMIT = 3000  # a plain_text_input's initial value and max_length
# Sections of the saved notice: views.* refuse a view "greater than 250kb" (view_too_large),
# which 100 sections of 3,000 characters are; 20 stay under it at 4 bytes a character.
SAVED_SECTIONS = 20
_PUBLIC = {"include": ["public"], "exclude_bot_users": True}


def _plain(text: str) -> dict[str, str]:
    return {"type": "plain_text", "text": text}


def _option(text: str, value: str) -> dict[str, Any]:
    return {"text": _plain(text), "value": value}


def _input(key: str, element: dict[str, Any], *, optional: bool = False) -> dict[str, Any]:
    described = BY_NAME[key]
    return {
        "type": "input",
        "block_id": key,
        "label": _plain(described.label),
        # plain_text, shown as typed: what the command line and the docs put in code, quoted
        "hint": _plain(re.sub(r"`([^`]*)`", r'"\1"', described.hint)),
        "optional": optional,
        "element": {**element, "action_id": FIELD_ACTION},
    }


def _text(initial: str, *, multiline: bool = False) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "plain_text_input", "max_length": TEXT_LIMIT}
    if initial:
        element["initial_value"] = shorten(initial, TEXT_LIMIT)
    if multiline:
        element["multiline"] = True
    return element


_YES_NO = [_option("Yes", "yes"), _option("No", "no")]
# The menus of the settings that are picked, by key; a value is confirmed by its option's label.
_CHOICES: dict[str, list[dict[str, Any]]] = {
    "values_required": _YES_NO,
    "digest_weekday": [_option(d.capitalize(), d) for d in WEEKDAYS],
    "digest_hour": [_option(f"{h:02d}:00", str(h)) for h in range(24)],
    "digest_scope": [
        _option("Everyone below them", "all"),
        _option("Direct reports only", "direct"),
    ],
    "digest_roundup": _YES_NO,
}


def _select(options: list[dict[str, Any]], chosen: str) -> dict[str, Any]:
    initial = next(o for o in options if o["value"] == chosen)
    return {"type": "static_select", "options": options, "initial_option": initial}


def render_settings_modal(now: WorkspaceSettings) -> dict[str, Any]:
    text = now.as_text()
    channel: dict[str, Any] = {"type": "conversations_select", "filter": _PUBLIC}
    if now.kudos_channel:
        channel["initial_conversation"] = now.kudos_channel
    watched: dict[str, Any] = {"type": "multi_conversations_select", "filter": _PUBLIC}
    if now.watched_channels:
        watched["initial_conversations"] = list(now.watched_channels)
    admins: dict[str, Any] = {"type": "multi_users_select"}
    if now.askaround_admins:
        admins["initial_users"] = list(now.askaround_admins)
    role_text = "" if text["role_allowances"] == "none" else text["role_allowances"]
    blocks: Blocks = [
        _input("values", _text(", ".join(now.values), multiline=True), optional=True),
        _input("daily_allowance", _text(text["daily_allowance"])),
        _input("role_allowances", _text(role_text), optional=True),
        _input("min_reason_length", _text(text["min_reason_length"])),
        _input("values_required", _select(_CHOICES["values_required"], text["values_required"])),
        _input("kudos_channel", channel, optional=True),
        _input("kudos_reactions", _text(text["kudos_reactions"])),
        _input("digest_weekday", _select(_CHOICES["digest_weekday"], text["digest_weekday"])),
        _input("digest_hour", _select(_CHOICES["digest_hour"], text["digest_hour"])),
        _input("digest_scope", _select(_CHOICES["digest_scope"], text["digest_scope"])),
        _input("digest_roundup", _select(_CHOICES["digest_roundup"], text["digest_roundup"])),
        _input("watched_channels", watched, optional=True),
        _input("askaround_admins", admins, optional=True),
    ]
    if now.retired_values:  # they pile up: each rename or removal adds one
        names = [f"#{v}" for v in now.retired_values]
        blocks.insert(1, context(names_within("Retired (old kudos keep them): ", names, "")))
    blocks.insert(0, context("Who changed what, and when: *Settings changes* on my Home tab."))
    return {
        "type": "modal",
        "callback_id": SETTINGS_MODAL,
        "title": _plain("askaround settings"),
        "submit": _plain("Save"),
        "close": _plain("Cancel"),
        "blocks": blocks,
    }


def submitted_text(state: dict[str, dict[str, dict[str, Any]]]) -> dict[str, str]:
    """What the admin entered in each field, as the text `keys.parse` reads."""
    raw: dict[str, str] = {}
    for key, fields in state.items():
        entry = fields.get(FIELD_ACTION) or {}
        if "selected_option" in entry:
            raw[key] = str((entry["selected_option"] or {}).get("value", ""))
        elif "selected_conversation" in entry:
            raw[key] = str(entry["selected_conversation"] or "")
        elif "selected_conversations" in entry:
            raw[key] = ", ".join(entry["selected_conversations"] or [])
        elif "selected_users" in entry:
            raw[key] = ", ".join(entry["selected_users"] or [])
        else:
            raw[key] = str(entry.get("value") or "")
    return raw


def opened_text(blocks: list[dict[str, Any]]) -> dict[str, str]:
    """What each field showed when the modal opened, read as `submitted_text` reads it."""
    shown: dict[str, str] = {}
    for block in blocks:
        element = block.get("element") or {}
        if block.get("type") != "input" or not block.get("block_id"):
            continue
        if element.get("type") == "static_select":
            text = str((element.get("initial_option") or {}).get("value", ""))
        elif element.get("type") == "conversations_select":
            text = str(element.get("initial_conversation") or "")
        elif element.get("type") == "multi_conversations_select":
            text = ", ".join(element.get("initial_conversations") or [])
        elif element.get("type") == "multi_users_select":
            text = ", ".join(element.get("initial_users") or [])
        else:
            text = str(element.get("initial_value") or "")
        shown[str(block["block_id"])] = text
    return shown


def edited_text(view: dict[str, Any]) -> dict[str, str]:
    """The fields the admin changed from what the modal opened with: another admin may have
    saved since, and a field left as it was shown is not this admin's to set back."""
    opened = opened_text(view.get("blocks") or [])
    entered = submitted_text(view["state"]["values"])
    return {key: text for key, text in entered.items() if opened.get(key) != text}


# Why askaround hears nothing in a watched channel now, and what mends it (`unheard`).
UNHEARD = {
    "removed": "I was removed from it: `/invite @askaround` there",
    "archived": "archived: nothing is said there",
    "private": "not public now: I don't look through it",
    "hidden": "deleted, or private and I'm not in it",
}


def render_admin_home(now: WorkspaceSettings, unheard: Mapping[str, str] | None = None) -> Blocks:
    """The Home tab's section for askaround admins: the settings in brief, and the way in.
    `unheard`: the watched channels askaround hears nothing in now, each with its `UNHEARD`
    key, said beside it rather than listed as if watched."""
    text = now.as_text()
    channel = (
        f"<#{now.kudos_channel}>"
        if now.kudos_channel
        else "none: shout-outs are where kudos are given"
    )
    why = unheard or {}
    watched = (
        " ".join(
            f"<#{c}>" + (f" ({UNHEARD[why[c]]})" if c in why else "") for c in now.watched_channels
        )
        or "none"
    )
    # Each named by the modal's label, as the README and `askaround settings` name it.
    label = {key: f"*{BY_NAME[key].label}:*" for key in BY_NAME}
    lines = [
        f"{label['values']} {' '.join(f'#{v}' for v in now.values) or 'none'}"
        + (" (required)" if now.values_required else ""),
        f"{label['daily_allowance']} {now.daily_allowance}"
        + (f" ({text['role_allowances']})" if now.role_allowances else "")
        + f" · {label['min_reason_length']} {plural(now.min_reason_length, 'character')}",
        f"{label['kudos_channel']} {channel} · {label['kudos_reactions']} "
        + " ".join(f":{r}:" for r in now.kudos_reactions),
        f"*Digest:* {text['digest_weekday'].capitalize()} {now.digest_hour:02d}:00 in each "
        "manager's time zone, of the week before (Monday to Sunday), "
        f"{'direct reports' if now.digest_scope == 'direct' else 'everyone below'}"
        + (f" · {label['digest_roundup']} in the kudos channel" if now.digest_roundup else ""),
        f"{label['watched_channels']} {watched}",
        f"{label['askaround_admins']} "
        + (
            " ".join(f"<@{u}>" for u in now.askaround_admins)
            or "none besides Slack's admins and owners and the `admin` role"
        ),
    ]
    return [
        {"type": "header", "text": _plain("Settings (admins)")},
        # Values, roles and reactions at their longest pass a section's 3,000 characters.
        *filled_sections(lines[0], lines[1:]),
        actions(
            button("Change settings", OPEN_ACTION, style="primary"),
            button("Settings changes", AUDIT_ACTION),
            block_id="settings_actions",
        ),
    ]


def _who(changed_by: str) -> str:
    return CLI_SHOWN if changed_by == CLI else f"<@{changed_by}>"


_MENTIONS = {"kudos_channel": "<#{}>", "watched_channels": "<#{}>", "askaround_admins": "<@{}>"}


def _shown(key: str, value: str) -> str:
    """A setting's text as people read it: channels and people as Slack shows them."""
    if key in _MENTIONS:  # `none` is no channel or person, not words typed
        named = (i for i in value.split(", ") if i and i != "none")
        return " ".join(_MENTIONS[key].format(i) for i in named) or "none"
    label = next((o["text"]["text"] for o in _CHOICES.get(key, ()) if o["value"] == value), None)
    if label is not None:
        return f"`{label}`"
    return quoted(clip(safe_text(value), SHOWN_VALUE)) if value else "nothing"


def render_audit_modal(changes: tuple[Change, ...], older: int = 0) -> dict[str, Any]:
    """Who changed which setting, when, newest first; `older`: how many are left out."""
    blocks: Blocks = []
    for change in changes[:AUDIT_SHOWN]:
        stamp = slack_time(change.at, "{date_short_pretty} {time}")
        label = BY_NAME[change.key].label if change.key in BY_NAME else change.key
        blocks.append(
            section(
                f"{stamp} · {_who(change.changed_by)} changed *{label}*\n"
                f"from {_shown(change.key, change.old)} to {_shown(change.key, change.new)}"
            )
        )
    if not blocks:
        blocks.append(section("Nobody has changed a setting yet."))
    if older:
        blocks.append(
            context(f"The newest {len(blocks)} shown; {plural(older, 'older change')} left out.")
        )
    return render_notice("Settings changes", blocks)


def render_notice(title: str, blocks: Blocks | str) -> dict[str, Any]:
    """A modal that only tells (saved, refused, the audit log)."""
    shown = [section(blocks)] if isinstance(blocks, str) else blocks
    return {
        "type": "modal",
        "title": _plain(title),
        "close": _plain("Close"),
        "blocks": shown,
    }


def render_saved(changes: tuple[Change, ...]) -> dict[str, Any]:
    if not changes:
        return render_notice("Settings", "Nothing changed.")
    lines = [f"• *{BY_NAME[c.key].label}:* {_shown(c.key, c.new)}{_retired(c)}" for c in changes]
    # One line a setting, each under a section's 3,000 characters; together they may not be.
    shown = filled_sections("Saved, in effect now:", lines, SAVED_SECTIONS, "in the settings modal")
    return render_notice("Settings saved", shown)


def _retired(change: Change) -> str:
    gone = ", ".join(f"#{v}" for v in change.retired_values)
    return f"\n   Retired (old kudos keep them): {gone}" if gone else ""


WATCH_HELP = (
    "`/ask watch` typed in a public channel has me offer help with questions asked there "
    "without mentioning me (invite me there first: `/invite @askaround`); `/ask unwatch` there "
    "stops it. Only askaround admins can: *Watched channels* in `/askaround settings` lists "
    "them all."
)
_CHANNEL_MENTION = re.compile(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>")


def watch_words(verb: str, words: str, channel_id: str) -> str | None:
    """What `/ask watch WORDS` (or `unwatch`) is answered instead of changing anything; None
    when the words name the channel it is typed in, or there are none. `watch help` watched
    the channel, and `watch #random` typed in #general watched #general."""
    said = words.strip()
    if said.lower() in ("", "here", "this", "channel", "this channel", "this one"):
        return None
    if said.lower() in ("help", "?"):
        return WATCH_HELP
    named = _CHANNEL_MENTION.fullmatch(said)
    if named is None:
        return (
            f"`/ask {verb}` alone {verb}es the channel it is typed in, so nothing changed; "
            f"`/ask {verb} help` says more."
        )
    if named[1] == channel_id:
        return None
    return (
        f"`/ask {verb}` {verb}es the channel it is typed in, so nothing changed: type it in "
        f"<#{named[1]}>, or change *Watched channels* in `/askaround settings`."
    )
