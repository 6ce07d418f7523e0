"""A person's time zone, as the one helper every local-time rule uses (working hours, kudos
days and weeks, digest weeks)."""

from __future__ import annotations

import difflib
import functools
import re
import zoneinfo
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import tzdata

# What `from_slack` stores for someone whose zone name we do not know: Slack's offset for them.
_FIXED = re.compile(r"UTC([+-])(\d{2}):(\d{2})")
NO_ZONE = ""  # stored for a Slack profile without a time zone
# The zone database's fixed zones, named with POSIX's sign, the opposite of everyone's.
_POSIX = re.compile(r"Etc/GMT([+-])(\d{1,2})")


def zone(tz: str | None) -> tzinfo:
    """The zone named `tz` (Slack's `tz`, like `Europe/Madrid`, or a fixed `UTC+05:30` that
    `from_slack` made), or UTC when there is none or it is one we do not know: a rule then runs
    on UTC rather than failing."""
    fixed = _FIXED.fullmatch(tz or "")
    if fixed is not None:
        sign = -1 if fixed[1] == "-" else 1
        offset = timedelta(hours=int(fixed[2]), minutes=int(fixed[3]))
        if offset < timedelta(hours=24):
            return timezone(sign * offset)
    return _named(tz) or ZoneInfo("UTC")


def local_date(moment: datetime, tz: str | None) -> date:
    """The date it is at `moment` for someone in time zone `tz`: their "tomorrow" starts at
    their midnight, and their week on their Monday."""
    return moment.astimezone(zone(tz)).date()


def zone_name(tz: str | None) -> str:
    """The name of the zone `zone` reads `tz` as (`Europe/Madrid`, `UTC+05:30`, or UTC for
    none; `Etc/GMT+12` as `UTC-12:00`), to say which zone a date is in where it is read
    outside Slack (a CSV file) or whose midnight a day ends at."""
    read = zone(tz)
    if not isinstance(read, ZoneInfo):
        return str(tz)
    posix = _POSIX.fullmatch(read.key)
    if posix is not None and int(posix[2]):  # `Etc/GMT+12` is 12 hours *behind* UTC
        return f"UTC{'-' if posix[1] == '+' else '+'}{int(posix[2]):02d}:00"
    return read.key


def known(tz: str) -> bool:
    """Whether `tz` names a zone we know (`Europe/Paris`, or an old alias as `Asia/Calcutta`):
    what Slack's `tz` and an imported file's `tz` must be to be kept as they are."""
    return bool(tz) and _named(tz) is not None


def spelled(tz: str) -> str | None:
    """`tz` as the zone database spells it, whatever its case (an HR export's `asia/kolkata`
    is Asia/Kolkata); None when no zone has that name."""
    return tz if known(tz) else _zones_by_folded_name().get(tz.casefold())


def nearest(tz: str) -> str | None:
    """The zone whose name `tz` most likely misspells (`Asia/Calcuta`), or None."""
    names = _zones_by_folded_name()
    near = difflib.get_close_matches(tz.casefold(), names, n=1, cutoff=0.8)
    return names[near[0]] if near else None


@functools.cache
def _zones_by_folded_name() -> dict[str, str]:
    _newest_rules()
    return {name.casefold(): name for name in available_timezones()}


@functools.cache
def _newest_rules() -> None:
    """Zones' rules change (British Columbia kept summer time all year from November 2026):
    zones are read from the `tzdata` package askaround depends on, which pip keeps current,
    unless the host's zone files say they are newer. zoneinfo reads the host's first,
    however old: Debian 12's, of 2025, still put Vancouver back on UTC-8 that November."""
    if _release(_host_release()) < _release(tzdata.IANA_VERSION):
        zoneinfo.reset_tzpath(to=())
        ZoneInfo.clear_cache()


def _host_release() -> str:
    """The release of the host's zone files (`2025b`), as their `tzdata.zi` names it; blank
    when there are none or they do not say."""
    for folder in zoneinfo.TZPATH:
        try:
            with (Path(folder) / "tzdata.zi").open(encoding="ascii") as first:
                found = re.fullmatch(r"# version (\S+)\s*", first.readline())
        except (OSError, UnicodeDecodeError):
            continue
        if found is not None:
            return found[1]
    return ""


def _release(name: str) -> tuple[int, str]:
    """`2026f` as (2026, "f"), to compare two releases; (0, "") for none."""
    found = re.fullmatch(r"(\d{4})([a-z]*)", name)
    return (int(found[1]), found[2]) if found else (0, "")


def _named(tz: str | None) -> ZoneInfo | None:
    _newest_rules()
    try:
        return ZoneInfo(tz or "UTC")
    # OSError: a name that is a folder of the zone database (`America`) or too long for a file
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def from_slack(tz: Any, tz_offset: Any) -> str:
    """The time zone to keep for a Slack user: their `tz` when we know it; else, when Slack
    sent a name we do not know (or none), the `tz_offset` it sent with it, as `UTC+05:30`
    (right for their hours today, if not across their DST changes); else UTC, or NO_ZONE when
    Slack sent no zone at all (`zone` reads both as UTC; only a zone someone has counts
    towards the workspace's usual one)."""
    if isinstance(tz, str) and known(tz):
        return tz
    if isinstance(tz_offset, int) and not isinstance(tz_offset, bool) and _zone_like(tz_offset):
        minutes = abs(tz_offset) // 60
        if 0 < minutes < 24 * 60:
            sign = "-" if tz_offset < 0 else "+"
            return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return "UTC" if isinstance(tz, str) and tz else NO_ZONE


def _zone_like(offset: int) -> bool:
    """Whether `offset` seconds is one a zone keeps: whole quarter-hours, UTC-12 to UTC+14.
    Any other is no one's (a Slack SDK's recorded answers hold 12345, UTC+03:25:45)."""
    return offset % (15 * 60) == 0 and -12 * 3600 <= offset <= 14 * 3600


def usual(people: Mapping[str, int], at: datetime) -> str:
    """The time zone most of a workspace's people are in during `at`'s year, from how many
    are in each zone Slack names (Slack gives a workspace none of its own). `Europe/Paris`,
    `Europe/Berlin` and `Europe/Madrid` keep the same clock, so they count as one zone, named
    as most of its people's is. UTC when nobody's is known.

    The clocks are compared as they are in January, so the choice holds the year round:
    zones that share a clock in one season only (London and Reykjavik, New York and Bogotá)
    would change it at a clock change, and the weekly roundup's week with it, an hour early
    or late, a Sunday night's kudos in two roundups or in none."""
    january = datetime(at.year, 1, 15, 12, tzinfo=UTC)
    offsets = {tz: january.astimezone(zone(tz)).utcoffset() for tz in people}
    clocks: dict[timedelta | None, int] = {}
    for tz, count in people.items():
        clocks[offsets[tz]] = clocks.get(offsets[tz], 0) + count
    most = max(clocks.values(), default=0)
    ranked = sorted(
        (tz for tz in people if clocks[offsets[tz]] == most),
        key=lambda tz: (-people[tz], tz),
    )
    return ranked[0] if ranked else "UTC"
