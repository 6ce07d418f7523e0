"""Reading what the digest job left in Slack."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from bot.digests.tell import DIGEST_DM
from bot.timezone import NO_ZONE
from handlers.client import marks
from slack_emulator import File, Message
from storage.models import Person
from tests.e2e.harness import Harness
from tests.slack.harness import SlackHarness


def blocks_text(blocks: list[dict[str, Any]]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block.get("text"), dict):
            parts.append(block["text"]["text"])
        parts.extend(e.get("text", "") for e in block.get("elements") or [] if "text" in e)
    return "\n".join(parts)


def digest_week(message: Message) -> str | None:
    """The week of a digest DM, from the outbox's delivery mark it carries
    (`digest.dm:T…:U…:2026-W47`); None for any other message."""
    metadata = message.metadata or {}
    if metadata.get("event_type") != marks.EVENT_TYPE:
        return None
    key = str(metadata["event_payload"]["key"])
    return key.rsplit(":", 1)[1] if key.startswith(f"{DIGEST_DM}:") else None


def digests(slack: Harness, handle: str, week: str | None = None) -> list[Message]:
    """The digest DMs this person received (the messages marked as a digest's delivery)."""
    return [
        m
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.by_bot and (found := digest_week(m)) is not None and week in (None, found)
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


def roundups(slack: Harness, channel: str, week: str = "2026-W47") -> list[Message]:
    """The bot's public roundups of `week` in `channel`."""
    return [
        m
        for m in slack.emu.messages(slack.channel(channel))
        if m.by_bot and f"Kudos of week {week}" in m.text
    ]


async def run_digests(slack: SlackHarness) -> Any:
    """Run the job, then let the outbox send what it queued. The tests' clock is frozen, so a
    delivery backing off after a failure would never be due: `drain` moves the clock to it."""
    result = await slack.runner.bot.scheduler.run_once("digests")
    await slack.drain()
    return result


async def zoneless(slack: Harness, *handles: str) -> None:
    """These people's Slack profiles have no `tz`, and never had one, so askaround stores
    none (`NO_ZONE`): a `user_change` that leaves `tz` out keeps a zone already known."""
    for handle in handles:
        slack.emu.workspace.users[slack.user(handle)].tz = None
    async with slack.services.sessions() as s, s.begin():
        users = [slack.user(handle) for handle in handles]
        await s.execute(update(Person).where(Person.user_id.in_(users)).values(tz=NO_ZONE))
