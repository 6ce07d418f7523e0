from datetime import UTC, datetime, timedelta

import pytest

from bot.recent import Recent

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

MINUTE = timedelta(seconds=60)


def test_what_was_kept_too_long_goes_as_something_new_is_kept() -> None:
    """A serving bot reads people and conversations all day: what it kept a minute and no
    longer asks for was held until the memory was full (20,000 profiles), each worth
    nothing once its minute ran out."""
    clock = [datetime(2026, 12, 6, 9, 0, tzinfo=UTC)]
    recent: Recent[str, int] = Recent(lambda: clock[0], size=20_000)
    for n in range(1_000):
        recent.put(f"U{n}", n, MINUTE)
    clock[0] += timedelta(seconds=30)
    recent.put("U-half-a-minute-later", 1, MINUTE)
    assert len(recent) == 1_001  # nothing has run out yet

    clock[0] += timedelta(seconds=31)
    recent.put("U-new", 2, MINUTE)
    assert len(recent) == 2  # the thousand ran out; the later one has 29 s to go
    assert recent.get("U-half-a-minute-later") == 1 and recent.get("U0") is None


def test_a_value_is_kept_for_its_time_and_the_oldest_use_goes_first() -> None:
    clock = [datetime(2026, 12, 6, 9, 0, tzinfo=UTC)]
    recent: Recent[str, int] = Recent(lambda: clock[0], size=2)
    recent.put("a", 1, MINUTE)
    recent.put("b", 2, MINUTE)
    assert recent.get("a") == 1  # used: "b" is now the oldest use
    recent.put("c", 3, MINUTE)
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == (1, None, 3)
    clock[0] += MINUTE
    assert recent.get("a") is None
