"""A delivery queued while this process's worker has room is leased to it in the queueing
transaction and handed over when that transaction commits, with no claim: never before the
commit, never after a rollback, never twice for one key. Without room it is queued pending
and claimed as before; a handed-over row another replica could see stays leased."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.reliability.outbox import Claimed, Outbox
from storage import outbox, outbox_claims
from storage.models import OutboxItem

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=60)


class Worker:
    def __init__(self) -> None:
        self.room = True
        self.taken: list[Claimed] = []

    def lease(self, due: datetime) -> datetime | None:
        return due + LEASE if self.room else None

    def take(self, items: list[Claimed]) -> None:
        self.taken.extend(items)


async def rows(sessions: async_sessionmaker[AsyncSession]) -> dict[str, tuple[str, str | None]]:
    async with sessions() as s:
        columns = (OutboxItem.dedupe_key, OutboxItem.status, OutboxItem.claimed_by)
        found = await s.execute(select(*columns))
        return {str(key): (status, by) for key, status, by in found.all()}


async def test_handed_over_at_commit_and_leased_meanwhile(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    worker = Worker()
    stop = Outbox(sessions).send_new_here("me", worker.lease, worker.take)
    try:
        async with sessions() as s, s.begin():
            assert await outbox.enqueue(s, "T1", "kudos.received", {"kudos_id": 7}, key="a", at=T0)
            assert worker.taken == [], "not before the commit: the row is not visible yet"
        [item] = worker.taken
        assert (item.key, item.team_id, item.kind, item.payload, item.attempts) == (
            "a",
            "T1",
            "kudos.received",
            {"kudos_id": 7},
            1,
        )
        assert (await rows(sessions))["a"] == ("sending", "me")
        async with sessions() as s, s.begin():
            # Nobody else claims it while its lease holds.
            assert await outbox_claims.claim_due(s, T0, T0 + LEASE, 10, by="other") == []
            assert not await outbox.enqueue(s, "T1", "kudos.received", {}, key="a", at=T0)
        assert len(worker.taken) == 1, "the same key twice is one delivery"
    finally:
        stop()


async def test_a_rollback_hands_nothing_and_no_room_queues_it_pending(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    worker = Worker()
    stop = Outbox(sessions).send_new_here("me", worker.lease, worker.take)
    try:
        with pytest.raises(RuntimeError):
            async with sessions() as s, s.begin():
                await outbox.enqueue(s, "T1", "kudos.received", {}, key="a", at=T0)
                raise RuntimeError("the unit of work fails")
        async with sessions() as s, s.begin():
            await outbox.enqueue(s, "T1", "kudos.received", {}, key="b", at=T0)
        worker.room = False
        async with sessions() as s, s.begin():
            await outbox.enqueue(s, "T1", "kudos.received", {}, key="c", at=T0)
        assert [i.key for i in worker.taken] == ["b"]
        assert await rows(sessions) == {"b": ("sending", "me"), "c": ("pending", None)}
    finally:
        stop()
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="d", at=T0)
    assert [i.key for i in worker.taken] == ["b"], "a stopped worker takes nothing"


async def test_a_delivery_waiting_its_turn_books_it_once_not_again_when_queued_twice(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """A DM that Slack's pace would turn away now is queued pending for its turn, booked
    once it is queued; queued a second time (the same key: nothing is added), it books no
    other turn, which the next DM would have waited for."""
    worker = Worker()
    booked: list[str] = []
    turn_at = T0 + timedelta(seconds=2)

    def turn(_team: str, _kind: str, memo: object) -> tuple[datetime, Callable[[], None]]:
        return turn_at, lambda: booked.append(str(memo))

    stop = Outbox(sessions).send_new_here("me", worker.lease, worker.take, turn)
    try:
        for attempt in ("first", "again"):
            async with sessions() as s, s.begin():
                added = await outbox.enqueue(
                    s, "T1", "kudos.received", {"kudos_id": 7}, key="a", at=T0, memo=attempt
                )
                assert added == (attempt == "first")
        assert booked == ["first"]
        assert worker.taken == []
        assert await rows(sessions) == {"a": ("pending", None)}
    finally:
        stop()
