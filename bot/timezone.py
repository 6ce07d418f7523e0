"""A person's time zone, as the one helper every local-time rule uses (working hours, kudos
days and weeks, digest weeks)."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(tz: str | None) -> ZoneInfo:
    """The zone named `tz` (Slack's `tz`, like `Europe/Madrid`), or UTC when there is none or
    it is one we do not know: a rule then runs on UTC rather than failing."""
    try:
        return ZoneInfo(tz or "UTC")
    # OSError: a name that is a folder of the zone database (`America`) or too long for a file
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")
