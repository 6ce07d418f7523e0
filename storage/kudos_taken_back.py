"""Kudos an admin took back (`bot.kudos.taking_back`): undone as Undo leaves them, so every
reader of the ledger leaves them out, with who took them back and why kept for admins."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.kudos import ENTRY, live
from storage.models import Kudos
from storage.units import execute as _run


async def take_back(
    session: AsyncSession, team_id: str, batch_key: str, by: str, reason: str | None, at: datetime
) -> list[Row[Any]]:
    """Mark an act of giving's live entries undone by `by`; the entries marked, oldest first
    (none when they were undone or taken back already: on PostgreSQL a second take-back waits
    for the first's commit and then finds nothing live)."""
    statement = (
        update(Kudos)
        .where(live(team_id), Kudos.batch_key == batch_key)
        .values(undone_at=at, taken_back_by=by, taken_back_reason=reason)
        .returning(*ENTRY)
    )
    rows = (await _run(session, statement)).all()
    return sorted(rows, key=lambda row: int(row.id))


async def batch_of_shoutout(
    session: AsyncSession, team_id: str, channel_id: str, ts: str
) -> str | None:
    """The act of giving whose shout-out (or seconding's reply) is this message, undone or
    not; None for any other message."""
    statement = select(Kudos.batch_key).where(
        Kudos.team_id == team_id, Kudos.shoutout_channel_id == channel_id, Kudos.shoutout_ts == ts
    )
    found = (await _run(session, statement.limit(1))).first()
    return None if found is None else str(found.batch_key)


async def posted_through_reply(session: AsyncSession, team_id: str, channel_id: str) -> bool:
    """Whether a shout-out in this channel was posted through its command's reply_url, which
    gives no ts: none of its messages can be matched to those kudos."""
    statement = select(Kudos.id).where(
        Kudos.team_id == team_id,
        Kudos.shoutout_channel_id == channel_id,
        Kudos.shoutout_ts.is_(None),
        Kudos.shoutout_reply_url.is_not(None),
    )
    return (await _run(session, statement.limit(1))).first() is not None


async def of_shoutout(session: AsyncSession, team_id: str, channel_id: str, ts: str) -> bool:
    """Whether the kudos this message announced were taken back by an admin."""
    statement = select(Kudos.id).where(
        Kudos.team_id == team_id,
        Kudos.shoutout_channel_id == channel_id,
        Kudos.shoutout_ts == ts,
        Kudos.taken_back_by.is_not(None),
    )
    return (await _run(session, statement.limit(1))).first() is not None


async def of_batch(session: AsyncSession, team_id: str, batch_key: str) -> bool:
    """Whether an admin took back this act of giving (not its giver's Undo)."""
    statement = select(Kudos.id).where(
        Kudos.team_id == team_id, Kudos.batch_key == batch_key, Kudos.taken_back_by.is_not(None)
    )
    return (await _run(session, statement.limit(1))).first() is not None


async def reason_of(session: AsyncSession, team_id: str, batch_key: str) -> str | None:
    """Why an admin took back this act of giving, if they said."""
    statement = select(Kudos.taken_back_reason).where(
        Kudos.team_id == team_id, Kudos.batch_key == batch_key
    )
    found = (await _run(session, statement.limit(1))).first()
    return None if found is None else found.taken_back_reason


async def taken_back(session: AsyncSession, team_id: str, limit: int) -> Sequence[Row[Any]]:
    """The entries taken back, newest first, with who took them back, when and why."""
    statement = (
        select(*ENTRY, Kudos.taken_back_by, Kudos.taken_back_reason)
        .where(Kudos.team_id == team_id, Kudos.taken_back_by.is_not(None))
        .order_by(Kudos.undone_at.desc(), Kudos.id)
        .limit(limit)
    )
    return (await _run(session, statement)).all()
