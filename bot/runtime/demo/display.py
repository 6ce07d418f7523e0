"""What each person would see in Slack, as terminal text."""

from __future__ import annotations

import re
from collections.abc import Callable

from slack_emulator import Effect, SlackEmulator, render_text

_SHOWN = {
    "message_posted": "",
    "message_updated": " (edited)",
    "message_deleted": " (deleted)",
    "ephemeral": "",
    "ephemeral_updated": " (updated)",
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
    body = _own_links(emu, _channel_names(emu, render_text(effect.text, effect.blocks, names)))
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
        message = ws.chat.find(effect.channel or "", effect.ts or "")
        thread = " › thread" if message is not None and message.thread_ts else ""
        header = f"{_where(emu, effect.channel)}{thread} · askaround{suffix}"
    return "\n".join([f"  [{header}]", *(f"    {line}" for line in body.splitlines())])


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
