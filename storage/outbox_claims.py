"""Queries a delivery worker runs on the outbox: claiming what is due, one worker at a time,
and recording how each attempt went.

On PostgreSQL, replicas claim rows with `FOR UPDATE SKIP LOCKED`, so they share the work
without waiting on each other; SQLite has a single writer, so a plain UPDATE is enough. A
claim is a lease: a worker that dies leaves rows that another may take when it expires.

Claiming and finishing run for every delivery, so they are SQLAlchemy Core statements built
once (their compiled form is cached), with no ORM objects: one statement claims a whole batch
(`UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING …`), and one executemany finishes one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    Update,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Replica
from storage.models.base import UTCDateTime
from storage.outbox import OUTBOX
from storage.units import dialect_of, execute

REPLICAS = Replica.metadata.tables[Replica.__tablename__]
# A claim takes these last: in a burst, recipients' DMs (most of which wait for Slack's
# conversations.open pace anyway) wait for the public shout-outs and question messages.
WAITS_ITS_TURN = ("kudos.received",)
NO_REPLICA = ""  # never a replica's id (those are UUIDs): "no claimer" in a comparison


async def claim_due(
    session: AsyncSession,
    now: datetime,
    lease_until: datetime,
    limit: int,
    *,
    by: str | None = None,
    dead_before: datetime | None = None,
) -> list[Row[Any]]:
    """Take up to `limit` deliveries that are due and not leased by a live worker, in the
    order they were queued (`WAITS_ITS_TURN` kinds after the others); each row has id,
    dedupe_key, team_id, method, payload, attempts (this attempt counted), claimed_until.

    A lease ends when it runs out, or at once when the replica holding it (`by` of its claim)
    has not been seen alive since `dead_before`: a killed replica's sends are taken over
    when its death is noticed, not a whole lease later."""
    dialect = dialect_of(session)
    statement = _claim_statement(dialect, dead_before is not None)
    params: dict[str, Any] = {
        "b_now": now,
        "b_limit": limit,
        "b_lease_until": lease_until,
        "b_claimer": by,
    }
    if dead_before is not None:
        # Never `by` itself: a replica knows its own sends are in flight, whatever its clock.
        params |= {"b_dead_before": dead_before, "b_not_dead": by or NO_REPLICA}
    due = _any_due(dead_before is not None)
    if dialect == "sqlite" and (await execute(session, due, params)).first() is None:
        # An UPDATE takes SQLite's one write lock even when it matches nothing, and every
        # listener's transaction queues for that lock: look first, reading takes no lock.
        return []
    rows = list((await execute(session, statement, params)).all())
    rows.sort(key=lambda row: int(row.id))  # RETURNING promises no order
    return rows


async def keep_leases(
    session: AsyncSession, ids: list[int], *, by: str, until: datetime
) -> set[int]:
    """Lengthen the leases replica `by` still holds on these deliveries (sends still in
    flight) to `until`; one it no longer holds (finished, or taken back) is left alone.
    Returns the ids it still holds."""
    kept = await session.execute(
        update(OUTBOX)
        .where(OUTBOX.c.id.in_(ids), OUTBOX.c.claimed_by == by, OUTBOX.c.status == "sending")
        .values(claimed_until=until)
        .returning(OUTBOX.c.id)
    )
    return {int(item_id) for item_id in kept.scalars()}


@dataclass(frozen=True)
class Finished:
    """One attempt's outcome, to record on its delivery (see `finish`)."""

    item_id: int
    status: str
    at: datetime
    error: str | None = None
    next_attempt_at: datetime | None = None
    tried: bool = True
    # The replica that claimed it: its outcome is recorded only while that claim holds (None:
    # whoever holds it).
    by: str | None = None


async def finish(
    session: AsyncSession,
    item_id: int,
    status: str,
    *,
    at: datetime,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
    tried: bool = True,
    by: str | None = None,
) -> None:
    await finish_all(session, [Finished(item_id, status, at, error, next_attempt_at, tried, by)])


