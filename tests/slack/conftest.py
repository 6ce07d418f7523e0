"""Tier (b) fixtures: the bot in process, driven through the local Slack emulator."""

from __future__ import annotations

import asyncio
import contextlib
import os
import weakref
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from bot.reliability import delivery
from handlers.dispatch import after_ack
from tests.host_zone import host_in
from tests.slack import harness
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.module_bot import ModuleBot


def pytest_itemcollected(item: pytest.Item) -> None:
    """Each tier b test is marked `tier_b`: the PostgreSQL pass runs only the tier b tests
    marked `postgres_too`, which between them reach all the storage code the whole tier
    reaches there (`-m "not tier_b or postgres_too"`, docs/testing.md)."""
    item.add_marker(pytest.mark.tier_b)


LISTENER_LAG = "ASKAROUND_TEST_LISTENER_LAG"


@pytest.fixture
def server_in_los_angeles() -> Iterator[None]:
    """The process's own time zone (`TZ`) set to Los Angeles for a test, as a server's may
    be: askaround counts each rule in a person's zone, never the host's, so its tests pass
    alike (docs/testing-log.md, "Time, red-teamed")."""
    with host_in("America/Los_Angeles"):
        yield


@pytest.fixture(autouse=True)
def listener_lag(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ASKAROUND_TEST_LISTENER_LAG=2, the work of each event (acked by Bolt at once, all
    of it after the ack) is held until the test next waits for the bot (`settle`, `drain`) and
    the bot is quiet but for it, or for 2 s (a test waiting with `wait_for`, 5 s, still gets
    it): as on a loaded CI runner, where the test's next step, a job it runs or a command's
    listener gets there first, but every time. A test that reads what the bot did with an
    event without waiting for it fails then (docs/testing.md). Unset, nothing changes."""
    lag = float(os.environ.get(LISTENER_LAG) or 0)
    if not lag:
        return
    events: weakref.WeakSet[after_ack.Turn] = weakref.WeakSet()
    held: set[asyncio.Task[None] | None] = set()
    release = [asyncio.Event()]  # set, and replaced, once the test waits and all else is done
    at_start, if_first = after_ack.Turn.take_at_start, after_ack.Turn.take_if_first
    until_quiet, listeners = SlackHarness._until_quiet, harness.in_flight_listeners

    def an_event(turn: after_ack.Turn) -> None:
        events.add(turn)
        at_start(turn)

    async def late(turn: after_ack.Turn) -> None:
        if turn in events:
            held.add(asyncio.current_task())
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(release[0].wait(), lag)
            finally:
                held.discard(asyncio.current_task())
        await if_first(turn)

    async def waiting(slack: SlackHarness, horizon: timedelta | None, within: float) -> None:
        # An event let go counts as in flight at once, before its task has woken (three turns
        # of the loop), and one whose lag ran out as the bot came to rest is waited for: on a
        # loaded host the wait's two looks 1 ms apart ended first, and the test read nothing.
        while True:
            await until_quiet(slack, horizon, within)  # all but the events held
            if not held and not set(listeners()) - held:
                return
            released, release[0] = release[0], asyncio.Event()
            held.clear()
            released.set()

    monkeypatch.setattr(after_ack.Turn, "take_at_start", an_event)
    monkeypatch.setattr(after_ack.Turn, "take_if_first", late)
    monkeypatch.setattr(harness, "in_flight_listeners", lambda: set(listeners()) - held)
    monkeypatch.setattr(SlackHarness, "_until_quiet", waiting)


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The bot in this process, on the suite's database, with Slack's pace on a fake clock."""
    async with bot_in_process(tmp_path) as harness:
        yield harness


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ModuleBot]:
    """One bot for the module's cases that take it through `unchanged` (and run on the
    module's event loop: `@pytest.mark.asyncio(loop_scope="module")`)."""
    async with bot_in_process(tmp_path_factory.mktemp("module-bot")) as slack:
        shared = ModuleBot(slack)
        try:
            yield shared
        finally:
            shared.close()


@pytest_asyncio.fixture(loop_scope="module")
async def unchanged(module_bot: ModuleBot) -> AsyncIterator[SlackHarness]:
    """The module's bot for one case, which must leave it as it found it (`module_bot.py`):
    the same rows in its database, nothing new shown anyone in Slack but a form. Slack's calls
    recorded are the case's own; what Slack would refuse fails the case that sent it."""
    before = await module_bot.mark()
    module_bot.slack.emu.calls.clear()
    yield module_bot.slack
    problems = module_bot.block_kit_problems(before)
    assert problems == [], problems
    left = await module_bot.left_behind(before)
    assert left == [], f"the case left the module's bot changed: {left}"


@pytest.fixture
def ack_deadline_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """A listener's ack is late from its start (the bot's `ack_within` 0): the bot waits out
    Slack's `Retry-After` on the fake clock, in no real time, so a wait longer than Slack's
    3 s for the ack takes no 2.5 s of real time to pass the bot's deadline either."""
    monkeypatch.setattr(harness, "ACK_WITHIN", 0)


# The outbox gives a delivery Slack keeps failing (5xx) up after its twelfth try, the backoff
# doubling from 1 s to 10 minutes: each try a claim, a send and its outcome written, some 40 ms
# of CPU. A test whose point is what comes after the giving up (or that nothing breaks on the
# way) sees the same path after three: the first failure, a retry that fails too, the last.
# The bound itself is tested where it is the point (tests/domain/test_delivery.py,
# test_rate_limited_long.py, and the lost answers' tests that fail MAX_ATTEMPTS - 1 tries).
GIVEN_UP_AFTER = 3


@pytest.fixture
def gives_up_sooner(monkeypatch: pytest.MonkeyPatch) -> None:
    """The outbox gives a failing delivery up after `GIVEN_UP_AFTER` tries, not twelve."""
    monkeypatch.setattr(delivery, "MAX_ATTEMPTS", GIVEN_UP_AFTER)
