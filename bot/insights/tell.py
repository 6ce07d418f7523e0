"""The monthly DM to admins, written to the outbox: one per admin and month, whichever
replica's job gets there first (the outbox key), rendered when it is sent."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.timezone import zone
from storage import outbox

MONTHLY_DM = "insights.monthly"
FILES_ELSEWHERE = "insights.files_elsewhere"  # a monthly DM given up on, without its CSV
SEND_HOUR = 9  # on the 1st of the month, in each admin's own time zone
# The time zone furthest ahead (UTC+14, Kiritimati): its 1st comes first, so the month's DMs
# are queued from then, each due at its admin's own 1st, 09:00.
FIRST_AHEAD = timedelta(hours=14)


def last_month(now: datetime) -> str:
    """The month the DMs are about: the one before now, from the 1st at 09:00 where it
    comes first."""
    first = (now.astimezone(UTC) + FIRST_AHEAD - timedelta(hours=SEND_HOUR)).replace(day=1)
    return f"{(first - timedelta(days=1)):%Y-%m}"


def send_moment(month: str, tz: str | None, hour: int = SEND_HOUR) -> datetime:
    """When the DM about `month` (`YYYY-MM`) is due for an admin in `tz`: the next month's
    1st at 09:00 there (at `hour` 0, when `month` is over there)."""
    year, number = (int(part) for part in month.split("-"))
    first = date(year + number // 12, number % 12 + 1, 1)
    return datetime.combine(first, time(hour), zone(tz)).astimezone(UTC)


def monthly_key(team_id: str, admin_user_id: str, month: str) -> str:
    return f"{MONTHLY_DM}:{team_id}:{admin_user_id}:{month}"


async def monthly_due(
    s: AsyncSession, team_id: str, admin_user_id: str, month: str, at: datetime
) -> bool:
    return await outbox.enqueue(
        s,
        team_id,
        MONTHLY_DM,
        {"admin": admin_user_id, "month": month},
        key=monthly_key(team_id, admin_user_id, month),
        at=at,
    )


async def files_elsewhere(
    s: AsyncSession, team_id: str, admin_user_id: str, month: str, at: datetime
) -> None:
    """The admin's monthly DM, given up on (Slack refused its files, or kept failing): it
    may say its CSV is below when nothing is."""
    await outbox.enqueue(
        s,
        team_id,
        FILES_ELSEWHERE,
        {"admin": admin_user_id, "month": month},
        key=f"{FILES_ELSEWHERE}:{team_id}:{admin_user_id}:{month}",
        at=at,
    )
