"""The day someone away is back, as askaround writes it for Slack to show in each reader's own
time zone (`handlers.blocks.skills.back_on`): read by its moment, not by words the emulator
would have to render."""

from __future__ import annotations

from datetime import date, datetime, time

from bot.timezone import zone


def day_back(day: str, tz: str | None) -> str:
    """The start of `day` (YYYY-MM-DD) in zone `tz` as a Slack date token showing the day
    alone, up to its fallback: how the reply and the profile name the day back to the one
    away, and to a reader whose day starts at the same moment."""
    moment = datetime.combine(date.fromisoformat(day), time(), zone(tz))
    return f"<!date^{int(moment.timestamp())}^{{date_long_pretty}}|"