async def finish_all(session: AsyncSession, finished: Sequence[Finished]) -> None:
    """Record attempts' outcomes and end their leases, in one statement run for every row:
    `sent` stamps sent_at, a new `next_attempt_at` replaces the old, and an attempt not
    `tried` (put back to wait its turn) is not counted. One `by` a replica whose claim was
    taken back meanwhile (seen dead, its lease run out) is not recorded: it would end the
    claim of the replica sending the delivery now, and let a third claim send it beside."""
    if not finished:
        return
    await execute(
        session,
        _FINISH,
        [
            {
                "b_id": f.item_id,
                "b_status": f.status,
                "b_error": f.error,
                "b_sent_at": f.at if f.status == "sent" else None,
                "b_next_attempt_at": f.next_attempt_at,
                "b_untried": 0 if f.tried else 1,
                "b_by": f.by,
            }
            for f in finished
        ],
    )


def _due(dead_replicas: bool) -> ColumnElement[bool]:
    """Due now, and pending, or sending under a lease that has run out (or whose replica is
    dead, with `dead_replicas`)."""
    now = bindparam("b_now", type_=UTCDateTime())
    taken_back = OUTBOX.c.claimed_until < now
    if dead_replicas:
        dead = select(REPLICAS.c.id).where(
            REPLICAS.c.seen_at < bindparam("b_dead_before", type_=UTCDateTime()),
            REPLICAS.c.id != bindparam("b_not_dead", type_=REPLICAS.c.id.type),
        )
        taken_back = or_(taken_back, OUTBOX.c.claimed_by.in_(dead))
    return and_(
        OUTBOX.c.next_attempt_at <= now,
        or_(OUTBOX.c.status == "pending", and_(OUTBOX.c.status == "sending", taken_back)),
    )


@cache
def _any_due(dead_replicas: bool) -> Select[Any]:
    """Whether any delivery is due (what SQLite looks at before it claims)."""
    return select(OUTBOX.c.id).where(_due(dead_replicas)).limit(1)


@cache
def _claim_statement(dialect: str, dead_replicas: bool) -> Update:
    ids = (
        select(OUTBOX.c.id)
        .where(_due(dead_replicas))
        .order_by(case((OUTBOX.c.method.in_(WAITS_ITS_TURN), 1), else_=0), OUTBOX.c.id)
        .limit(bindparam("b_limit"))
    )
    if dialect == "postgresql":
        ids = ids.with_for_update(skip_locked=True)
    return (
        update(OUTBOX)
        .where(OUTBOX.c.id.in_(ids.scalar_subquery()))
        .values(
            status="sending",
            claimed_until=bindparam("b_lease_until", type_=UTCDateTime()),
            claimed_by=bindparam("b_claimer", type_=OUTBOX.c.claimed_by.type),
            attempts=OUTBOX.c.attempts + 1,
        )
        .returning(
            OUTBOX.c.id,
            OUTBOX.c.dedupe_key,
            OUTBOX.c.team_id,
            OUTBOX.c.method,
            OUTBOX.c.payload,
            OUTBOX.c.attempts,
            OUTBOX.c.claimed_until,
        )
    )


_BY = bindparam("b_by", type_=OUTBOX.c.claimed_by.type)
_FINISH = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("b_id"), or_(_BY.is_(None), OUTBOX.c.claimed_by == _BY))
    .values(
        status=bindparam("b_status", type_=OUTBOX.c.status.type),
        claimed_until=None,
        claimed_by=None,
        last_error=bindparam("b_error", type_=OUTBOX.c.last_error.type),
        sent_at=func.coalesce(bindparam("b_sent_at", type_=UTCDateTime()), OUTBOX.c.sent_at),
        next_attempt_at=func.coalesce(
            bindparam("b_next_attempt_at", type_=UTCDateTime()), OUTBOX.c.next_attempt_at
        ),
        attempts=OUTBOX.c.attempts - bindparam("b_untried", type_=OUTBOX.c.attempts.type),
    )
)
