"""The pure rules under question routing: working time, noticing questions, who is available."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.questions.detect import looks_like_question, question_confidence
from bot.questions.policy import Limits, adjust, available
from bot.routing.suggestion import Suggestion
from bot.worktime import WorkingHours, is_working_time, next_working_moment, working_minutes

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_working_minutes_skip_nights_and_weekends() -> None:
    """Friday 17:30 to Monday 09:20 in Paris is 50 working minutes, not 64 hours."""
    friday = datetime(2026, 11, 20, 16, 30, tzinfo=UTC)  # 17:30 in Paris
    monday = datetime(2026, 11, 23, 8, 20, tzinfo=UTC)  # 09:20 in Paris
    assert working_minutes(friday, monday, "Europe/Paris") == pytest.approx(50)
    assert working_minutes(monday, friday, "Europe/Paris") == 0


def test_working_time_is_local() -> None:
    """10:00 UTC is working time in London, but night in Tokyo; unknown zones mean UTC."""
    moment = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert is_working_time(moment, "Europe/London")
    assert not is_working_time(moment, "Asia/Tokyo")
    assert is_working_time(moment, "Not/AZone")


@pytest.mark.parametrize(
    ("moment", "tz", "due"),
    [
        # In working time: at once.
        (datetime(2026, 11, 24, 10, 0, tzinfo=UTC), "Europe/London", "2026-11-24 10:00"),
        # Tokyo's Tuesday 19:00: its Wednesday 09:00 (00:00 UTC).
        (datetime(2026, 11, 24, 10, 0, tzinfo=UTC), "Asia/Tokyo", "2026-11-25 00:00"),
        # Friday evening in Paris: Monday 09:00 there.
        (datetime(2026, 11, 27, 18, 30, tzinfo=UTC), "Europe/Paris", "2026-11-30 08:00"),
        # Early morning in Kolkata (+05:30): 09:00 that day.
        (datetime(2026, 11, 24, 0, 0, tzinfo=UTC), "Asia/Kolkata", "2026-11-24 03:30"),
        # Saturday 03:00 in London, the clock changed the Sunday after: Monday 09:00 BST.
        (datetime(2027, 3, 27, 3, 0, tzinfo=UTC), "Europe/London", "2027-03-29 08:00"),
    ],
)
def test_a_request_is_due_when_the_working_day_is_on(moment: datetime, tz: str, due: str) -> None:
    assert f"{next_working_moment(moment, tz):%Y-%m-%d %H:%M}" == due


@pytest.mark.parametrize(
    ("tz", "hours", "change"),
    [
        # New York's clocks skip 02:00-03:00 on Sunday 8 March 2026: the day opens at 03:00.
        ("America/New_York", "Mon-Sun 02:30-18:00", "2026-03-08 07:00"),
        # and read 01:00-02:00 twice on Sunday 1 November: the day opens at the first 01:30.
        ("America/New_York", "Mon-Sun 01:30-18:00", "2026-11-01 06:00"),
        # Lord Howe Island's go back half an hour, from 02:00 to 01:30, on Sunday 5 April.
        ("Australia/Lord_Howe", "Mon-Sun 01:45-18:00", "2026-04-04 15:00"),
        # The Chatham Islands' skip 02:45-03:45 on Sunday 27 September, 12:45 ahead of UTC.
        ("Pacific/Chatham", "Sun-Thu 03:00-12:00", "2026-09-26 14:00"),
        # Cairo's skip Friday 24 April's first hour, and read Thursday 29 October's last twice.
        ("Africa/Cairo", "Mon-Sun 00:30-23:30", "2026-04-23 22:00"),
        ("Africa/Cairo", "Mon-Sun 00:30-23:30", "2026-10-29 21:00"),
        # Nuuk's skip Saturday 28 March's 23:00-24:00 whole: that day has no working hours.
        ("America/Nuuk", "Mon-Sun 23:00-24:00", "2026-03-29 01:00"),
    ],
)
def test_working_time_rules_agree_on_a_night_the_clocks_change(
    tz: str, hours: str, change: str
) -> None:
    """Minute by minute around a clock change that falls in the working day's start or end:
    a request deferred is due at the first working minute (`next_working_moment`), and the
    working minutes counted (`working_minutes`) are those `is_working_time` says are. They
    disagreed by up to an hour, or a day (docs/testing-log.md, "Time, red-teamed")."""
    working = WorkingHours.parse(hours)
    at = datetime.fromisoformat(change).replace(tzinfo=UTC)
    minutes = [at + timedelta(minutes=m) for m in range(-14 * 60, 14 * 60)]
    works = [is_working_time(m, tz, working) for m in minutes]
    for i in range(0, len(minutes), 17):
        first = next((m for m, w in zip(minutes[i:], works[i:], strict=True) if w), None)
        due = next_working_moment(minutes[i], tz, working)
        assert is_working_time(due, tz, working), minutes[i]
        assert first is None or due == first, (minutes[i], due, first)
    for i in range(0, len(minutes) - 600, 97):
        counted = working_minutes(minutes[i], minutes[i + 600], tz, working)
        assert counted == sum(works[i : i + 600]), minutes[i]


def test_working_hours_are_a_setting() -> None:
    """`Mon-Sun 00:00-24:00` is always working time; a week may run over the weekend's end
    (`Sun-Thu`: Sunday is a working day, Friday and Saturday are not); malformed or backwards
    hours are refused."""
    always = WorkingHours.parse("Mon-Sun 00:00-24:00")
    sunday_night = datetime(2026, 11, 29, 23, 59, tzinfo=UTC)
    assert is_working_time(sunday_night, "UTC", always)
    assert next_working_moment(sunday_night, "Asia/Tokyo", always) == sunday_night
    week = datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC)
    assert working_minutes(*week, "UTC", always) == 7 * 24 * 60
    assert WorkingHours.parse("Mon-Fri 09:00-18:00") == WorkingHours()
    israel = WorkingHours.parse("Sun-Thu 08:00-17:00")
    assert [israel.works_on(day) for day in range(7)] == [True] * 4 + [False, False, True]
    friday_noon = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # 12:00 in Jerusalem
    assert not is_working_time(friday_noon, "Asia/Jerusalem", israel)
    sunday_eight = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
    assert next_working_moment(friday_noon, "Asia/Jerusalem", israel) == sunday_eight
    assert working_minutes(friday_noon, sunday_eight, "Asia/Jerusalem", israel) == 0
    # As people type it in a `.env`: the days in any case, an hour of one digit.
    assert WorkingHours.parse("mon-fri 9:00-18:00") == WorkingHours()
    assert WorkingHours.parse("SUN-THU  8:00-17:00") == israel
    # said back as it is written, for the settings' help
    assert (israel.text(), always.text()) == ("Sun-Thu 08:00-17:00", "Mon-Sun 00:00-24:00")
    for bad in (
        "Mon-Fri 18:00-09:00",
        "Mon-Fri 9-18",
        "Mon-Fri 09:60-18:00",
    ):
        with pytest.raises(ValueError):
            WorkingHours.parse(bad)


@pytest.mark.parametrize(
    "text",
    [
        "how do we rotate the postgres credentials?",
        "anyone know how to debug a flaky terraform plan",
        "does anyone have experience with kafka consumer lag?",
    ],
)
def test_questions_are_noticed(text: str) -> None:
    """Interrogative openings, question marks and "anyone know" are confident questions."""
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text", ["hi everyone!", "how are you all doing today?", "lunch?", "shipped the release 🎉"]
)
def test_chit_chat_is_left_alone(text: str) -> None:
    """Greetings, small talk and announcements are never answered."""
    assert not looks_like_question(text)
    assert question_confidence("thanks, that fixed it") == 0


@dataclass
class Person:
    tz: str = "Europe/London"
    is_bot: bool = False
    deactivated: bool = False
    is_guest: bool = False
    routing_status: str = "available"
    away_until: date | None = None


def ranked(user_id: str, score: float, reason: str) -> Suggestion:
    return Suggestion(user_id, score, reason, "expert")


def test_availability_rules() -> None:
    """Bots, deactivated, opted-out and away people and guests are skipped; an expired away is
    available."""
    now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert available(None, now)
    assert not available(Person(is_bot=True), now)
    assert not available(Person(deactivated=True), now)
    assert not available(Person(is_guest=True), now)
    assert not available(Person(routing_status="opted_out"), now)
    assert not available(Person(routing_status="away", away_until=date(2026, 12, 1)), now)
    assert available(Person(routing_status="away", away_until=date(2026, 11, 1)), now)
    assert available(Person(routing_status="away", away_until=date(2026, 11, 24)), now)


def test_adjust_filters_overloaded_and_demotes_off_hours() -> None:
    """Someone at their open-offer limit is skipped; someone asleep drops below an awake peer."""
    now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    people = {"A": Person(tz="Asia/Tokyo"), "B": Person(), "C": Person()}
    result = adjust(
        [ranked("A", 1.0, "declared Go"), ranked("B", 0.8, "x"), ranked("C", 0.9, "y")],
        people,
        load={"C": 3},
        answered={},
        now=now,
        limits=Limits(max_open_offers=3),
    )
    assert [r.user_id for r in result] == ["B", "A"]
    assert result[1].reason.endswith("outside their working hours now")


def test_adjust_prefers_people_who_answer() -> None:
    """With equal scores, a history of accepting beats a history of ignoring."""
    now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    result = adjust(
        [ranked("quiet", 1.0, ""), ranked("keen", 1.0, "")],
        {"quiet": Person(), "keen": Person()},
        load={},
        answered={"quiet": (0, 6), "keen": (5, 6)},
        now=now,
    )
    assert [r.user_id for r in result] == ["keen", "quiet"]
