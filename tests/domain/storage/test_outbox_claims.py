"""Outbox claims on a real database: a live replica's lease holds until it runs out, a dead
replica's sends are taken back as soon as its heartbeat stops, and a claim without a
heartbeat behind it (no replica row) only ever ends with its lease."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.reliability.inbox import DEAD_AFTER
from storage import inbox, outbox, outbox_claims, outbox_status
from storage.models import OutboxItem

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=60)


async def claim(
    sessions: async_sessionmaker[AsyncSession], at: datetime, by: str | None
) -> list[str]:
    async with sessions() as s, s.begin():
        items = await outbox_claims.claim_due(
            s, at, at + LEASE, 10, by=by, dead_before=at - DEAD_AFTER
        )
        return [str(i.dedupe_key) for i in items]


async def test_a_dead_replicas_sends_are_taken_back_before_its_lease_ends(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as s, s.begin():
        await inbox.seen(s, "alive", T0)
        await inbox.seen(s, "doomed", T0)
        for key in ("a", "b", "c"):
            await outbox.enqueue(s, "T1", "kudos.received", {}, key=key, at=T0)
    assert await claim(sessions, T0, "doomed") == ["a", "b", "c"]
    soon = T0 + DEAD_AFTER / 2
    async with sessions() as s, s.begin():
        await inbox.seen(s, "alive", soon)
        await inbox.seen(s, "doomed", soon)
    assert await claim(sessions, soon, "alive") == [], "a live replica keeps its lease"

    later = T0 + DEAD_AFTER * 2  # "doomed" stopped beating at `soon`; its lease runs to T0+60s
    async with sessions() as s, s.begin():
        await inbox.seen(s, "alive", later)
    assert later < T0 + LEASE
    assert await claim(sessions, later, "alive") == ["a", "b", "c"]
    assert await claim(sessions, later, "alive") == [], "and only once"


async def test_a_claim_without_a_heartbeat_waits_out_its_lease(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="a", at=T0)
    assert await claim(sessions, T0, "never-seen") == ["a"]
    assert await claim(sessions, T0 + DEAD_AFTER * 2, "other") == []
    assert await claim(sessions, T0 + LEASE + timedelta(seconds=1), "other") == ["a"]


async def test_finishing_a_send_forgets_who_claimed_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """A delivery the dead replica put back, then claimed by a live one, is not taken from
    the live one because its earlier claimer died."""
    async with sessions() as s, s.begin():
        await inbox.seen(s, "doomed", T0)
        await inbox.seen(s, "alive", T0)
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="a", at=T0)
    async with sessions() as s, s.begin():
        [item] = await outbox_claims.claim_due(s, T0, T0 + LEASE, 10, by="doomed")
        await outbox_claims.finish(s, item.id, "pending", at=T0, next_attempt_at=T0, tried=False)
    assert await claim(sessions, T0, "alive") == ["a"]
    later = T0 + DEAD_AFTER * 2
    async with sessions() as s, s.begin():
        await inbox.seen(s, "alive", later)
    assert await claim(sessions, later, "third") == []


async def test_a_replica_never_takes_back_its_own_sends(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """However stale its own heartbeat looks, its sends are in flight: only the lease ends them."""
    async with sessions() as s, s.begin():
        await inbox.seen(s, "self", T0)
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="a", at=T0)
    assert await claim(sessions, T0, "self") == ["a"]
    assert await claim(sessions, T0 + DEAD_AFTER * 2, "self") == []


async def test_a_batch_of_outcomes_is_recorded_in_one_call(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Sent, put back untried, retried later, failed: each row gets its own outcome, and an
    attempt not tried does not count."""
    async with sessions() as s, s.begin():
        for key in ("sent", "untried", "retry", "failed", "left"):
            await outbox.enqueue(s, "T1", "kudos.received", {"k": key}, key=key, at=T0)
    async with sessions() as s, s.begin():
        claimed = await outbox_claims.claim_due(s, T0, T0 + LEASE, 4, by="r1")
    assert [(c.dedupe_key, c.attempts, c.payload) for c in claimed] == [
        (key, 1, {"k": key}) for key in ("sent", "untried", "retry", "failed")
    ]
    ids = {str(c.dedupe_key): int(c.id) for c in claimed}
    later = T0 + timedelta(seconds=30)
    async with sessions() as s, s.begin():
        await outbox_claims.finish_all(
            s,
            [
                outbox_claims.Finished(ids["sent"], "sent", T0),
                outbox_claims.Finished(
                    ids["untried"], "pending", T0, next_attempt_at=later, tried=False
                ),
                outbox_claims.Finished(ids["retry"], "pending", T0, "ratelimited", later),
                outbox_claims.Finished(ids["failed"], "failed", T0, "channel_not_found"),
            ],
        )
    async with sessions() as s:
        rows = {
            row.dedupe_key: row
            for row in (await s.execute(select(OutboxItem).order_by(OutboxItem.id))).scalars()
        }
    assert [(k, r.status, r.attempts, r.claimed_by, r.last_error) for k, r in rows.items()] == [
        ("sent", "sent", 1, None, None),
        ("untried", "pending", 0, None, None),
        ("retry", "pending", 1, None, "ratelimited"),
        ("failed", "failed", 1, None, "channel_not_found"),
        ("left", "pending", 0, None, None),
    ]
    assert rows["sent"].sent_at == T0 and rows["failed"].sent_at is None
    assert rows["untried"].next_attempt_at == later == rows["retry"].next_attempt_at
    assert rows["sent"].next_attempt_at == T0, "an outcome without a new time keeps the old"
    assert await claim(sessions, later, "r1") == ["untried", "retry", "left"]


