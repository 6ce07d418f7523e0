"""The retry policy: Slack's Retry-After first, then growing jittered delays, then give up."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from bot.reliability.delivery import MAX_ATTEMPTS, after_failure

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def test_retry_after_is_honoured() -> None:
    """A 429 waits at least what Slack asked, and not much more."""
    outcome = after_failure(1, NOW, "ratelimited", transient=True, retry_after=7)
    assert outcome.status == "pending" and outcome.next_attempt_at is not None
    assert timedelta(seconds=7) <= outcome.next_attempt_at - NOW <= timedelta(seconds=7.5)


def _delay(attempt: int, rng: random.Random) -> float:
    """Seconds from now to the next attempt after a transient failure."""
    at = after_failure(attempt, NOW, "500", transient=True, rng=rng).next_attempt_at
    assert at is not None
    return (at - NOW).total_seconds()


def test_backoff_grows_with_jitter_and_is_bounded() -> None:
    """Later attempts wait longer; two workers do not retry in lockstep; the wait is capped."""
    rng = random.Random(1)
    delays = [_delay(n, rng) for n in range(1, MAX_ATTEMPTS)]
    assert delays[0] < 1.5 and delays[-1] > 20 and max(delays) <= 900
    a = after_failure(3, NOW, "500", transient=True, rng=random.Random(1)).next_attempt_at
    b = after_failure(3, NOW, "500", transient=True, rng=random.Random(2)).next_attempt_at
    assert a != b


def test_permanent_errors_and_the_last_attempt_fail() -> None:
    """`channel_not_found` is not retried; no failure is retried past the bound."""
    assert after_failure(1, NOW, "channel_not_found", transient=False).status == "failed"
    assert after_failure(MAX_ATTEMPTS, NOW, "500", transient=True).status == "failed"


def test_a_rate_limit_is_waited_out_past_the_bound() -> None:
    """A 429 is Slack saying when: the delivery waits as told, whatever its attempts."""
    outcome = after_failure(MAX_ATTEMPTS * 2, NOW, "ratelimited", transient=True, retry_after=3)
    assert outcome.status == "pending"
