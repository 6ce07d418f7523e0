"""How long a send in flight keeps its delivery leased, through the running bot: a delivery
handed straight to the worker counts its lease from when the transaction that queued it
leased it, not from when its send began; one whose replica left the replicas table (a clean
stop) is kept until its lease runs out (docs/testing-log.md, "The reliability core, a
reviewer's pass", and the pass after it)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.reliability.delivery import Outcome
from bot.reliability.outbox import Claimed
from handlers.outbox.welcome import WELCOME, welcome_key
from handlers.outbox.worker import LEASE
from storage import outbox
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_taken_back_mid_send import until_settled


async def test_a_send_queued_by_a_slow_transaction_keeps_its_lease(slack: SlackHarness) -> None:
    """Bob's welcome is queued by a transaction that stays open 45 s, its lease given at the
    start; Slack then holds the post. 65 s after the lease was given it is still this
    replica's, kept before it ran out: another replica's claim finds nothing to take back,
    and it is posted once, at its first attempt. Before, the lease was counted from the
    send's start, to be kept only at 75 s: it ran out at 60 s under the send, and a claim
    took it back (this replica's own here, which only leases it anew, so attempts read 2;
    another replica's, had it come first, would have posted it beside the held one)."""
    bob = slack.user("bob")
    held = asyncio.Event()
    fault = slack.emu.faults.add("chat.postMessage", held=held)
    async with slack.services.sessions() as s, s.begin():
        now = slack.services.clock.now()
        key = welcome_key(slack.team_id, bob)
        assert await outbox.enqueue(s, slack.team_id, WELCOME, {"user": bob}, key=key, at=now)
        slack.advance(timedelta(seconds=45))
    await until_settled(slack, lambda rows, now: fault.hits == 1, "the held welcome")
    slack.advance(timedelta(seconds=20))

    def kept(rows: list[OutboxItem], now: datetime) -> bool:
        [row] = rows
        return row.status == "sending" and row.claimed_until is not None and row.claimed_until > now

    await until_settled(slack, kept, "the lease kept")
    now = slack.services.clock.now()
    taken = await slack.services.outbox.claim(
        now, now + LEASE, 10, by="another-replica", dead_before=now - timedelta(hours=1)
    )
    assert taken == []
    held.set()
    await slack.drain()
    async with slack.services.sessions() as s:
        [row] = await s.scalars(select(OutboxItem))
    assert (row.status, row.attempts) == ("sent", 1)
    assert len([m for m in slack.emu.dm_messages(bob) if m.by_bot]) == 1


async def test_a_send_in_flight_when_its_replica_leaves_waits_out_its_lease(
    slack: SlackHarness,
) -> None:
    """A replica stopping cleanly leaves the replicas table once its worker's time to finish
    is up, and its open requests pass on at once; a send Slack still holds then keeps its
    lease, for another replica to take only when it runs out: taken at once, it could be
    posted a second time while Slack was still answering the first (docs/operations.md)."""
    bob = slack.user("bob")
    held = asyncio.Event()
    fault = slack.emu.faults.add("chat.postMessage", held=held)
    now = slack.services.clock.now()
    key = welcome_key(slack.team_id, bob)
    await slack.services.outbox.once(slack.team_id, WELCOME, {"user": bob}, key=key, at=now)
    await until_settled(slack, lambda rows, now: fault.hits == 1, "the held welcome")
    await slack.services.inbox.leave()

    async def claimed(at: datetime) -> list[Claimed]:
        dead_before = at - timedelta(seconds=12)
        return await slack.services.outbox.claim(
            at, at + LEASE, 10, by="another-replica", dead_before=dead_before
        )

    assert await claimed(now + LEASE / 2) == []
    later = now + LEASE + timedelta(seconds=1)
    [taken] = await claimed(later)
    assert taken.kind == WELCOME
    await slack.services.outbox.finish(taken.id, Outcome("sent"), later, by="another-replica")
    held.set()
    await slack.settle()
    await slack.services.inbox.heartbeat()


async def test_a_stop_with_no_time_to_finish_ends_the_send_slack_holds(
    slack: SlackHarness,
) -> None:
    """`stop(within=0)` with Bob's welcome held at Slack returns, the send cancelled and
    its delivery left leased, as the 10 s a real stop gives do once they are up. On Python
    3.11 it never returned: `asyncio.wait_for`'s cancellation of the worker landed as the
    stop's own nudge ended the worker's wait, and was lost (docs/testing-log.md, "The
    reliability core's suspicions, tried"). 30 s only bound a hang; the stop takes none."""
    bob = slack.user("bob")
    held = asyncio.Event()
    fault = slack.emu.faults.add("chat.postMessage", held=held)
    now = slack.services.clock.now()
    key = welcome_key(slack.team_id, bob)
    await slack.services.outbox.once(slack.team_id, WELCOME, {"user": bob}, key=key, at=now)
    await until_settled(slack, lambda rows, now: fault.hits == 1, "the held welcome")
    stopping = asyncio.ensure_future(slack.runner.bot.outbox.stop(within=0))
    done, _ = await asyncio.wait({stopping}, timeout=30)
    held.set()
    assert stopping in done, "the stop waited for the send Slack holds"
    async with slack.services.sessions() as s:
        [row] = await s.scalars(select(OutboxItem))
    assert row.status == "sending"  # its lease runs out for a claim to take it back
