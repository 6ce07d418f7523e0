"""The delivery worker is woken by the commit that fills the outbox, and only by that: a
transaction that rolled back, or one whose delivery was already queued, wakes nobody."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import outbox, wakeups

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def settled(wake: asyncio.Event) -> bool:
    await asyncio.sleep(0)  # the wake-up is handed to the loop with call_soon_threadsafe
    return wake.is_set()


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
        with pytest.raises(RuntimeError):
            async with sessions() as s, s.begin():
                await outbox.enqueue(s, "T1", "kudos.received", {}, key="k2", at=T0)
                raise RuntimeError("the unit of work fails")
        async with sessions() as s, s.begin():
            await outbox.enqueue(s, "T1", "kudos.received", {}, key="k1", at=T0)
        assert not await settled(wake)
    finally:
        unsubscribe()
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="k3", at=T0)
    assert not await settled(wake), "an unsubscribed worker is not woken"
