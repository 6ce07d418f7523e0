"""Tier (b) fixtures: the bot in process, driven through the local Slack emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.reliability import delivery
from tests.slack import harness
from tests.slack.harness import SlackHarness, bot_in_process


def pytest_itemcollected(item: pytest.Item) -> None:
    """Each tier b test is marked `tier_b`: the PostgreSQL pass runs only the tier b tests
    marked `postgres_too`, which between them reach all the storage code the whole tier
    reaches there (`-m "not tier_b or postgres_too"`, docs/testing.md)."""
    item.add_marker(pytest.mark.tier_b)


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The bot in this process, on the suite's database, with Slack's pace on a fake clock."""
    async with bot_in_process(tmp_path) as harness:
        yield harness


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
