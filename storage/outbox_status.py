"""What an operator sees of the outbox: how much waits, what is stuck, and putting failed
deliveries back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxItem
from storage.outbox import WAITING
from storage.units import dialect_of
from storage.wakeups import notify_statement, outbox_filled


async def stuck(session: AsyncSession, older_than: datetime) -> Sequence[OutboxItem]:
    """Failed deliveries, and waiting ones that should have gone long ago."""
    return (
        await session.scalars(
            select(OutboxItem)
            .where(
                or_(
                    OutboxItem.status == "failed",
                    and_(OutboxItem.status.in_(WAITING), OutboxItem.created_at < older_than),
                )
            )
            .order_by(OutboxItem.id)
        )
    ).all()


async def retry_failed(session: AsyncSession, now: datetime) -> list[str]:
    """Put every failed delivery back in the queue; the kind of each. Each counts as tried
    once, as it was: its next attempt is a retry, which looks for what an earlier one may
    have posted before posting (`handlers.client.marks`)."""
    kinds = list(
        await session.scalars(
            update(OutboxItem)
            .where(OutboxItem.status == "failed")
            .values(status="pending", attempts=1, next_attempt_at=now, last_error=None)
            .returning(OutboxItem.method)
            .execution_options(synchronize_session=False)
        )
    )
    if kinds and outbox_filled(session):
        if (notify := notify_statement(dialect_of(session))) is not None:
            await session.execute(notify)
    return kinds


async def depth(session: AsyncSession, now: datetime) -> tuple[int, datetime | None]:
    """How many deliveries wait, and since when the oldest has. One queued for a later moment
    (`enqueue`'s `at`: the end of a kudos' Undo, a colleague's morning) waits only from then:
    until it comes, nothing is late."""
    row = (
        await session.execute(
            select(func.count(), func.min(OutboxItem.created_at)).where(
                OutboxItem.status.in_(WAITING), OutboxItem.created_at <= now
            )
        )
    ).one()
    oldest = row[1]
    return int(row[0]), oldest


async def due_count(session: AsyncSession, now: datetime) -> int:
    """Deliveries that are due or being sent right now (backed-off ones are not)."""
    return int(
        await session.scalar(
            select(func.count()).where(
                or_(
                    OutboxItem.status == "sending",
                    and_(OutboxItem.status == "pending", OutboxItem.next_attempt_at <= now),
                )
            )
        )
        or 0
    )
