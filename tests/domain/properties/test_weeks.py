"""Properties of the week a person names (`bot/digests/weeks.py`) and of `/kudos report`'s
arguments (`handlers/surfaces/reports.py`): `2026-W47`, `this week`, `last week`, a manager."""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.digests.weeks import IsoWeek, parse_period
from bot.errors import UserError
from handlers.surfaces.reports import parse_report
from tests.domain.properties import FEWER, MANY, assert_clear
from tests.domain.properties.strategies import ANY_TEXT, SLACKISH_TEXT, mentions

# Years before 1000 have no four-digit label (`999-W01`), so no YYYY-Www to type.
DAYS = st.dates(date(1000, 1, 8), date(9999, 12, 24))
NOW = st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC))
ZONES = st.sampled_from([None, "UTC", "Europe/Madrid", "Asia/Tokyo", "Pacific/Kiritimati", "x/y"])
WEEKISH = st.builds(
    "{}{}{}{}".format,
    st.text(string.digits, min_size=1, max_size=5),
    st.sampled_from(["-", "", "--", " "]),
    st.sampled_from(["W", "w", "week"]),
    st.text(string.digits, max_size=3),
)


@FEWER
@given(DAYS, st.sampled_from(["{}", "{:}", " {} ", "{}\n"]), st.booleans())
def test_every_week_label_parses_back(day: date, frame: str, compact: bool) -> None:
    """The label of every ISO week from year 1000 to 9999 (`2026-W47`, or `2026W47`, any case,
    spaces around) parses back to that week."""
    week = IsoWeek.of(day)
    label = week.label.replace("-", "") if compact else week.label.lower()
    assert IsoWeek.parse(frame.format(label)) == week
    assert week.monday <= day < week.monday + timedelta(days=7)


@MANY
@given(WEEKISH | ANY_TEXT)
def test_any_week_text_is_a_week_or_shows_the_format(text: str) -> None:
    """Any text (2026-W53 in a 52-week year, W00, year 0 included) is a real week or a
    UserError that quotes it and shows the YYYY-Www format."""
    try:
        week = IsoWeek.parse(text)
    except UserError as error:
        assert "YYYY-Www" in assert_clear(error, text)
        return
    assert week == IsoWeek.of(week.monday)


@FEWER
@given(
    st.sampled_from(["", "this week", "week", "last week", "LAST   week", " This Week "]),
    NOW,
    ZONES,
)
def test_named_periods_are_this_week_or_the_one_before(
    words: str, now: datetime, tz: str | None
) -> None:
    """`this week` (or nothing) is the reader's current week, `last week` the one before."""
    current = IsoWeek.at(now, tz)
    expected = current.shifted(-1) if "last" in words.lower() else current
    assert parse_period(words, now, tz) == expected


@FEWER
@given(ANY_TEXT | SLACKISH_TEXT)
def test_report_arguments_are_a_period_and_a_manager_or_refused(text: str) -> None:
    """`/kudos report …` with any text: period words (with no mention left in them) and at
    most one manager id, or a short refusal."""
    try:
        period, manager = parse_report(f"report {text}")
    except UserError as error:
        assert_clear(error, text)
        return
    assert "<@" not in period and "@" not in period
    assert manager is None or manager.startswith(("U", "W"))


@FEWER
@given(st.sampled_from(["", "this week", "last week", "2026-W47"]), mentions(), st.booleans())
def test_report_generated_arguments_round_trip(period: str, manager: str, first: bool) -> None:
    """`report last week <@U…>` (the mention before or after) gives back the period and id."""
    text = f"report {manager} {period}" if first else f"report {period} {manager}"
    user_id = manager.removeprefix("<@").split("|")[0].rstrip(">")
    assert parse_report(text) == (period, user_id)
