"""A person's availability for questions: available, away until a date, or opted out; and
the words that say until when (`until friday`, `for 2 weeks`, `until 24 dec`)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from bot import visibility
from bot.timezone import local_date, zone
from bot.words import count_in

if TYPE_CHECKING:
    from storage.models import Person

AVAILABLE = "available"
AWAY = "away"
OPTED_OUT = "opted_out"
GUEST = "a guest here: not asked about colleagues' questions"


@dataclass(frozen=True)
class Status:
    kind: str
    until: date | None = None
    deactivated: bool = False
    guest: bool = False  # never asked about a colleague's question (`visibility.may_be_asked`)
    back_at: datetime | None = None  # the start of `until` in their own time zone

    @property
    def routable(self) -> bool:
        """Whether questions may be routed to this person today."""
        return self.kind == AVAILABLE and not self.deactivated and not self.guest

    def describe(self, moment: Callable[[datetime], str]) -> str:
        """The status in words; `moment` says when someone away is back as each reader's
        Slack shows it: their own date alone misleads a reader hours ahead of or behind them,
        a time at their own midnight says nothing to themselves."""
        if self.deactivated:
            return "no longer in the workspace"
        if self.guest:
            return GUEST
        if self.kind == AWAY and self.back_at:
            return f"away, back {moment(self.back_at)}"
        if self.kind == OPTED_OUT:
            return "not taking questions"
        return "available"


def status_of(person: Person, now: datetime) -> Status:
    """An away period that has ended counts as available, without anyone having to say so."""
    kind = person.routing_status or AVAILABLE
    until = person.away_until
    if kind == AWAY and back_by(until, now, person.tz):
        kind, until = AVAILABLE, None
    guest = not visibility.may_be_asked(is_guest=person.is_guest)
    if kind != AWAY:
        until = None
    back_at = datetime.combine(until, time(), zone(person.tz)) if until else None
    return Status(kind, until, person.deactivated, guest, back_at)


def back_by(until: date | None, now: datetime, tz: str | None) -> bool:
    """Whether someone away `until` a day is back at `now`: from that day's start in their
    own time zone (`away until thursday` takes questions again on their Thursday)."""
    return until is None or until <= local_date(now, tz)


def until_forms(today: date) -> str:
    """The words `until_date` reads, as examples; the date's is a fortnight after `today` (a
    fixed one was refused as past once its day had gone by)."""
    return (
        f"`until {today + timedelta(days=14):%Y-%m-%d}`, `until tomorrow`, `until friday`, "
        "`until next monday`, `until 24 dec`, `for 3 days` or `for 2 weeks`"
    )


def latest_back(today: date) -> date:
    """The furthest day someone may be away until: a year from `today` (29 February's is the
    28th), as far as Slack's own status expiry looks ahead. Longer is `/skills optout`, which
    says it, rather than a date nobody will remember setting."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def beyond_a_year(until: date, today: date) -> date | None:
    """The furthest day one may be away until (`latest_back`) when `until` is after it;
    None within it."""
    latest = latest_back(today)
    return latest if until > latest else None


def a_year_at_most(latest: str) -> str:
    """The refusal of a day after `latest_back`; `latest`, that day as the reader's medium
    shows it (Slack's date token in Slack, as the reply to a day within the year shows it)."""
    return (
        f"You can be away for a year at most: until {latest} at the latest. Set it again "
        "nearer the time, or `/skills optout` to stop questions until you say `/skills back`."
    )


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_ISO = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")  # `2026-12-7` too
_FOR = re.compile(r"(\d{1,3}|[a-z]+)\s+(day|days|week|weeks)")
_UNTIL = re.compile(r"(?:until|till|til|untill)\s")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?")
_MONTH_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?")


def until_date(words: str, today: date) -> date | None:
    """The date `until …` or `for …` names, counted from `today` (the person's own); None
    when the words are none of `until_forms`. `friday` is the coming one, `next friday`
    the one in next week; `24 dec` the next 24 December. A date in the past is returned as
    it is: the caller says it is not in the future."""
    text = " ".join(words.lower().split())
    if text.startswith("for "):
        found = _FOR.fullmatch(text[4:])
        n = count_in(found.group(1)) if found else None
        if found is None or n is None:
            return None
        return today + (timedelta(weeks=n) if found.group(2).startswith("week") else timedelta(n))
    until = _UNTIL.match(text)
    if until is None:
        return None
    return _named_day(text[until.end() :].strip(), today)


