"""What each person would see in Slack, as terminal text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import Any

from bot.timezone import from_slack, zone
from slack_emulator import Effect, SlackEmulator, render_text

_SHOWN = {
    "message_posted": "",
    "message_updated": " (edited)",
    "message_deleted": " (deleted)",
    "ephemeral": "",
    "ephemeral_updated": " (updated)",
    "ephemeral_deleted": " (deleted)",
    "home_published": "",
    "modal_opened": "",
    "modal_updated": " (updated)",
    "modal_pushed": "",
    "file_shared": "",
}


def describe(emu: SlackEmulator, effect: Effect) -> str | None:
    """One effect as `where · who sees it · what`; None for what the person did themselves."""
    if effect.kind not in _SHOWN:
        return None
    ws = emu.workspace
    bot = emu.bot_user_id
    if effect.kind.startswith("message") and effect.actor != bot:
        return None
    names: Callable[[str], str] = ws.display_name
    text, blocks = effect.text, effect.blocks
    reader = _reader(emu, effect)
    if reader is not None and (person := ws.users.get(reader)) is not None and person.tz:
        # a zone name this machine does not know is read by the offset Slack sends beside it,
        # as Slack's own clients and the bot read it (`from_slack`), not as UTC
        read_in = zone(from_slack(person.tz, person.tz_offset))
        text, blocks = _local_times((text, blocks), read_in, effect.at)
    body = _own_links(emu, _channel_names(emu, render_text(text, blocks, names)))
    if effect.kind == "file_shared":
        body = "\n".join(filter(None, [body, *_files(emu, effect)]))
    suffix = _SHOWN[effect.kind]
    if effect.kind.startswith("home"):
        header = f"@{names(effect.visible_to[0])}'s Home tab"
    elif effect.kind.startswith("modal"):
        header = f"modal shown to @{names(effect.visible_to[0])}{suffix}"
        body = "\n".join(filter(None, [body, _how_to_submit(names(effect.visible_to[0]), effect)]))
    elif effect.kind.startswith("ephemeral"):
        where = _where(emu, effect.channel)
        header = f"{where} · only @{names(effect.visible_to[0])} sees{suffix}"
    else:
        thread = " › thread" if _in_thread(emu, effect) else ""
        header = f"{_where(emu, effect.channel)}{thread} · askaround{suffix}"
    return "\n".join([f"  [{header}]", *(f"    {line}" for line in body.splitlines())])


def home_republished(emu: SlackEmulator, effect: Effect) -> str:
    """A Home tab republished while its person is elsewhere, as one line: what changed shows
    when they open it."""
    handle = emu.workspace.display_name(effect.visible_to[0])
    return f"  [@{handle}'s Home tab (updated: `@{handle} home` shows it)]"


def _in_thread(emu: SlackEmulator, effect: Effect) -> bool:
    """Whether the message is a reply in a thread; a deleted one too, which Slack still shows
    there, so that its deletion is not read as that of the message above it."""
    chat, key = emu.workspace.chat, (effect.channel, effect.ts)
    message = chat.find(effect.channel or "", effect.ts or "")
    if message is None:  # deleted: `find` no longer gives it
        message = next((m for m in chat.messages if (m.channel, m.ts) == key), None)
    return message is not None and message.is_reply


def _how_to_submit(handle: str, effect: Effect) -> str | None:
    """The demo line that fills in a form, with the fields it needs (required, not filled in
    already; else its first one): a newcomer sees `<What did they do?: …>` and would not
    guess `submit`."""
    inputs = [b for b in effect.blocks if b.get("type") == "input" and "label" in b]
    needed = [
        b
        for b in inputs
        if not b.get("optional") and not any(k.startswith("initial_") for k in b["element"])
    ] or inputs[:1]
    if not needed:
        return None
    fields = "; ".join(f"{b['label']['text']}=…" for b in needed)
    return f"(to fill it in and press Submit: @{handle} submit {fields})"


def _files(emu: SlackEmulator, effect: Effect) -> list[str]:
    """A shared file as a line: its name, title and size (a terminal shows no picture)."""
    message = emu.workspace.chat.find(effect.channel or "", effect.ts or "")
    files = [emu.workspace.files.get(f) for f in (message.files if message else [])]
    return [f"[file {f.name}: {f.title}, {max(1, round(f.length / 1024))} KB]" for f in files if f]


def _where(emu: SlackEmulator, channel_id: str | None) -> str:
    if channel_id is None:
        return "?"
    channel = emu.workspace.channel(channel_id)
    if channel.is_im:
        return f"DM with @{emu.workspace.display_name(channel.im_user or '')}"
    if channel.kind == "mpim":
        people = ", ".join(f"@{emu.workspace.display_name(m)}" for m in channel.members)
        return f"group DM ({people})"
    return f"#{channel.name}"


def _own_links(emu: SlackEmulator, text: str) -> str:
    """Slack shows a link by its label; a link into this emulated workspace leads nowhere a
    terminal can open, so only the label stays (`See the question in Slack`)."""
    return re.sub(rf" \({re.escape(emu.workspace.url)}[^\s)]*\)", "", text)


def _channel_names(emu: SlackEmulator, text: str) -> str:
    """`<#C123>` without a label renders as `#C123`; a person would see the channel's name."""

    def name(match: re.Match[str]) -> str:
        channel = emu.workspace.get_channel(match.group(1))
        return f"#{channel.name}" if channel is not None and not channel.is_im else match.group(0)

    return re.sub(r"#([CG][A-Z0-9]{6,})", name, text)


