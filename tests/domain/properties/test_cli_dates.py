"""Properties of the command line's date and week options (`askaround export --since/--until`
in `bot/runtime/cli/export.py`, `askaround report --week` in `bot/runtime/cli/report.py`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.digests.weeks import IsoWeek
from bot.errors import AskaroundError
from bot.runtime.cli.export import window
from bot.runtime.cli.report import week_option
from tests.domain.properties import FEWER, MANY, assert_clear
from tests.domain.properties.strategies import ANY_TEXT

DAYS = st.dates(date(1, 1, 1), date(9999, 12, 30))


@FEWER
@given(DAYS, st.none() | st.integers(0, 4000))
def test_generated_days_are_whole_utc_days(first: date, length: int | None) -> None:
    """`--since D1 --until D2` is [D1 00:00, D2+1 00:00) in UTC; without --until it is open."""
    if length is not None and first >= date(9999, 12, 31) - timedelta(days=length):
        return  # the last day's end would be past what `date` can hold
    last = None if length is None else first + timedelta(days=length)
    start, end = window(first.isoformat(), last.isoformat() if last else None)
    assert start == datetime(first.year, first.month, first.day, tzinfo=UTC)
    assert end == (
        None if last is None else datetime.combine(last, start.timetz()) + timedelta(days=1)
    )


@MANY
@given(ANY_TEXT, ANY_TEXT | st.none())
def test_any_date_options_are_a_window_or_one_line(since: str, until: str | None) -> None:
    """Any text for --since and --until is a window, or an AskaroundError (one line, exit
    code 1) that names the option; never a traceback."""
    try:
        start, end = window(since, until)
    except AskaroundError as error:
        message = assert_clear(error, repr(since) + repr(until))
        assert message.startswith(("--since", "--until"))
        return
    assert end is None or start < end


@FEWER
@given(DAYS, st.integers(1, 4000))
def test_until_before_since_is_refused(last: date, back: int) -> None:
    """`--until` before `--since` is refused, naming both."""
    try:
        first = last + timedelta(days=back)
    except OverflowError:
        return
    try:
        window(first.isoformat(), last.isoformat())
    except AskaroundError as error:
        assert "before --since" in assert_clear(error)
    else:
        raise AssertionError("accepted")


@MANY
@given(ANY_TEXT | st.dates(date(1000, 1, 8), date(9999, 12, 24)).map(lambda d: IsoWeek.of(d).label))
def test_any_week_option_is_a_week_or_one_line(text: str) -> None:
    """`--week` with any text is a period or an AskaroundError that shows YYYY-Www; a period
    is one week wherever and whenever it is read, and an ISO week is itself."""
    try:
        period = week_option(text)
    except AskaroundError as error:
        assert "YYYY-Www" in assert_clear(error, repr(text))
        return
    week = period.at(datetime(2026, 1, 1, tzinfo=UTC), "Pacific/Kiritimati")
    assert week <= IsoWeek(2026, 1) or period.week == week
    if period.week is not None:
        assert IsoWeek.parse(week.label) == week