async def test_a_claim_takes_public_messages_before_recipients_dms(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """In a backlog the shout-outs go first; the DMs queued before them wait their turn."""
    async with sessions() as s, s.begin():
        for key in ("dm1", "dm2", "dm3"):
            await outbox.enqueue(s, "T1", "kudos.received", {}, key=key, at=T0)
        for key in ("shout1", "shout2"):
            await outbox.enqueue(s, "T1", "kudos.shoutout", {}, key=key, at=T0)
    async with sessions() as s, s.begin():
        first = await outbox_claims.claim_due(s, T0, T0 + LEASE, 2, by=None)
    assert [str(i.dedupe_key) for i in first] == ["shout1", "shout2"]
    assert await claim(sessions, T0, None) == ["dm1", "dm2", "dm3"]


async def test_a_delivery_queued_for_later_is_not_waiting_until_its_moment(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The outbox's depth (the metric, and what the tests' and benchmarks' drains wait for)
    counts a delivery queued for a later moment (a kudos' Undo ending) only from then on; one
    put back after a try (a backoff) waits all along."""
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="now", at=T0)
        await outbox.enqueue(s, "T1", "kudos.undo_ended", {}, key="later", at=T0 + LEASE)
    async with sessions() as s:
        assert await outbox_status.depth(s, T0) == (1, T0)
    assert await claim(sessions, T0, "alive") == ["now"]
    async with sessions() as s, s.begin():
        await outbox_claims.finish(s, 1, "pending", at=T0, next_attempt_at=T0 + LEASE * 2)
    async with sessions() as s:
        assert await outbox_status.depth(s, T0) == (1, T0)
        assert await outbox_status.depth(s, T0 + LEASE) == (2, T0)


async def test_a_replica_seen_dead_ends_no_claim_but_its_own(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """ "slow" is alive but its heartbeat was held up past DEAD_AFTER (a database slow to take
    its writes): "alive" takes its send back and sends it. "slow"'s own send then fails and
    is put back: that ended "alive"'s claim, and a third claim sent the delivery again beside
    "alive"'s send. A finish ends only the claim of the replica that finishes
    (docs/testing-log.md, "The reliability core, a reviewer's pass")."""
    async with sessions() as s, s.begin():
        await inbox.seen(s, "slow", T0)
        await inbox.seen(s, "alive", T0)
        await outbox.enqueue(s, "T1", "kudos.received", {}, key="a", at=T0)
    async with sessions() as s, s.begin():
        [item] = await outbox_claims.claim_due(s, T0, T0 + LEASE, 10, by="slow")
    later = T0 + DEAD_AFTER * 2
    async with sessions() as s, s.begin():
        await inbox.seen(s, "alive", later)
    assert await claim(sessions, later, "alive") == ["a"]
    async with sessions() as s, s.begin():
        await outbox_claims.finish(
            s, item.id, "pending", at=later, next_attempt_at=later, error="fatal_error", by="slow"
        )
    async with sessions() as s, s.begin():
        await inbox.seen(s, "third", later)
    assert await claim(sessions, later, "third") == [], "still alive's to send"
    async with sessions() as s, s.begin():
        await outbox_claims.finish(s, item.id, "sent", at=later, by="alive")
    async with sessions() as s:
        [row] = (await s.scalars(select(OutboxItem))).all()
    assert (row.status, row.claimed_by, row.attempts) == ("sent", None, 2)
