"""Working time in a person's own time zone: Monday to Friday, 09:00 to 18:00.

An unanswered offer expires after minutes of *working* time, so a question asked on Friday
evening does not escalate past people who are simply asleep or off for the weekend.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.timezone import zone

DAY_START = time(9, 0)
DAY_END = time(18, 0)


def is_working_time(moment: datetime, tz: str | None) -> bool:
    local = moment.astimezone(zone(tz))
    return local.weekday() < 5 and DAY_START <= local.time() < DAY_END


def working_minutes(start: datetime, end: datetime, tz: str | None) -> float:
    """Minutes between two aware datetimes that fall inside working hours in `tz`."""
    if end <= start:
        return 0.0
    tzinfo = zone(tz)
    local_start, local_end = start.astimezone(tzinfo), end.astimezone(tzinfo)
    total = 0.0
    day = local_start.date()
    while day <= local_end.date():
        if day.weekday() < 5:
            opens = datetime.combine(day, DAY_START, tzinfo)
            closes = datetime.combine(day, DAY_END, tzinfo)
            lo, hi = max(opens, local_start), min(closes, local_end)
            if hi > lo:
                total += (hi - lo).total_seconds() / 60
        day += timedelta(days=1)
    return total
