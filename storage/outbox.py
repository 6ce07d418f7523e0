"""Queries on the outbox: what must be delivered to Slack, claimed by one worker at a time.

On PostgreSQL, replicas claim rows with `FOR UPDATE SKIP LOCKED`, so they share the work
without waiting on each other; SQLite has a single writer, so a plain UPDATE is enough. A
claim is a lease: a worker that dies leaves rows that another may take when it expires.

Claiming and finishing run for every delivery, so they are SQLAlchemy Core statements built
once (their compiled form is cached), with no ORM objects: one statement claims a whole batch
(`UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING …`), and one executemany finishes one.

A delivery queued in a process whose worker has room skips the claim altogether: it is
inserted already leased to that worker and handed to it when its transaction commits
(`hand_new_to`). The row is as durable as any other; only the claim's two statements, its
transaction and the worker's wake-up are saved. One whose first Slack call that worker knows
Slack's pace would turn away (a recipient's DM while `conversations.open` is out of turns) is
queued for its turn instead: tried at once, it would only be put back, a transaction more.
"""

from __future__ import annotations

import json
import secrets
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Engine,
    Row,
    Select,
    Update,
    and_,
    bindparam,
    case,
    delete,
    event,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from storage.models import OutboxItem, Replica
from storage.models.base import UTCDateTime
from storage.upsert import insert_on
from storage.wakeups import notify_statement, outbox_filled

WAITING = ("pending", "sending")
OUTBOX = OutboxItem.metadata.tables[OutboxItem.__tablename__]
REPLICAS = Replica.metadata.tables[Replica.__tablename__]
# A claim takes these last: in a burst, recipients' DMs (most of which wait for Slack's
# conversations.open pace anyway) wait for the public shout-outs and question messages.
WAITS_ITS_TURN = ("kudos.received",)
NO_REPLICA = ""  # never a replica's id (those are UUIDs): "no claimer" in a comparison
_HANDED = "askaround_outbox_handed"  # session.info: (taker, deliveries) of this transaction


class Leased(NamedTuple):
    """A delivery leased to a worker, as a claim returns it (this attempt counted)."""

    id: int
    dedupe_key: str | None
    team_id: str
    method: str
    payload: dict[str, Any]
    attempts: int
    memo: Any = None  # what the queueing transaction knew, handed over in memory only


@dataclass(frozen=True)
class Taker:
    """A worker in this process that takes new deliveries without claiming them.

    `lease(at)` is asked while a delivery due at `at` is queued: the end of its lease when the
    worker has room for it now, else None (it is queued as pending and claimed as usual).
    `take` gets the leased deliveries once their transaction has committed, on the
    committing thread. `turn(team_id, kind, memo)` is asked first: when Slack's pace would
    turn the delivery's first call away now, the moment it may go, and the delivery is
    queued untried for then (the taker wakes for it), where an attempt at once would only
    be put back."""

    replica_id: str
    lease: Callable[[datetime], datetime | None]
    take: Callable[[list[Leased]], None]
    turn: Callable[[str, str, Any], datetime | None] = lambda _team, _kind, _memo: None


_takers: weakref.WeakKeyDictionary[Engine, Taker] = weakref.WeakKeyDictionary()


def hand_new_to(engine: Engine, taker: Taker) -> Callable[[], None]:
    """Deliveries queued on `engine` from now on go to `taker` when it has room; returns the
    function that stops it."""
    _takers[engine] = taker

    def stop() -> None:
        if _takers.get(engine) is taker:
            del _takers[engine]

    return stop


async def enqueue(
    session: AsyncSession,
    team_id: str,
    kind: str,
    payload: dict[str, Any],
    *,
    key: str,
    at: datetime,
    memo: Any = None,
    quiet: bool = False,
) -> bool:
    """Add a delivery in the caller's transaction; the same key twice is one delivery.
    Returns whether this call added it. `memo`, never stored, goes with the delivery when it
    is handed to this process's worker (what the sender would otherwise read back). `quiet`:
    a delivery for minutes later wakes no worker when this commits; a worker's own poll
    claims it once due (a wake costs a claim, which found nothing: a fifth of a `/kudos`'s CPU
    when each queued its Undo's end)."""
    dialect = _dialect(session)
    values = {
        "team_id": team_id,
        "method": kind,
        "payload": payload,
        "dedupe_key": key,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": at,
        "created_at": at,
    }
    connection = await session.connection()
    bind = session.sync_session.bind
    taker = _takers.get(bind) if isinstance(bind, Engine) else None
    if taker is not None and (turn := taker.turn(team_id, kind, memo)) is not None and turn > at:
        values["next_attempt_at"] = turn
        quiet = True  # its taker knows when it falls due; no other worker need look sooner
        taker = None
    lease_until = taker.lease(at) if taker is not None else None
    if taker is not None and lease_until is not None:
        values |= {"status": "sending", "attempts": 1}
        values |= {"claimed_by": taker.replica_id, "claimed_until": lease_until}
        row = (await connection.execute(_enqueue_leased_statement(dialect), values)).first()
        if row is None:
            return False
        # As a claim would read it back: through JSON.
        copy = json.loads(json.dumps(payload))
        leased = Leased(int(row.id), key, team_id, kind, copy, 1, memo)
        _, handed = session.info.setdefault(_HANDED, (taker, []))
        handed.append(leased)
        return True
    added = await connection.execute(_enqueue_statement(dialect), values)
    assert isinstance(added, CursorResult)
    if added.rowcount != 1:
        return False
    if quiet:
        return True
    if outbox_filled(session) and (notify := notify_statement(dialect)) is not None:
        await connection.execute(notify)  # other replicas hear of it when this commits
    return True


