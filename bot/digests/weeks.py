"""ISO weeks in a person's own time zone.

A manager's week runs from Monday 00:00 to the next Monday 00:00 *where they live*, so a
kudos given late on Sunday in Madrid belongs to that week even though it is Monday in Tokyo.
A digest is sent in week W (on the workspace's weekday and hour, local time) and covers the
week before it, W-1: the last whole week.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from bot.errors import UserError
from bot.safe_text import QUOTED_CHARS, clip, quoted, safe_text
from bot.timezone import local_date, zone

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
# A report reads the weeks before its own, which for a week of the year 1 are before the
# calendar's first day; no kudos are that old, and no year before 1000 has a YYYY label.
FIRST_YEAR = 1000


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def at(cls, moment: datetime, tz: str | None) -> IsoWeek:
        """The week `moment` falls in, for someone living in `tz`."""
        return cls.of(local_date(moment, tz))

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """`2026-W47` (or `2026W47`), from FIRST_YEAR on; anything else is a UserError that
        shows the format."""
        found = _WEEK.match(text.strip())
        if found is not None and int(found[1]) >= FIRST_YEAR:
            try:
                day = date.fromisocalendar(int(found[1]), int(found[2]), 1)
            except ValueError:
                pass
            else:
                return cls.of(day)
        raise UserError(
            f"{quoted(text.strip())} is not a week: use YYYY-Www, for example 2026-W47."
        )

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def window(self, tz: str | None) -> tuple[datetime, datetime]:
        """[start, end) of this week in `tz`, as UTC instants."""
        here = zone(tz)
        start = datetime.combine(self.monday, time(), here)
        end = datetime.combine(self.monday + timedelta(days=7), time(), here)
        return start.astimezone(UTC), end.astimezone(UTC)

    def __str__(self) -> str:
        return self.label


def send_moment(week: IsoWeek, tz: str | None, weekday: int, hour: int) -> datetime:
    """When the digest sent during `week` is due: its weekday (0 = Monday) and hour, local."""
    day = week.monday + timedelta(days=min(max(weekday, 0), 6))
    local = datetime.combine(day, time(min(max(hour, 0), 23)), zone(tz))
    return local.astimezone(UTC)


def next_send(now: datetime, tz: str | None, weekday: int, hour: int) -> datetime:
    """When the next digest is due for someone in `tz`: this week's moment while it is to
    come, else next week's."""
    current = IsoWeek.at(now, tz)
    moment = send_moment(current, tz, weekday, hour)
    return moment if now < moment else send_moment(current.shifted(1), tz, weekday, hour)


def due_week(now: datetime, tz: str | None, weekday: int, hour: int) -> IsoWeek | None:
    """The week whose digest is due now for someone in `tz`, or None before the send moment.

    Once the moment has passed, the digest stays due for the rest of the local week, so one
    missed while the bot was down goes out when it comes back; the week after, it is too late.
    """
    current = IsoWeek.at(now, tz)
    if now < send_moment(current, tz, weekday, hour):
        return None
    return current.shifted(-1)


@dataclass(frozen=True)
class Period:
    """A week as someone names it, placed on the calendar only once the zone it is read in is
    known: `/kudos report` and `askaround report --week` read the same words this one way,
    in the manager's zone. `back` weeks before the current one, or the latest week `number`
    (`W48`), or one fixed `week` (`2026-W48`)."""

    back: int = 0
    number: int | None = None
    week: IsoWeek | None = None

    @classmethod
    def parse(cls, text: str) -> Period:
        """`this week`, `last week`, `YYYY-Www`, `Www` (`week 48`), or nothing (this week);
        anything else is a UserError that lists them."""
        words = " ".join(text.lower().split())
        if words in ("", "this week", "week"):
            return cls()
        if words == "last week":
            return cls(back=1)
        number = _YEARLESS.match(words)
        if number is not None and 1 <= int(number[1]) <= 53:
            return cls(number=int(number[1]))
        try:
            return cls(week=IsoWeek.parse(text))
        except UserError:
            raise UserError(
                f"{quoted(clip(safe_text(text.strip()), QUOTED_CHARS))} is not a week I know: "
                "say `this week`, `last week` or a week as YYYY-Www or Www, for example "
                "2026-W47 or W47."
            ) from None

    def at(self, now: datetime, tz: str | None) -> IsoWeek:
        """The week meant, for a reader in `tz` at `now`. `W48` alone is the latest week 48
        that has begun: a report is of a week gone by, so in January it is last year's, not
        one still to come."""
        if self.week is not None:
            return self.week
        current = IsoWeek.at(now, tz)
        if self.number is not None:
            return _latest_week(self.number, current)
        return current.shifted(-self.back)


def parse_period(text: str, now: datetime, tz: str | None) -> IsoWeek:
    """`Period.parse(text)`, in the reader's zone."""
    return Period.parse(text).at(now, tz)


_YEARLESS = re.compile(r"^(?:w|week ?)(\d{1,2})$")


def _latest_week(number: int, current: IsoWeek) -> IsoWeek:
    """Week `number` (1 to 53) of the latest year that has it (W53 is in some years only) and
    where it is not after `current`: a W53 comes every 5 or 6 years, so one of the 7 years
    up to `current` has it."""
    for year in range(current.year, current.year - 7, -1):
        try:
            week = IsoWeek.of(date.fromisocalendar(year, number, 1))
        except ValueError:
            continue
        if week <= current:
            return week
    raise AssertionError(f"no week {number} in the 7 years to {current}")
