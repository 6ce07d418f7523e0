"""The delivery worker is woken by the commit that fills the outbox, and only by that: a
transaction that rolled back, or one whose delivery was already queued, wakes nobody. On
PostgreSQL the wake-up reaches other replicas too (LISTEN/NOTIFY)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage import outbox, outbox_claims, wakeups
from storage.db import create_engine, create_sessions

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def settled(wake: asyncio.Event) -> bool:
    await asyncio.sleep(0)  # the wake-up is handed to the loop with call_soon_threadsafe
    return wake.is_set()


async def queued_then_rolled_back(sessions: async_sessionmaker[AsyncSession], key: str) -> None:
    with pytest.raises(RuntimeError):
        async with sessions() as s, s.begin():
            await outbox.enqueue(s, "T1", "kudos.received", {}, key=key, at=T0)
            raise RuntimeError("the unit of work fails")


async def test_a_commit_that_queued_a_delivery_wakes_the_worker(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    wake = asyncio.Event()
    unsubscribe = wakeups.subscribe(wake)
    try:
        async with sessions() as s, s.begin():
            await outbox.enqueue(s, "T1", "kudos.received", {}, key="k1", at=T0)
            assert not await settled(wake), "not before the commit: the row is not visible yet"
        assert await settled(wake)
    finally:
        unsubscribe()


async def test_a_rolled_back_or_duplicate_delivery_wakes_nobody(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="k1", at=T0)
    wake = asyncio.Event()
    unsubscribe = wakeups.subscribe(wake)
    try:
        await queued_then_rolled_back(sessions, "k2")
        async with sessions() as s, s.begin():
            await outbox.enqueue(s, "T1", "kudos.received", {}, key="k1", at=T0)
        assert not await settled(wake)
    finally:
        unsubscribe()
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="k3", at=T0)
    assert not await settled(wake), "an unsubscribed worker is not woken"


async def test_a_quiet_delivery_for_later_wakes_nobody(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The end of a kudos' Undo is queued with every `/kudos`, for minutes later: waking the
    worker for it cost a claim that found nothing. A worker's own poll claims it once due."""
    wake = asyncio.Event()
    unsubscribe = wakeups.subscribe(wake)
    try:
        async with sessions() as s, s.begin():
            added = await outbox.enqueue(
                s, "T1", "kudos.undo_ended", {}, key="k1", at=T0, quiet=True
            )
        assert added and not await settled(wake)
        async with sessions() as s, s.begin():
            claimed = await outbox_claims.claim_due(s, T0, T0 + timedelta(minutes=1), 10)
        assert [c.dedupe_key for c in claimed] == ["k1"], "claimed by the poll once due"
    finally:
        unsubscribe()


async def test_another_replica_listening_wakes_at_the_commit_and_not_before(
    engine: AsyncEngine, database_url: str
) -> None:
    """PostgreSQL: a replica whose process queued nothing hears of the delivery by
    LISTEN/NOTIFY when the queuing transaction commits, and not when it rolls back."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no signal between processes: workers there poll")
    other = create_engine(database_url)  # another replica: its own engine and connections
    wake = asyncio.Event()
    listener = wakeups.Listener(other, wake)
    try:
        assert await listener.connect()
        wake.clear()  # connecting asks the worker to look once, for what it may have missed
        sessions = create_sessions(engine)
        await queued_then_rolled_back(sessions, "k0")
        async with sessions() as s, s.begin():
            await outbox.enqueue(s, "T1", "kudos.received", {}, key="k1", at=T0)
            await outbox.enqueue(s, "T1", "kudos.shoutout", {}, key="k2", at=T0)
            await asyncio.sleep(0.2)
            assert not wake.is_set(), "not before the commit"
        await asyncio.wait_for(wake.wait(), 5)
    finally:
        await listener.close()
        await other.dispose()
    assert not listener.listening


async def test_a_listener_on_sqlite_says_it_does_not_listen(engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the SQLite case")
    listener = wakeups.Listener(engine, asyncio.Event())
    assert not await listener.connect()
    assert not listener.listening