async def payload_of(session: AsyncSession, team_id: str, key: str) -> dict[str, Any] | None:
    """What the delivery queued with this key was asked to send (sent or not)."""
    statement = select(OutboxItem.payload).where(
        OutboxItem.team_id == team_id, OutboxItem.dedupe_key == key
    )
    return await session.scalar(statement)


async def keyed_from(session: AsyncSession, team_id: str, prefix: str) -> bool:
    """Whether a delivery was ever queued with a key that starts with `prefix` (sent or not)."""
    found = await session.scalar(
        select(OutboxItem.id)
        .where(
            OutboxItem.team_id == team_id,
            OutboxItem.dedupe_key.startswith(prefix, autoescape=True),
        )
        .limit(1)
    )
    return found is not None


@event.listens_for(Session, "after_commit")
def _hand_over(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the transaction may still roll back
    if (handed := session.info.pop(_HANDED, None)) is not None:
        taker, deliveries = handed
        taker.take(deliveries)


@event.listens_for(Session, "after_soft_rollback")
def _keep_leased(session: Session, _previous: object) -> None:
    # Rows that survive (a savepoint rolled back, the transaction went on) stay leased to this
    # worker and are claimed again when their lease runs out: late, never lost or doubled.
    session.info.pop(_HANDED, None)


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
) -> list[Row[Any]]:
    """Take up to `limit` deliveries that are due and not leased by a live worker, in the
    order they were queued (`WAITS_ITS_TURN` kinds after the others); each row has id,
    dedupe_key, team_id, method, payload, attempts (this attempt counted).

    A lease ends when it runs out, or at once when the replica holding it (`by` of its claim)
    has not been seen alive since `dead_before`: a killed replica's sends are taken over
    when its death is noticed, not a whole lease later."""
    dialect = _dialect(session)
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
    connection = await session.connection()
    if dialect == "sqlite" and (await connection.execute(due, params)).first() is None:
        # An UPDATE takes SQLite's one write lock even when it matches nothing, and every
        # listener's transaction queues for that lock: look first, reading takes no lock.
        return []
    rows = list((await connection.execute(statement, params)).all())
    rows.sort(key=lambda row: int(row.id))  # RETURNING promises no order
    return rows


async def keep_leases(session: AsyncSession, ids: list[int], *, by: str, until: datetime) -> None:
    """Lengthen the leases replica `by` still holds on these deliveries (sends still in
    flight) to `until`; one it no longer holds (finished, or taken back) is left alone."""
    await session.execute(
        update(OUTBOX)
        .where(OUTBOX.c.id.in_(ids), OUTBOX.c.claimed_by == by, OUTBOX.c.status == "sending")
        .values(claimed_until=until)
    )


@dataclass(frozen=True)
class Finished:
    """One attempt's outcome, to record on its delivery (see `finish`)."""

    item_id: int
    status: str
    at: datetime
    error: str | None = None
    next_attempt_at: datetime | None = None
    tried: bool = True


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
    await finish_all(session, [Finished(item_id, status, at, error, next_attempt_at, tried)])


async def finish_all(session: AsyncSession, finished: Sequence[Finished]) -> None:
    """Record attempts' outcomes and end their leases, in one statement run for every row:
    `sent` stamps sent_at, a new `next_attempt_at` replaces the old, and an attempt not
    `tried` (put back to wait its turn) is not counted."""
    if not finished:
        return
    connection = await session.connection()
    await connection.execute(
        _FINISH,
        [
            {
                "b_id": f.item_id,
                "b_status": f.status,
                "b_error": f.error,
                "b_sent_at": f.at if f.status == "sent" else None,
                "b_next_attempt_at": f.next_attempt_at,
                "b_untried": 0 if f.tried else 1,
            }
            for f in finished
        ],
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


async def retry_failed(session: AsyncSession, now: datetime) -> list[str]:
    """Put every failed delivery back in the queue; the kind of each."""
    kinds = list(
        await session.scalars(
            update(OutboxItem)
            .where(OutboxItem.status == "failed")
            .values(status="pending", attempts=0, next_attempt_at=now, last_error=None)
            .returning(OutboxItem.method)
            .execution_options(synchronize_session=False)
        )
    )
    if kinds and outbox_filled(session):
        if (notify := notify_statement(_dialect(session))) is not None:
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


def _dialect(session: AsyncSession) -> str:
    return session.bind.dialect.name if session.bind is not None else "sqlite"


@cache
def _enqueue_statement(dialect: str) -> Any:
    return insert_on(dialect, OUTBOX).on_conflict_do_nothing(index_elements=["dedupe_key"])


@cache
def _enqueue_leased_statement(dialect: str) -> Any:
    return _enqueue_statement(dialect).returning(OUTBOX.c.id)


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
        )
    )


_FINISH = (
    update(OUTBOX)
    .where(OUTBOX.c.id == bindparam("b_id"))
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
