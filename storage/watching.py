"""Queries on watched channels and on people who asked the bot to stay quiet."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import QuietUntil, WatchedChannel
from storage.upsert import insert_for


async def watch(session: AsyncSession, team_id: str, channel_id: str, by_user_id: str) -> bool:
    """True when the channel was not watched before."""
    result = await session.execute(
        insert_for(session, WatchedChannel)
        .values(team_id=team_id, channel_id=channel_id, watched_by=by_user_id)
        .on_conflict_do_nothing(index_elements=["team_id", "channel_id"])
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


async def unwatch(session: AsyncSession, team_id: str, channel_id: str) -> bool:
    result = await session.execute(
        delete(WatchedChannel).where(
            WatchedChannel.team_id == team_id, WatchedChannel.channel_id == channel_id
        )
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


async def watcher(session: AsyncSession, team_id: str, channel_id: str) -> str | None:
    """Who had the channel watched; None when it is not."""
    found: str | None = await session.scalar(
        select(WatchedChannel.watched_by).where(
            WatchedChannel.team_id == team_id, WatchedChannel.channel_id == channel_id
        )
    )
    return found


async def is_watched(session: AsyncSession, team_id: str, channel_id: str) -> bool:
    found = await session.scalar(
        select(WatchedChannel.id).where(
            WatchedChannel.team_id == team_id, WatchedChannel.channel_id == channel_id
        )
    )
    return found is not None


async def quiet_until(session: AsyncSession, team_id: str, user_id: str) -> datetime | None:
    return await session.scalar(
        select(QuietUntil.until).where(QuietUntil.team_id == team_id, QuietUntil.user_id == user_id)
    )


async def set_quiet(session: AsyncSession, team_id: str, user_id: str, until: datetime) -> None:
    await session.execute(
        insert_for(session, QuietUntil)
        .values(team_id=team_id, user_id=user_id, until=until)
        .on_conflict_do_update(index_elements=["team_id", "user_id"], set_={"until": until})
    )
