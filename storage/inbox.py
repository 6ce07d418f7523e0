"""Queries on the inbox and the replicas table.

A request is stored before Slack is answered and marked done when its work ends. A replica
that is no longer seen is dead: its requests not yet done are orphans, and exactly one live
replica takes each over (a conditional UPDATE, so two takers cannot both match).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ARRAY,
    CursorResult,
    Result,
    String,
    bindparam,
    delete,
    func,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InboxItem, Replica
from storage.units import dialect_of, execute
from storage.upsert import insert_for, insert_on

# Receiving and closing requests is Core, not ORM: they run for every request, next to its ack.
INBOX = InboxItem.metadata.tables[InboxItem.__tablename__]
_ON_THE_INBOX = {"mapper": InboxItem}  # its own file on SQLite (`create_sessions`)
Message = tuple[str, str]  # (channel, ts) of a message whose words a request carries


def _count(result: Any) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


async def receive(
    session: AsyncSession,
    team_id: str,
    key: str,
    body: dict[str, Any],
    replica_id: str,
    at: datetime,
) -> bool:
    """True for the first copy of a request, False for every repeat of its key."""
    [first] = await receive_all(session, [(team_id, key, body)], replica_id, at)
    return first


async def receive_all(
    session: AsyncSession,
    requests: Sequence[tuple[str, str, dict[str, Any]]],
    replica_id: str,
    at: datetime,
    messages: Sequence[Message | None] = (),
) -> list[bool]:
    """Store (team_id, key, body) requests in one statement, each with the message whose
    words it carries (`messages`, in the same order; none where shorter). For each request,
    in order: True if it is the first copy of its key, False for a repeat stored before or
    earlier in `requests`."""
    if not requests:
        return []
    firsts: dict[tuple[str, str], tuple[dict[str, Any], Message | None]] = {}
    for i, (team_id, key, body) in enumerate(requests):
        firsts.setdefault((team_id, key), (body, messages[i] if i < len(messages) else None))
    # One statement, built once, run for many rows (SQLAlchemy's "insertmanyvalues"): a
    # `.values([...])` list is compiled anew for every batch.
    result = await _execute(
        session,
        _receive_statement(dialect_of(session)),
        [
            _received(team_id, key, body, replica_id, at, message)
            for (team_id, key), (body, message) in firsts.items()
        ],
    )
    stored = {(str(row.team_id), str(row.request_key)) for row in result}
    answers = []
    for team_id, key, _body in requests:
        answers.append((team_id, key) in stored)
        stored.discard((team_id, key))  # a repeat later in `requests` is not the first
    return answers


async def receive_closing(
    session: AsyncSession,
    request: tuple[str, str, dict[str, Any]],
    replica_id: str,
    at: datetime,
    message: Message | None,
    closing: Sequence[tuple[str, str]],
) -> bool:
    """PostgreSQL: `receive_all` of one request and `finish_all` of `closing`, in ONE
    statement (the marks a data-modifying CTE), so that it needs no transaction around it
    (`units.alone`): one round trip before the ack where a transaction of the two took four.
    True if the request is the first copy of its key."""
    received = _received(*request, replica_id, at, message)
    row = {
        **{f"r_{column}": value for column, value in received.items()},
        "closing_teams": [team for team, _key in closing],
        "closing_keys": [key for _team, key in closing],
        "closed_at": at,
    }
    return (await _execute(session, _receive_closing_statement(), row)).first() is not None


def _received(
    team_id: str,
    key: str,
    body: dict[str, Any],
    replica_id: str,
    at: datetime,
    message: Message | None,
) -> dict[str, Any]:
    """A request's inbox row, by column."""
    return {
        "team_id": team_id,
        "request_key": key,
        "body": body,
        "replica_id": replica_id,
        "received_at": at,
        "replays": 0,
        "channel_id": message[0] if message else None,
        "message_ts": message[1] if message else None,
    }


async def finish(session: AsyncSession, team_id: str, key: str, at: datetime) -> None:
    await finish_all(session, [(team_id, key)], at)


async def finish_all(
    session: AsyncSession, requests: Sequence[tuple[str, str]], at: datetime
) -> None:
    """Mark (team_id, key) requests done in one statement, built once and run for each."""
    if not requests:
        return
    await _execute(
        session, _FINISH, [{"b_team": team, "b_key": key, "b_at": at} for team, key in requests]
    )


async def refused(session: AsyncSession, team_id: str, key: str, at: datetime) -> None:
    """Close a request refused to who sent it (someone who may not ask), its body emptied:
    nothing of theirs is kept, and a refusal has nothing to replay."""
    await _execute(
        session,
        update(INBOX)
        .where(INBOX.c.team_id == team_id, INBOX.c.request_key == key)
        .values(body={}, done_at=func.coalesce(INBOX.c.done_at, at)),
    )


async def holds(session: AsyncSession, team_id: str, message: Message) -> bool:
    """Whether an entry carries this message's words (found by its channel and ts)."""
    channel, ts = message
    found = await _execute(
        session,
        select(INBOX.c.request_key)
        .where(INBOX.c.team_id == team_id, INBOX.c.message_ts == ts, INBOX.c.channel_id == channel)
        .limit(1),
    )
    return found.first() is not None


