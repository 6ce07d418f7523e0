"""Reading what the digest job left in Slack."""

from __future__ import annotations

from typing import Any

from bot.emulator import File, Message
from handlers.digest_blocks import DIGEST_EVENT
from tests.e2e.harness import Harness


def blocks_text(blocks: list[dict[str, Any]]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block.get("text"), dict):
            parts.append(block["text"]["text"])
        parts.extend(e.get("text", "") for e in block.get("elements") or [] if "text" in e)
    return "\n".join(parts)


def digests(slack: Harness, handle: str, week: str | None = None) -> list[Message]:
    """The digest DMs this person received (the messages carrying the digest marker)."""
    return [
        m
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.by_bot
        and (m.metadata or {}).get("event_type") == DIGEST_EVENT
        and week in (None, (m.metadata or {})["event_payload"]["week"])
    ]


def charts(slack: Harness, handle: str) -> list[File]:
    """PNG files shared in this person's DM with the bot."""
    im = slack.emu.workspace.im_between(slack.user(handle))
    if im is None:
        return []
    return [
        f
        for f in slack.emu.workspace.files.values()
        if im.id in f.shares and f.name.endswith(".png")
    ]


def sent_to(slack: Harness, week: str | None = "2026-W47") -> dict[str, int]:
    """How many digests (of a week) each person has received, for everyone who has one."""
    counts = {}
    for handle in slack.users:
        n = len(digests(slack, handle, week))
        if n:
            counts[handle] = n
    return counts


async def run_digests(slack: Harness) -> Any:
    result = await slack.runner.bot.scheduler.run_once("digests")
    await slack.settle()
    return result
