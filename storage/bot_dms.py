"""The messages the bot posted at the top of people's DMs with it, by kind (`BotDm`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotDm
from storage.upsert import insert_for


class Posted(NamedTuple):
    team_id: str
    channel_id: str
    ts: str
    kind: str


async def record(session: AsyncSession, posts: Sequence[Posted]) -> None:
    """Record these posts; a retry that found its post records it again, to no effect."""
    if posts:
        rows = [p._asdict() for p in dict.fromkeys(posts)]
        await session.execute(insert_for(session, BotDm).values(rows).on_conflict_do_nothing())


async def kind_at(session: AsyncSession, team_id: str, channel_id: str, ts: str) -> str | None:
    """What the bot's message at `ts` in the DM `channel_id` is, if it recorded it."""
    return await session.scalar(
        select(BotDm.kind).where(
            BotDm.team_id == team_id, BotDm.channel_id == channel_id, BotDm.ts == ts
        )
    )
