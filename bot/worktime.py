"""Working time in a person's own time zone: Monday to Friday, 09:00 to 18:00, unless the
deployment says otherwise (`ASKAROUND_WORKING_HOURS`).

An unanswered offer expires after minutes of *working* time, so a question asked on Friday
evening does not escalate past people who are simply asleep or off for the weekend; and a
colleague is sent a request only in their working time, so nobody is DMed at 3 am.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.safe_text import quoted
from bot.timezone import zone

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_HOURS = re.compile(r"(\w{3})-(\w{3})\s+(\d\d?):(\d\d)-(\d\d?):(\d\d)")


@dataclass(frozen=True)
class WorkingHours:
    """Weekdays `first_day` to `last_day` (0 is Monday), from `start` to `end` minutes after
    local midnight (`end` may be 1440, the day's end). A week may run over the weekend's end:
    `Sun-Thu` (first 6, last 3) is Sunday, Monday, ... Thursday, as in Israel."""

    first_day: int = 0
    last_day: int = 4
    start: int = 9 * 60
    end: int = 18 * 60

    @classmethod
    def parse(cls, text: str) -> WorkingHours:
        """`Mon-Fri 09:00-18:00` (or `Sun-Thu …`, `Sat-Wed …`; `mon-fri 9:00-18:00` too);
        ValueError for anything else."""
        found = _HOURS.fullmatch(text.strip())
        days = [d.capitalize() for d in found.group(1, 2)] if found else []
        if found is None or not set(days) <= set(DAYS):
            raise ValueError(
                f"{quoted(text, one_line=True)} is not like {quoted('Mon-Fri 09:00-18:00')}"
            )
        start = int(found[3]) * 60 + int(found[4])
        end = int(found[5]) * 60 + int(found[6])
        if int(found[4]) > 59 or int(found[6]) > 59 or not 0 <= start < end <= 24 * 60:
            raise ValueError(
                f"{quoted(text, one_line=True)}: the day must start before it ends, "
                "within 00:00-24:00"
            )
        return cls(DAYS.index(days[0]), DAYS.index(days[1]), start, end)

    def text(self) -> str:
        """As `parse` reads it: `Mon-Fri 09:00-18:00`."""
        days = f"{DAYS[self.first_day]}-{DAYS[self.last_day]}"
        return f"{days} {_clock(self.start)}-{_clock(self.end)}"

    def works_on(self, day: int) -> bool:
        if self.first_day <= self.last_day:
            return self.first_day <= day <= self.last_day
        return day >= self.first_day or day <= self.last_day  # over the weekend's end

    def opens(self, day: date, where: tzinfo) -> datetime:
        """When `day`'s working time starts in `where`, in UTC (`_reads`)."""
        return _reads(day, self.start, where)

    def closes(self, day: date, where: tzinfo) -> datetime:
        return _reads(day, self.end, where)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@functools.lru_cache(maxsize=4096)  # a routing round asks it of the same few days and zones
def _reads(day: date, minutes: int, where: tzinfo) -> datetime:
    """The moment the clocks of `where` first read `minutes` after midnight on `day`: the
    first of the two times on a night they go back over it, and the moment they jump past it
    on a night they skip it (02:30 where they go from 02:00 to 03:00 is read at 03:00); in
    UTC. Every working-time rule counts from these moments, so none of them disagrees with
    another on a DST day."""
    wall = datetime.combine(day, time()) + timedelta(minutes=minutes)
    first = wall.replace(tzinfo=where).astimezone(UTC)  # fold 0: the earlier reading of two
    if first.astimezone(where).replace(tzinfo=None) == wall:
        return first
    # Skipped: read by the offset after the jump it is a moment before it, by the one
    # before the jump a moment after it; the jump is the first second reading later.
    before, after = (int(wall.replace(tzinfo=where, fold=fold).timestamp()) for fold in (1, 0))
    while after - before > 1:
        middle = (before + after) // 2
        if datetime.fromtimestamp(middle, where).replace(tzinfo=None) < wall:
            before = middle
        else:
            after = middle
    return datetime.fromtimestamp(after, UTC)


OFFICE = WorkingHours()
# Working hours all week round: for a deployment, a demo or a test on the real clock that
# must ask everyone at once, whatever the day or hour.
ROUND_THE_CLOCK = "Mon-Sun 00:00-24:00"


def is_working_time(moment: datetime, tz: str | None, hours: WorkingHours = OFFICE) -> bool:
    """Whether `moment` is between its local day's opening and closing moments (`_reads`),
    compared as instants: on a night the clocks go back, a wall-clock time read twice is
    inside the day or outside it once, not both."""
    where = zone(tz)
    day = moment.astimezone(where).date()
    return hours.works_on(day.weekday()) and (
        hours.opens(day, where) <= moment < hours.closes(day, where)
    )


def next_working_moment(moment: datetime, tz: str | None, hours: WorkingHours = OFFICE) -> datetime:
    """`moment` itself in working time, else when the next working day starts in `tz`."""
    if is_working_time(moment, tz, hours):
        return moment
    tzinfo = zone(tz)
    today = moment.astimezone(tzinfo).date()
    for day in (today + timedelta(days=ahead) for ahead in range(8)):
        opens = hours.opens(day, tzinfo)
        # a day whose working hours the clocks skip whole has none
        if hours.works_on(day.weekday()) and moment < opens < hours.closes(day, tzinfo):
            return opens.astimezone(moment.tzinfo)
    raise AssertionError("every week has a working day")


def first_working_day(day: date, hours: WorkingHours = OFFICE) -> date:
    """`day` itself when it is a working day, else the next one."""
    return next(
        d for d in (day + timedelta(days=n) for n in range(7)) if hours.works_on(d.weekday())
    )


def working_minutes(
    start: datetime, end: datetime, tz: str | None, hours: WorkingHours = OFFICE
) -> float:
    """Minutes between two aware datetimes that fall inside working hours in `tz`."""
    if end <= start:
        return 0.0
    tzinfo = zone(tz)
    local_start, local_end = start.astimezone(tzinfo), end.astimezone(tzinfo)
    total = 0.0
    day = local_start.date()
    while day <= local_end.date():
        if hours.works_on(day.weekday()):
            # In UTC: between two times of one zone Python counts wall-clock minutes, which a
            # night whose clocks change makes an hour too many or too few.
            lo = max(hours.opens(day, tzinfo), start.astimezone(UTC))
            hi = min(hours.closes(day, tzinfo), end.astimezone(UTC))
            if hi > lo:
                total += (hi - lo).total_seconds() / 60
        day += timedelta(days=1)
    return total
