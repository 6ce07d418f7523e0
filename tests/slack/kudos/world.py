"""Helpers for the kudos tests: read the ledger, find what people saw."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from slack_emulator import Message
from storage import workspaces
from storage.models import Kudos
from tests.e2e.harness import Harness


async def ledger(slack: Harness, *, live_only: bool = True) -> list[Kudos]:
    async with slack.services.sessions() as s:
        statement = select(Kudos).order_by(Kudos.id)
        if live_only:
            statement = statement.where(Kudos.undone_at.is_(None))
        return list(await s.scalars(statement))


async def configure(slack: Harness, **settings: Any) -> None:
    async with slack.services.sessions() as s, s.begin():
        await workspaces.configure(s, slack.team_id, **settings)


async def shift_kudos(slack: Harness, **changes: Any) -> None:
    """Rewrite every ledger row (e.g. move created_at) to stage a past."""
    async with slack.services.sessions() as s, s.begin():
        await s.execute(update(Kudos).values(**changes))


def ephemeral_text(slack: Harness, handle: str) -> str:
    return "\n".join(e.text for e in slack.emu.ephemerals(slack.user(handle)))


def kudos_posts(slack: Harness, channel: str) -> list[Message]:
    """The bot's kudos posts (shout-outs and seconds) in a channel; other features' posts,
    such as answers to questions, are not counted."""
    return [
        m
        for m in slack.emu.messages(slack.channel(channel))
        if m.by_bot and ("gave kudos" in m.text or "seconds this" in m.text)
    ]


def dm_text(slack: Harness, handle: str) -> str:
    return "\n".join(m.text for m in slack.emu.dm_messages(slack.user(handle)) if m.by_bot)


async def give(slack: Harness, handle: str, text: str, channel: str = "general") -> Any:
    delivery = await slack.command(handle, "/kudos", text, channel=channel)
    await slack.settle()
    return delivery