_DATE = re.compile(r"<!date\^(\d+)\^([^^|>]+)((?:\^[^|>]*)?)\|([^>]*)>")
_PRETTY = {0: "today", -1: "yesterday", 1: "tomorrow"}


def _reader(emu: SlackEmulator, effect: Effect) -> str | None:
    """Who alone reads an effect: an ephemeral's, a Home tab's or a form's person, a DM's."""
    if not effect.kind.startswith("message"):
        return effect.visible_to[0] if effect.visible_to else None
    channel = emu.workspace.get_channel(effect.channel or "")
    return channel.im_user if channel is not None and channel.is_im else None


def _local_times(shown: Any, where: tzinfo, at: float) -> Any:
    """Slack shows a date token (`<!date^…>`, `handlers.blocks.elements.slack_time`) in its
    reader's own time zone, and its fallback only where it cannot: a message one person reads
    is shown as they would see it; a channel's, read in many zones, keeps the UTC fallback."""
    today = datetime.fromtimestamp(at, where).date()

    def local(match: re.Match[str]) -> str:
        stamp, shown_as, link, fallback = match.groups()
        moment = datetime.fromtimestamp(int(stamp), where)
        words = _tokens(moment, today)
        try:
            label = re.sub(r"\{(\w+)\}", lambda t: words[t.group(1)], shown_as)
        except KeyError:  # a token Slack has that the demo does not spell: Slack's fallback
            label = fallback
        return f"<!date^{stamp}^{shown_as}{link}|{label}>"

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return _DATE.sub(local, value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        return value

    return walk(shown)


def _tokens(moment: datetime, today: date) -> dict[str, str]:
    """Slack's date tokens (docs.slack.dev, formatting text: dates), spelt for an English
    reader on a 24-hour clock."""
    day = moment.date()
    short, long = f"{moment:%b} {day.day}, {day.year}", f"{moment:%B} {day.day}, {day.year}"
    pretty = _PRETTY.get((day - today).days)
    return {
        "time": f"{moment:%H:%M}",
        "time_secs": f"{moment:%H:%M:%S}",
        "date_num": day.isoformat(),
        "date_short": short,
        "date": long,
        "date_long": f"{moment:%A}, {long}",
        "date_short_pretty": pretty or short,
        "date_pretty": pretty or long,
        "date_long_pretty": pretty or f"{moment:%A}, {long}",
    }
