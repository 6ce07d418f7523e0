"""Queries on the outbox: what must be delivered to Slack, queued in the transaction that
decides it; `storage.outbox_claims` is how a worker takes and finishes it, `outbox_status`
what an operator sees of it.

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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import CursorResult, Engine, delete, event, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from storage.models import OutboxItem
from storage.units import dialect_of, execute
from storage.upsert import insert_on
from storage.wakeups import notify_statement, outbox_filled

WAITING = ("pending", "sending")
OUTBOX = OutboxItem.metadata.tables[OutboxItem.__tablename__]
_HANDED = "askaround_outbox_handed"  # session.info: (taker, deliveries) of this transaction


class Leased(NamedTuple):
    """A delivery leased to a worker, as a claim returns it (this attempt counted)."""

    id: int
    dedupe_key: str | None
    team_id: str
    method: str
    payload: dict[str, Any]
    attempts: int
    claimed_until: datetime | None = None  # when its lease ends, as given
    memo: Any = None  # what the queueing transaction knew, handed over in memory only


# When a delivery's first Slack call may go, and what books that turn for it: called only
# once the delivery is queued, as one queued already must not take a turn from the next.
Turn = tuple[datetime, Callable[[], None]]


@dataclass(frozen=True)
class Taker:
    """A worker in this process that takes new deliveries without claiming them.

    `lease(at)` is asked while a delivery due at `at` is queued: the end of its lease when the
    worker has room for it now, else None (it is queued as pending and claimed as usual).
    `take` gets the leased deliveries once their transaction has committed, on the
    committing thread. `turn(team_id, kind, memo)` is asked first: when Slack's pace would
    turn the delivery's first call away now, the moment it may go, and the delivery is
    queued untried for then (booked, and the taker woken for it, once it is queued), where
    an attempt at once would only be put back."""

    replica_id: str
    lease: Callable[[datetime], datetime | None]
    take: Callable[[list[Leased]], None]
    turn: Callable[[str, str, Any], Turn | None] = lambda _team, _kind, _memo: None


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
    dialect = dialect_of(session)
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
    bind = session.sync_session.bind
    taker = _takers.get(bind) if isinstance(bind, Engine) else None
    turn = taker.turn(team_id, kind, memo) if taker is not None else None
    if turn is not None and turn[0] > at:
        values["next_attempt_at"] = turn[0]
        quiet = True  # its taker knows when it falls due; no other worker need look sooner
        taker = None
    else:
        turn = None
    lease_until = taker.lease(at) if taker is not None else None
    if taker is not None and lease_until is not None:
        values |= {"status": "sending", "attempts": 1}
        values |= {"claimed_by": taker.replica_id, "claimed_until": lease_until}
        row = (await execute(session, _enqueue_leased_statement(dialect), values)).first()
        if row is None:
            return False
        # As a claim would read it back: through JSON.
        copy = json.loads(json.dumps(payload))
        leased = Leased(int(row.id), key, team_id, kind, copy, 1, lease_until, memo)
        _, handed = session.info.setdefault(_HANDED, (taker, []))
        handed.append(leased)
        return True
    added = await execute(session, _enqueue_statement(dialect), values)
    assert isinstance(added, CursorResult)
    if added.rowcount != 1:
        return False
    if turn is not None:
        turn[1]()
    if quiet:
        return True
    if outbox_filled(session) and (notify := notify_statement(dialect)) is not None:
        await execute(session, notify)  # other replicas hear of it when this commits
    return True


async def payload_of(session: AsyncSession, team_id: str, key: str) -> dict[str, Any] | None:
    """What the delivery queued with this key was asked to send (sent or not)."""
    statement = select(OutboxItem.payload).where(
        OutboxItem.team_id == team_id, OutboxItem.dedupe_key == key
    )
    return await session.scalar(statement)


async def unrecorded_until(
    session: AsyncSession, team_id: str, key: str, *, untried_too: bool = False
) -> tuple[str, datetime] | None:
    """The delivery queued with this key, while a message it posted may not be recorded yet:
    ("sending", …) while it is being sent (claimed, not finished); ("pending", its next
    attempt) once it was tried and put back, for an attempt whose answer was lost (a
    timeout, a 5xx after Slack posted) may have posted, and only its next attempt finds
    that message by its mark and records it (`handlers.client.marks`). None once it was
    sent or failed, or while it was never tried (with `untried_too`, ("pending", …) then
    too: it has not posted yet, and will)."""
    row = (
        await session.execute(
            select(OutboxItem.status, OutboxItem.attempts, OutboxItem.next_attempt_at).where(
                OutboxItem.team_id == team_id, OutboxItem.dedupe_key == key
            )
        )
    ).first()
    if row is None or not (
        row.status == "sending" or (row.status == "pending" and (row.attempts > 0 or untried_too))
    ):
        return None
    return row.status, row.next_attempt_at


async def sending_before(session: AsyncSession, team_id: str, prefix: str, item_id: int) -> bool:
    """Whether a delivery queued before delivery `item_id`, with a key that starts with
    `prefix`, is being sent right now."""
    found = await session.scalar(
        select(OutboxItem.id)
        .where(
            OutboxItem.team_id == team_id,
            OutboxItem.status == "sending",
            OutboxItem.id < item_id,
            OutboxItem.dedupe_key.startswith(prefix, autoescape=True),
        )
        .limit(1)
    )
    return found is not None


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


@cache
def _enqueue_statement(dialect: str) -> Any:
    return insert_on(dialect, OUTBOX).on_conflict_do_nothing(index_elements=["dedupe_key"])


@cache
def _enqueue_leased_statement(dialect: str) -> Any:
    return _enqueue_statement(dialect).returning(OUTBOX.c.id)
