"""The words `/skills away` accepts for a date, counted from the person's own today."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.directory.status import no_such_day, until_date
from bot.timezone import local_date

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

FRIDAY = date(2026, 11, 27)


def test_a_weekday_is_the_coming_one_and_next_is_in_next_week() -> None:
    assert until_date("until friday", FRIDAY) == date(2026, 12, 4)  # never today
    assert until_date("until sat", FRIDAY) == date(2026, 11, 28)
    assert until_date("until next saturday", FRIDAY) == date(2026, 12, 5)
    assert until_date("until next week", FRIDAY) == date(2026, 11, 30)
    assert until_date("UNTIL   Tomorrow", FRIDAY) == date(2026, 11, 28)


def test_counts_and_calendar_dates() -> None:
    assert until_date("for 1 day", FRIDAY) == date(2026, 11, 28)
    assert until_date("for 3 weeks", FRIDAY) == date(2026, 12, 18)
    assert until_date("until 3rd march", FRIDAY) == date(2027, 3, 3)
    assert until_date("until december 24", FRIDAY) == date(2026, 12, 24)
    assert until_date("until 2026-01-01", FRIDAY) == date(2026, 1, 1)  # the caller refuses it
    # without leading zeros, as many type a date (until 7 December "I can't tell until when")
    assert until_date("until 2026-12-7", FRIDAY) == date(2026, 12, 7)
    assert until_date("until 2027-1-5", FRIDAY) == date(2027, 1, 5)
    assert no_such_day("until 2027-2-29") == "2027 has no 29 February: it is not a leap year."
    assert no_such_day("until 2026-13-1") == "2026-13-1 is not a day on the calendar."


def test_what_is_not_a_date_is_none() -> None:
    dates = ("until 30 feb", "until 2026-02-30", "until 2026-2-30", "until 26-12-7")
    for words in (*dates, "until soon", "for ever", "friday", ""):
        assert until_date(words, FRIDAY) is None, words
    assert until_date("until next 24 dec", FRIDAY) is None


def test_today_is_the_persons_own() -> None:
    late = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    assert local_date(late, "Europe/Paris") == FRIDAY
    assert local_date(late, "America/New_York") == date(2026, 11, 26)
    assert local_date(late, None) == date(2026, 11, 26)