# A time of day (`until 9am`, `till 14:30`, `for 2 hours`, `until tonight`): away is by the day.
_HOURS = re.compile(
    r"(?:until|till|til|untill)\s+(?:\d{1,2}(?:[:.h]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|h)?|noon|"
    r"midday|midnight|lunch|tonight|later(?: today)?|this (?:morning|afternoon|evening)|"
    r"(?:the )?end of (?:the )?day|eod)|for (?:\d{1,2}|an?|one|two|three|a few) (?:hours?|hrs?|"
    r"minutes?|mins?)"
)


def within_a_day(words: str) -> str | None:
    """What to say of `away until 9am` (or `for 2 hours`, `until tonight`): away counts in
    whole days, so it is not set; outside the person's working hours a request waits for
    their morning anyway. None for other words."""
    text = " ".join(words.lower().split())
    if _HOURS.fullmatch(text) is None:
        return None
    return (
        "Away counts in whole days (`until tomorrow` is away for the rest of today), so I "
        f"haven't set you away {text}. Nobody is asked outside your working hours, in your own "
        "time zone: a request waits for your morning. For days off, name the day you are "
        "back: `/skills away until monday`."
    )


def no_such_day(words: str) -> str | None:
    """Why `until 2027-02-29` or `until 31 feb`, a date in a form `until_forms` shows, is no
    day on the calendar; None for any other words."""
    text = " ".join(words.lower().split())
    until = _UNTIL.match(text)
    text = text[until.end() :].strip() if until else text
    day_month = _day_and_month(text)
    if day_month is not None:
        return _past_the_month(*day_month)
    if not _ISO.fullmatch(text):
        return None
    try:
        _iso_date(text)
    except ValueError:
        year, month, day = (int(part) for part in text.split("-"))
        if (month, day) == (2, 29):
            return f"{year} has no 29 February: it is not a leap year."
        return f"{text} is not a day on the calendar."
    return None


def _iso_date(text: str) -> date:
    """`2026-12-07` or `2026-12-7` (`_ISO`), which `date.fromisoformat` refuses; ValueError
    for no day on the calendar."""
    year, month, day = (int(part) for part in text.split("-"))
    return date(year, month, day)


def _past_the_month(day: int, month: int) -> str | None:
    """Why `31 feb` is no day (the month has fewer), or None when some year has it."""
    days = calendar.monthrange(2000, month + 1)[1]  # 2000: a leap year, February's 29
    if day <= days:
        return None
    suffix = "th" if day in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    at_most = " at most" if month == 1 else ""
    name = MONTHS[month].capitalize()
    return f"{name} has no {day}{suffix}: it has {days} days{at_most}."


def _named_day(text: str, today: date) -> date | None:
    if _ISO.fullmatch(text):
        try:
            return _iso_date(text)
        except ValueError:
            return None
    if text in ("yesterday", "today", "tomorrow"):  # the first two past: the caller says so
        return today + timedelta(days=("yesterday", "today", "tomorrow").index(text) - 1)
    if text in ("next week", "monday next week"):
        return _weekday(0, today, next_week=True)
    next_week = text.startswith("next ")
    text = text.removeprefix("next ").removeprefix("this ")
    weekday = _lookup(text, WEEKDAYS)
    if weekday is not None:
        return _weekday(weekday, today, next_week=next_week)
    if next_week:
        return None
    day_month = _day_and_month(text)
    if day_month is not None:
        return _next_date(today, day_month[1] + 1, day_month[0])
    return None


def _day_and_month(text: str) -> tuple[int, int] | None:
    """`24 dec` or `december 24th` as (24, 11), the month counted from 0; else None."""
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        found = pattern.fullmatch(text)
        month = _lookup(found.group(month_group), MONTHS) if found else None
        if found and month is not None:
            return int(found.group(day_group)), month
    return None


def _lookup(word: str, names: tuple[str, ...]) -> int | None:
    """The index of a name, written in full or cut to its first three letters or more."""
    for i, name in enumerate(names):
        if len(word) >= 3 and name.startswith(word):
            return i
    return None


def _weekday(weekday: int, today: date, *, next_week: bool) -> date:
    if next_week:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
        return monday + timedelta(days=weekday)
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _next_date(today: date, month: int, day: int) -> date | None:
    """That day and month this year, or next year when it has passed; 29 February in the
    next year that has one (at most 8 years on: 2096 to 2104 has none); None for a day no
    month has (`31 apr`)."""
    for year in range(today.year, today.year + 9):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found > today:
            return found
    return None
