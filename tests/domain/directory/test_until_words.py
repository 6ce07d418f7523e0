"""The words `/skills away` accepts for a date, counted from the person's own today."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.directory.status import until_date
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


def test_what_is_not_a_date_is_none() -> None:
    for words in ("until 30 feb", "until 2026-02-30", "until soon", "for ever", "friday", ""):
        assert until_date(words, FRIDAY) is None, words
    assert until_date("until next 24 dec", FRIDAY) is None


def test_today_is_the_persons_own() -> None:
    late = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    assert local_date(late, "Europe/Paris") == FRIDAY
    assert local_date(late, "America/New_York") == date(2026, 11, 26)
    assert local_date(late, None) == date(2026, 11, 26)
