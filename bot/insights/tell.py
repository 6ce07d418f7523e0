"""The monthly DM to admins, written to the outbox: one per admin and month, whichever
replica's job gets there first (the outbox key), rendered when it is sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox

MONTHLY_DM = "insights.monthly"
SEND_HOUR = 9  # UTC, on the first of the month


def last_month(now: datetime) -> str:
    """The month the DM is about: the one before now, from the 1st at 09:00 UTC."""
    first = (now.astimezone(UTC) - timedelta(hours=SEND_HOUR)).replace(day=1)
    return f"{(first - timedelta(days=1)):%Y-%m}"


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
