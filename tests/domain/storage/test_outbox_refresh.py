"""Home tab rebuilds in the outbox, on a real database: changes while one waits share it, a
change after it was claimed or sent gets a new one, each person has their own, and someone who
never opened the tab has none."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import home
from storage import outbox_claims, people
from storage.models import OutboxItem

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
async def opened(sessions: async_sessionmaker[AsyncSession]) -> None:
    """U1 and U2 of T1 and U1 of T2 have opened their Home tab; U3 of T1 never has."""
    async with sessions() as s, s.begin():
        for team, user in (("T1", "U1"), ("T1", "U2"), ("T2", "U1"), ("T1", "U3")):
            await people.ensure_person(s, team, user)
            if user != "U3":
                await people.home_opened(s, team, user, NOW - timedelta(days=1))


async def test_a_tab_never_opened_is_not_rebuilt(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """U3 never opened the tab: a change queues nothing (it is built when opened); once
    opened, the next change rebuilds it."""
    async with sessions() as s, s.begin():
        await home.changed(s, "T1", "U3", NOW)
        await home.changed(s, "T1", "U9", NOW)  # nobody askaround knows
    assert await rows(sessions) == []
    async with sessions() as s, s.begin():
        await people.home_opened(s, "T1", "U3", NOW)
        await home.changed(s, "T1", "U3", NOW)
    assert await rows(sessions) == [("U3", "pending")]


async def rows(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[str, str]]:
    async with sessions() as s:
        found = await s.scalars(select(OutboxItem).order_by(OutboxItem.id))
        return [(r.payload["user_id"], r.status) for r in found]


async def test_changes_while_a_rebuild_waits_share_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Three changes for U1 before the worker comes by are one rebuild; U2 and U1 in another
    workspace have their own."""
    async with sessions() as s, s.begin():
        for _ in range(3):
            await home.changed(s, "T1", "U1", NOW)
        await home.changed(s, "T1", "U2", NOW)
        await home.changed(s, "T2", "U1", NOW)
    async with sessions() as s, s.begin():
        await home.changed(s, "T1", "U1", NOW + timedelta(seconds=1))
    assert await rows(sessions) == [("U1", "pending"), ("U2", "pending"), ("U1", "pending")]


async def test_a_change_after_the_rebuild_was_claimed_or_sent_gets_a_new_one(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Once the worker has claimed the rebuild it may already have read the database, so a
    later change needs a rebuild of its own; so does one after it was sent."""
    async with sessions() as s, s.begin():
        await home.changed(s, "T1", "U1", NOW)
    async with sessions() as s, s.begin():
        [claimed] = await outbox_claims.claim_due(s, NOW, NOW + timedelta(seconds=60), 10)
    async with sessions() as s, s.begin():
        await home.changed(s, "T1", "U1", NOW)
    assert await rows(sessions) == [("U1", "sending"), ("U1", "pending")]
    async with sessions() as s, s.begin():
        await outbox_claims.finish(s, claimed.id, "sent", at=NOW)
        [second] = await outbox_claims.claim_due(s, NOW, NOW + timedelta(seconds=60), 10)
        await outbox_claims.finish(s, second.id, "sent", at=NOW)
    async with sessions() as s, s.begin():
        await home.changed(s, "T1", "U1", NOW)
    assert await rows(sessions) == [("U1", "sent"), ("U1", "sent"), ("U1", "pending")]


async def test_a_change_racing_a_claim_never_leans_on_a_rebuild_already_rendering(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The worker's claim is still open when a change comes: the change waits for it and,
    finding the rebuild `sending` (perhaps rendered already), queues its own."""
    async with sessions() as s, s.begin():
        await home.changed(s, "T1", "U1", NOW)
    async with sessions() as worker, worker.begin():
        assert len(await outbox_claims.claim_due(worker, NOW, NOW + timedelta(seconds=60), 10)) == 1
        change = asyncio.create_task(_change(sessions))
        await asyncio.sleep(0.3)
        assert not change.done()  # held by the claim's lock
    await change
    assert await rows(sessions) == [("U1", "sending"), ("U1", "pending")]


async def test_a_rebuild_taken_by_a_change_is_skipped_by_a_claim_until_it_commits(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """PostgreSQL: while a change's transaction holds the waiting rebuild, a worker's claim
    (SKIP LOCKED) passes it by, so it cannot render before the change commits."""
    if sessions.kw["bind"].dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: the claim simply waits for the change's commit")
    async with sessions() as s, s.begin():
        await home.changed(s, "T1", "U1", NOW)
    async with sessions() as change, change.begin():
        await home.changed(change, "T1", "U1", NOW)
        async with sessions() as worker, worker.begin():
            assert await outbox_claims.claim_due(worker, NOW, NOW + timedelta(seconds=60), 10) == []
    async with sessions() as worker, worker.begin():
        assert len(await outbox_claims.claim_due(worker, NOW, NOW + timedelta(seconds=60), 10)) == 1
    assert await rows(sessions) == [("U1", "sending")]


async def _change(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as s, s.begin():
        await home.changed(s, "T1", "U1", NOW)