async def forget_message(
    session: AsyncSession,
    team_id: str,
    message: Message,
    at: datetime,
    *,
    open_too: bool,
    own: str | None = None,
) -> None:
    """A message deleted or edited: the entries carrying its words (found by its channel and
    ts) closed and emptied, as a refused one is; those still open (their work under way) too
    when `open_too`, else only `own`, the request whose work this is."""
    channel, ts = message
    carrying = [INBOX.c.team_id == team_id, INBOX.c.message_ts == ts, INBOX.c.channel_id == channel]
    if not open_too:
        carrying.append(or_(INBOX.c.done_at.is_not(None), INBOX.c.request_key == own))
    await _execute(
        session,
        update(INBOX).where(*carrying).values(body={}, done_at=func.coalesce(INBOX.c.done_at, at)),
    )


async def _execute(session: AsyncSession, statement: Any, params: Any = None) -> Result[Any]:
    """A statement on the inbox's database (its own file on SQLite), skipping the ORM's
    execution path, which costs more than these small statements themselves."""
    return await execute(session, statement, params, bind_arguments=_ON_THE_INBOX)


@cache
def _receive_statement(dialect: str) -> Any:
    return (
        insert_on(dialect, INBOX)
        .on_conflict_do_nothing(index_elements=["team_id", "request_key"])
        .returning(INBOX.c.team_id, INBOX.c.request_key)
    )


@cache
def _receive_closing_statement() -> Any:
    closing = (
        func.unnest(
            bindparam("closing_teams", type_=ARRAY(String)),
            bindparam("closing_keys", type_=ARRAY(String)),
        )
        .table_valued("team_id", "request_key")
        .render_derived(with_types=False)
        .alias("closing")
    )
    closed = (
        update(INBOX)
        .where(
            tuple_(INBOX.c.team_id, INBOX.c.request_key).in_(
                select(closing.c.team_id, closing.c.request_key)
            ),
            INBOX.c.done_at.is_(None),
        )
        .values(done_at=bindparam("closed_at", type_=INBOX.c.done_at.type))
        .cte("closed")
    )
    # Named apart from the columns: the CTE's UPDATE would take those as its SET too.
    stored = {column: bindparam(f"r_{column}", type_=INBOX.c[column].type) for column in _RECEIVED}
    return (
        insert_on("postgresql", INBOX)
        .values(stored)
        .on_conflict_do_nothing(index_elements=["team_id", "request_key"])
        .returning(INBOX.c.team_id, INBOX.c.request_key)
        .add_cte(closed)
    )


_RECEIVED = (
    "team_id",
    "request_key",
    "body",
    "replica_id",
    "received_at",
    "replays",
    "channel_id",
    "message_ts",
)


_FINISH = (
    update(INBOX)
    .where(
        INBOX.c.team_id == bindparam("b_team"),
        INBOX.c.request_key == bindparam("b_key"),
        INBOX.c.done_at.is_(None),
    )
    .values(done_at=bindparam("b_at", type_=INBOX.c.done_at.type))
)


async def orphans(
    session: AsyncSession, seen_since: datetime, limit: int, *, taker: str
) -> Sequence[InboxItem]:
    """Requests not done whose replica has not been seen since `seen_since`, other than the
    taker's own: those are in its hands, however stale its heartbeat looks.

    The live replicas are read first, on their own: on SQLite the inbox is in a file of its
    own (`storage.db`), so one statement cannot join it with the replicas table."""
    live = list(
        (await session.scalars(select(Replica.id).where(Replica.seen_at >= seen_since))).all()
    )
    return (
        await session.scalars(
            select(InboxItem)
            .where(
                InboxItem.done_at.is_(None),
                InboxItem.replica_id.not_in(live),
                InboxItem.replica_id != taker,
            )
            .order_by(InboxItem.id)
            .limit(limit)
        )
    ).all()


async def take_over(session: AsyncSession, item_id: int, dead: str, replica_id: str) -> bool:
    """Move an orphan to `replica_id`; False when another replica took it first."""
    result = await session.execute(
        update(InboxItem)
        .where(
            InboxItem.id == item_id,
            InboxItem.replica_id == dead,
            InboxItem.done_at.is_(None),
        )
        .values(replica_id=replica_id, replays=InboxItem.replays + 1)
        .execution_options(synchronize_session=False)
    )
    return _count(result) == 1


async def open_count(session: AsyncSession) -> int:
    """Requests received and not yet done, across replicas."""
    return int(
        await session.scalar(
            select(func.count()).select_from(InboxItem).where(InboxItem.done_at.is_(None))
        )
        or 0
    )


async def prune(session: AsyncSession, done_before: datetime) -> int:
    """Forget requests done long enough ago that Slack no longer retries them."""
    return _count(
        await session.execute(
            delete(InboxItem)
            .where(InboxItem.done_at < done_before)
            .execution_options(synchronize_session=False)
        )
    )


async def seen(session: AsyncSession, replica_id: str, at: datetime) -> None:
    """Record that a replica is alive (inserting it the first time)."""
    await execute(
        session,
        insert_for(session, Replica)
        .values(id=replica_id, started_at=at, seen_at=at)
        .on_conflict_do_update(index_elements=["id"], set_={"seen_at": at}),
    )


async def leave(session: AsyncSession, replica_id: str) -> None:
    await execute(session, delete(Replica).where(Replica.id == replica_id))


async def forget_dead(session: AsyncSession, seen_before: datetime) -> None:
    """Replicas gone long ago; their requests count as orphans with or without the row."""
    await session.execute(delete(Replica).where(Replica.seen_at < seen_before))
