"""A rate limit is Slack saying when, not a failure: a delivery waits out Slack's `Retry-After`
however many times Slack asks, and is never given up for being rate limited (before, the
twelfth 429 in a row lost it like a permanent error)."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.reliability.delivery import MAX_ATTEMPTS
from handlers.dispatch.after_ack import AFTER_ACK_AT_ONCE, Turn
from handlers.dispatch.friendly import SLACK_BUSY
from handlers.outbox.replies import CHATTER_REPLY
from storage import outbox
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_taken_back_mid_send import until_settled


async def test_a_home_tab_rate_limited_many_times_is_still_published(
    slack: SlackHarness,
) -> None:
    alice = slack.user("alice")
    slack.emu.faults.add("views.publish", status=429, retry_after=5, times=MAX_ATTEMPTS + 3)
    await slack.emu.open_home(alice)
    await slack.drain()
    limited = [c for c in slack.emu.calls_to("views.publish") if c.status == 429]
    assert len(limited) == MAX_ATTEMPTS + 3
    async with slack.services.sessions() as s:
        statuses = list(await s.scalars(select(OutboxItem.status)))
    assert statuses and set(statuses) == {"sent"}
    assert slack.emu.home_view(alice) is not None


async def test_a_listener_waiting_out_a_rate_limit_holds_up_no_one_else(
    slack: SlackHarness,
) -> None:
    """Eight `/kudos me` (every turn after the ack, `AFTER_ACK_AT_ONCE`) whose `users.info`
    Slack answers 429 each time, then Bob's `/kudos help`: Bob is answered while they wait out
    `Retry-After`, before they give up. Before, each held its turn through five waits, and
    Bob (of this workspace or any other the process serves) waited for the first to give up:
    some 2.5 minutes at Slack's usual 30 s.

    The first tries are answered once all eight have arrived, the retries once all eight
    have: the eighth retry needs a turn, free only once Bob's work is done."""
    first, retries = asyncio.Event(), asyncio.Event()
    tried = slack.emu.faults.add(
        "users.info", status=429, retry_after=30, times=AFTER_ACK_AT_ONCE, held=first
    )
    retried = slack.emu.faults.add(
        "users.info", status=429, retry_after=30, times=None, held=retries
    )
    for _ in range(AFTER_ACK_AT_ONCE):
        await slack.command("alice", "/kudos", "me")
    await slack.command("bob", "/kudos", "help")
    await until_settled(slack, lambda _rows, _now: tried.hits == AFTER_ACK_AT_ONCE, "tries")
    first.set()
    await until_settled(slack, lambda _rows, _now: retried.hits == AFTER_ACK_AT_ONCE, "retries")
    retries.set()
    await slack.settle()
    answered = [e.user for e in slack.emu.ephemerals()]
    alice, bob = slack.user("alice"), slack.user("bob")
    assert answered.count(alice) == AFTER_ACK_AT_ONCE and answered.count(bob) == 1
    assert answered[0] == bob, answered
    assert all(SLACK_BUSY in e.text for e in slack.emu.ephemerals(alice))
    turns = slack.runner.bot.router.turns
    for _ in range(AFTER_ACK_AT_ONCE):  # every turn given back, none taken twice
        assert not turns.locked()
        await turns.acquire()


async def test_calls_asleep_together_give_the_turn_back_once_and_take_it_once() -> None:
    """A listener's calls gathered in parallel (`lookup_profiles`), all waiting out a 429:
    the turn goes back with the first, another listener's meanwhile, and comes back once,
    with the last; a call asleep after the work ended takes nothing."""
    gate = asyncio.Semaphore(1)
    turn, other = Turn(gate), Turn(gate)
    await turn.take()
    one, two = asyncio.Event(), asyncio.Event()
    sleeping = asyncio.gather(turn.asleep(one.wait()), turn.asleep(two.wait()))
    await other.take()
    one.set()
    two.set()
    other.give_back()
    await sleeping
    assert gate.locked()
    turn.give_back()
    assert not gate.locked()
    late = asyncio.Event()
    late.set()
    await turn.asleep(late.wait())
    assert not gate.locked()


async def test_a_delivery_queued_by_a_listener_leaves_its_turn_alone(slack: SlackHarness) -> None:
    """A listener holding its turn queues a reply the worker takes at once; Slack fails its
    ephemeral (a 502) and the delivery backs off. The listener still holds its turn, and
    the next listener still waits for it. Before, the delivery's task inherited the
    listener's `CURRENT_TURN` with the rest of its context: its backoff gave the turn away
    under the listener still running, and then waited for a listener's turn to go on."""
    alice = slack.user("alice")
    slack.emu.faults.add("chat.postEphemeral", status=502, times=1)
    gate = asyncio.Semaphore(1)
    turn, other = Turn(gate), Turn(gate)

    async def listener() -> None:
        turn.mine()
        await turn.take()
        async with slack.services.sessions() as s, s.begin():
            now = slack.services.clock.now()
            payload = {"said": "help", "channel": slack.channel("general"), "user": alice}
            assert await outbox.enqueue(s, slack.team_id, CHATTER_REPLY, payload, key="r", at=now)

    await asyncio.create_task(listener())
    waiting = asyncio.create_task(other.take())

    def done(rows: list[OutboxItem], _now: object) -> bool:
        return waiting.done() or [r.status for r in rows] == ["sent"]

    await until_settled(slack, done, "the reply")
    assert not waiting.done() and gate.locked()
    turn.give_back()
    await waiting
    other.give_back()
    assert not gate.locked()


async def test_a_turn_taken_again_after_its_work_ended_goes_back() -> None:
    """A call left asleep when its listener's work ended (one of a `gather` whose other call
    raised) wakes and waits for the turn while the work gives it back: once it gets it, the
    turn goes back at once. Before, it kept it for good, one turn fewer for every listener."""
    gate = asyncio.Semaphore(1)
    turn, other = Turn(gate), Turn(gate)
    await turn.take()
    woken = asyncio.Event()
    sleeping = asyncio.create_task(turn.asleep(woken.wait()))
    await other.take()
    woken.set()
    for _ in range(3):  # the call wakes, and waits for the turn
        await asyncio.sleep(0)
    assert gate._waiters
    turn.give_back()
    other.give_back()
    await sleeping
    assert not gate.locked()
