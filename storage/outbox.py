"""Queries on the outbox: what must be delivered to Slack, claimed by one worker at a time.

On PostgreSQL, replicas claim rows with `FOR UPDATE SKIP LOCKED`, so they share the work
without waiting on each other; SQLite has a single writer, so a plain UPDATE is enough. A
claim is a lease: a worker that dies leaves rows that another may take when it expires.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxItem, Replica
from storage.upsert import insert_for
from storage.wakeups import outbox_filled

WAITING = ("pending", "sending")


async def enqueue(
    session: AsyncSession,
    team_id: str,
    kind: str,
    payload: dict[str, Any],
    *,
    key: str,
    at: datetime,
) -> bool:
    """Add a delivery in the caller's transaction; the same key twice is one delivery.
    Returns whether this call added it."""
    added = await session.execute(
        insert_for(session, OutboxItem)
        .values(
            team_id=team_id,
            method=kind,
            payload=payload,
            dedupe_key=key,
            status="pending",
            next_attempt_at=at,
            created_at=at,
        )
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
    )
    assert isinstance(added, CursorResult)
    if added.rowcount == 1:
        outbox_filled(session)
    return added.rowcount == 1


async def enqueue_refresh(
    session: AsyncSession,
    team_id: str,
    kind: str,
    payload: dict[str, Any],
    *,
    group: str,
    at: datetime,
) -> bool:
    """Add a delivery that renders the latest state when it is sent, unless one of the same
    `group` is still pending: that one will show this change too. Returns whether one was added.

    The check is an UPDATE, so it locks the row it finds: a worker claiming rows skips it (SKIP
    LOCKED) until this transaction commits, and one that claimed it first has made it
    `sending`, which no longer matches, so a new delivery follows. A delivery already sent
    never absorbs a later change: each new one gets a key of its own.
    """
    waiting = await session.execute(
        update(OutboxItem)
        .where(
            OutboxItem.team_id == team_id,
            OutboxItem.method == kind,
            OutboxItem.status == "pending",
            OutboxItem.dedupe_key.startswith(f"{group}:", autoescape=True),
        )
        .values(next_attempt_at=OutboxItem.next_attempt_at)  # no change, but a row lock
        .execution_options(synchronize_session=False)
    )
    assert isinstance(waiting, CursorResult)
    if waiting.rowcount:
        return False
    key = f"{group}:{secrets.token_hex(8)}"
    return await enqueue(session, team_id, kind, payload, key=key, at=at)


async def claim_due(
    session: AsyncSession,
    now: datetime,
    lease_until: datetime,
    limit: int,
    *,
    by: str | None = None,
    dead_before: datetime | None = None,
) -> list[OutboxItem]:
    """Take up to `limit` deliveries that are due and not leased by a live worker.

    A lease ends when it runs out, or at once when the replica holding it (`by` of its claim)
    has not been seen alive since `dead_before`: a killed replica's sends are taken over
    when its death is noticed, not a whole lease later."""
    taken_back = OutboxItem.claimed_until < now
    if dead_before is not None:
        # Never `by` itself: a replica knows its own sends are in flight, whatever its clock.
        dead = select(Replica.id).where(Replica.seen_at < dead_before, Replica.id != by)
        taken_back = or_(taken_back, OutboxItem.claimed_by.in_(dead))
    due = and_(
        OutboxItem.next_attempt_at <= now,
        or_(OutboxItem.status == "pending", and_(OutboxItem.status == "sending", taken_back)),
    )
    query = select(OutboxItem).where(due).order_by(OutboxItem.id).limit(limit)
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    items = list((await session.scalars(query)).all())
    if items:
        await session.execute(
            update(OutboxItem)
            .where(OutboxItem.id.in_([i.id for i in items]))
            .values(
                status="sending",
                claimed_until=lease_until,
                claimed_by=by,
                attempts=OutboxItem.attempts + 1,
            )
            .execution_options(synchronize_session=False)
        )
        for item in items:
            item.attempts += 1
    return items


async def finish(
    session: AsyncSession,
    item_id: int,
    status: str,
    *,
    at: datetime,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
    tried: bool = True,
) -> None:
    values: dict[str, Any] = {
        "status": status,
        "claimed_until": None,
        "claimed_by": None,
        "last_error": error,
    }
    if not tried:
        values["attempts"] = OutboxItem.attempts - 1
    if status == "sent":
        values["sent_at"] = at
    if next_attempt_at is not None:
        values["next_attempt_at"] = next_attempt_at
    await session.execute(
        update(OutboxItem)
        .where(OutboxItem.id == item_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


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


async def retry_failed(session: AsyncSession, now: datetime) -> int:
    result = await session.execute(
        update(OutboxItem)
        .where(OutboxItem.status == "failed")
        .values(status="pending", attempts=0, next_attempt_at=now, last_error=None)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount


async def depth(session: AsyncSession) -> tuple[int, datetime | None]:
    """How many deliveries wait, and since when the oldest has."""
    row = (
        await session.execute(
            select(func.count(), func.min(OutboxItem.created_at)).where(
                OutboxItem.status.in_(WAITING)
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


async def drop_waiting(session: AsyncSession, team_id: str) -> int:
    """Forget every delivery still waiting for one workspace (the app was removed there, so
    none may be sent); returns how many."""
    result = await session.execute(
        delete(OutboxItem)
        .where(OutboxItem.team_id == team_id, OutboxItem.status.in_(WAITING))
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount
