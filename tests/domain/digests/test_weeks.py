"""ISO weeks in people's own time zones: parsing, windows, and when a digest is due."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.digests.weeks import IsoWeek, due_week, parse_period
from bot.errors import UserError

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_parse_and_label_round_trip_and_bad_weeks_are_explained() -> None:
    """`2026-W47` parses to week 47 of 2026 (Monday 16 Nov); week 54 or prose is refused."""
    week = IsoWeek.parse("2026-W47")
    assert (week.label, str(week.monday)) == ("2026-W47", "2026-11-16")
    assert IsoWeek.parse("2026w1").label == "2026-W01"
    for bad in ("2026-W54", "2026-47", "next week"):
        with pytest.raises(UserError, match="use YYYY-Www"):
            IsoWeek.parse(bad)


def test_window_is_the_local_monday_to_monday() -> None:
    """W47 in Madrid starts Sunday 23:00 UTC; in Tokyo it ends Sunday 15:00 UTC; shifting
    crosses years, and 2026 has a week 53."""
    week = IsoWeek(2026, 47)
    assert week.window("Europe/Madrid")[0] == datetime(2026, 11, 15, 23, tzinfo=UTC)
    assert week.window("Asia/Tokyo")[1] == datetime(2026, 11, 22, 15, tzinfo=UTC)
    assert week.shifted(-47).label == "2025-W52"
    assert (week.shifted(6).label, week.shifted(7).label) == ("2026-W53", "2027-W01")


def test_due_from_the_local_send_time_until_the_end_of_that_week() -> None:
    """Monday 09:00 in Madrid is 08:00 UTC: due from then, covering the week before, and
    still due on Sunday; a Friday 16:00 setting waits for Friday."""
    before = datetime(2026, 11, 23, 7, 59, tzinfo=UTC)
    at = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    sunday = datetime(2026, 11, 29, 22, 0, tzinfo=UTC)
    assert due_week(before, "Europe/Madrid", 0, 9) is None
    assert due_week(at, "Europe/Madrid", 0, 9) == IsoWeek(2026, 47)
    assert due_week(sunday, "Europe/Madrid", 0, 9) == IsoWeek(2026, 47)
    assert due_week(at, "Europe/Madrid", 4, 16) is None
    assert due_week(at, "Not/AZone", 0, 8) == IsoWeek(2026, 47)  # unknown zones are UTC


def test_periods_people_type() -> None:
    """`this week`, `last week`, nothing, or an ISO week, seen from the reader's zone."""
    now = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # Monday already in Madrid
    assert parse_period("", now, "Europe/Madrid") == IsoWeek(2026, 48)
    assert parse_period("this week", now, "Europe/London") == IsoWeek(2026, 47)
    assert parse_period("Last  week", now, "Europe/Madrid") == IsoWeek(2026, 47)
    assert parse_period("2026-W10", now, "UTC") == IsoWeek(2026, 10)
    # A week without its year is the latest of that number that has begun where they live.
    assert parse_period("W48", now, "Europe/Madrid") == IsoWeek(2026, 48)
    assert parse_period("w48", now, "Europe/London") == IsoWeek(2025, 48)
    assert parse_period("Week 5", now, "UTC") == IsoWeek(2026, 5)
    assert parse_period("W53", now, "UTC") == IsoWeek(2020, 53)  # 2026 has 53, not begun yet
    for bad in ("W0", "W54", "W 48"):
        with pytest.raises(UserError, match="YYYY-Www or Www"):
            parse_period(bad, now, "UTC")
