"""Queries on the kudos ledger. Undone entries keep their rows (and idempotency keys) but are
left out of everything people see."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    CursorResult,
    Result,
    Row,
    String,
    Table,
    and_,
    bindparam,
    func,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Kudos
from storage.units import dialect_of
from storage.units import execute as _run
from storage.upsert import insert_on

# The first key of the advisory lock a giver's gifts take on PostgreSQL (the second: the
# giver); a two-key lock never meets the one-key lock of the migrations.
_GIVER_LOCK_CLASS = 1_440_614


class DuplicateKudos(Exception):
    """An idempotency key was taken meanwhile (a concurrent retry); the caller rolls back."""


# The hot path (giving, the shout-out and the DMs) is SQLAlchemy Core: statements built once
# here with bound parameters, so SQLAlchemy's compiled cache hits, executed on the session's
# connection, and rows handed back as they are (no ORM objects to load and track).
KUDOS = Kudos.__table__
assert isinstance(KUDOS, Table)
_K = KUDOS.c
ENTRY = (
    _K.id,
    _K.giver_user_id,
    _K.receiver_user_id,
    _K.message,
    _K["values"],
    _K.channel_id,
    _K.is_private,
    _K.source,
    _K.created_at,
    _K.batch_key,
    _K.shoutout_channel_id,
    _K.shoutout_ts,
    _K.shoutout_reply_url,
    _K.dm_channel_id,
    _K.dm_ts,
    _K.quoted_channel_id,
    _K.quoted_ts,
    _K.undone_at,
)
_TEAM = _K.team_id == bindparam("team")
_LIVE_OF_GIVER = and_(_TEAM, _K.undone_at.is_(None), _K.giver_user_id == bindparam("giver"))

_BY_KEYS = (
    select(*ENTRY)
    .where(_TEAM, _K.idempotency_key.in_(bindparam("keys", expanding=True)))
    .order_by(_K.id)
)
_ENTRY = select(*ENTRY).where(_TEAM, _K.id == bindparam("kudos_id"))
_BATCH = select(*ENTRY).where(_TEAM, _K.batch_key == bindparam("batch")).order_by(_K.id)
_USED = select(func.count().label("used")).where(
    _LIVE_OF_GIVER, _K.created_at >= bindparam("start"), _K.created_at < bindparam("end")
)
_GIVER_LOCK = select(
    func.pg_advisory_xact_lock(_GIVER_LOCK_CLASS, func.hashtext(bindparam("who", type_=String)))
)
_SAME = KUDOS.alias("same")
# One row at least: the count, beside each entry (if any) with the same reason since `recent`.
_used_today = _USED.subquery("used")
_GIVEN_BEFORE = select(
    _used_today.c.used, _SAME.c.id, _SAME.c.batch_key, _SAME.c.receiver_user_id
).select_from(
    _used_today.outerjoin(
        _SAME,
        and_(
            _SAME.c.team_id == bindparam("team"),
            _SAME.c.undone_at.is_(None),
            _SAME.c.giver_user_id == bindparam("giver"),
            _SAME.c.message == bindparam("reason"),
            _SAME.c.created_at >= bindparam("recent"),
            _SAME.c.batch_key != bindparam("batch"),
        ),
    )
)
_SET_SHOUTOUT = (
    update(KUDOS)
    .where(_TEAM, _K.batch_key == bindparam("batch"))
    .values(
        shoutout_channel_id=bindparam("channel"),
        shoutout_ts=bindparam("ts"),
        shoutout_reply_url=bindparam("reply_url"),
    )
    .returning(*ENTRY)
)
_MAKE_PRIVATE = (
    update(KUDOS)
    .where(_TEAM, _K.batch_key == bindparam("batch"))
    .values(is_private=True)
    .returning(*ENTRY)
)
_SET_DM = (
    update(KUDOS)
    .where(_TEAM, _K.id == bindparam("kudos_id"))
    .values(dm_channel_id=bindparam("channel"), dm_ts=bindparam("ts"))
    .returning(_K.undone_at)
)


def live(team_id: str) -> Any:
    return and_(Kudos.team_id == team_id, Kudos.undone_at.is_(None))


async def by_keys(session: AsyncSession, team_id: str, keys: Iterable[str]) -> Sequence[Row[Any]]:
    """Entries with these idempotency keys, undone ones included (a key is used once)."""
    return (await _run(session, _BY_KEYS, {"team": team_id, "keys": list(keys)})).all()


async def entry(session: AsyncSession, team_id: str, kudos_id: int) -> Row[Any] | None:
    return (await _run(session, _ENTRY, {"team": team_id, "kudos_id": kudos_id})).first()


@cache
def _add(dialect: str) -> Any:
    return (
        insert_on(dialect, KUDOS)
        .on_conflict_do_nothing(index_elements=[_K.team_id, _K.idempotency_key])
        .returning(*ENTRY)
    )


async def add(
    session: AsyncSession, team_id: str, rows: Sequence[dict[str, Any]]
) -> Sequence[Row[Any]]:
    """Insert one entry per row, in one statement, oldest id first; a key that is already
    taken (a retry, or a concurrent one) raises DuplicateKudos, and the caller rolls back."""
    statement = _add(dialect_of(session))
    added = (await _run(session, statement, [{"team_id": team_id, **r} for r in rows])).all()
    if len(added) != len(rows):
        raise DuplicateKudos(team_id)
    return sorted(added, key=lambda row: int(row.id))


async def hold_giver(session: AsyncSession, team_id: str, giver: str) -> None:
    """Make concurrent gifts of one giver wait for each other until this transaction ends, so
    each counts the other's entries. SQLite has one writer at a time already; PostgreSQL
    takes a transaction-scoped advisory lock on the giver."""
    if dialect_of(session) == "postgresql":
        await _run(session, _GIVER_LOCK, {"who": f"{team_id}:{giver}"})


async def hold_live(session: AsyncSession, team_id: str, batch_key: str) -> bool:
    """Whether an act of giving still has kudos not undone, their rows held until this
    transaction ends: on PostgreSQL an Undo of them waits for it, or it sees the Undo that
    committed first; on SQLite the caller's insert holds the one writer's lock already."""
    statement = (
        select(Kudos.id).where(live(team_id), Kudos.batch_key == batch_key).with_for_update()
    )
    return (await session.execute(statement)).first() is not None


async def count_given(
    session: AsyncSession, team_id: str, giver: str, since: datetime, until: datetime
) -> int:
    params = {"team": team_id, "giver": giver, "start": since, "end": until}
    return int((await _run(session, _USED, params)).scalar_one())


async def given_before(
    session: AsyncSession,
    team_id: str,
    giver: str,
    batch_key: str,
    *,
    reason: str,
    today: tuple[datetime, datetime],
    recent: datetime,
) -> tuple[int, list[tuple[str, str]]]:
    """In one statement, what a giver gave besides the act `batch_key`: how many live entries
    in `today` [start, end) (the act's own entries included, once added), and the (batch,
    receiver) of each live entry with this reason since `recent`."""
    start, end = today
    params = {
        "team": team_id,
        "giver": giver,
        "start": start,
        "end": end,
        "reason": reason,
        "recent": recent,
        "batch": batch_key,
    }
    rows = (await _run(session, _GIVEN_BEFORE, params)).all()
    same = [(row.batch_key or str(row.id), row.receiver_user_id) for row in rows if row.id]
    return int(rows[0].used), same


async def batch(session: AsyncSession, team_id: str, batch_key: str) -> Sequence[Row[Any]]:
    return (await _run(session, _BATCH, {"team": team_id, "batch": batch_key})).all()


async def mark_undone(session: AsyncSession, team_id: str, batch_key: str, at: datetime) -> int:
    statement = (
        update(Kudos).where(live(team_id), Kudos.batch_key == batch_key).values(undone_at=at)
    )
    result = await session.execute(statement)
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


async def set_shoutout(
    session: AsyncSession,
    team_id: str,
    batch_key: str,
    channel_id: str,
    ts: str | None,
    reply_url: str | None = None,
) -> list[Row[Any]]:
    """Where the shout-out was posted: by ts, or (no ts) through a command's reply_url. The
    act's entries still live (not undone) as they now are, oldest first."""
    params = {
        "team": team_id,
        "batch": batch_key,
        "channel": channel_id,
        "ts": ts,
        "reply_url": reply_url,
    }
    return _still_live(await _run(session, _SET_SHOUTOUT, params))


async def set_dm(
    session: AsyncSession, team_id: str, kudos_id: int, channel_id: str, ts: str
) -> bool:
    """Where the recipient's DM was posted; whether the entry is still live (not undone)."""
    params = {"team": team_id, "kudos_id": kudos_id, "channel": channel_id, "ts": ts}
    row = (await _run(session, _SET_DM, params)).first()
    return row is not None and row.undone_at is None


async def make_private(session: AsyncSession, team_id: str, batch_key: str) -> list[Row[Any]]:
    """Kudos whose shout-out could not be posted: only their giver and receivers know them.
    The act's entries still live as they now are, oldest first."""
    return _still_live(await _run(session, _MAKE_PRIVATE, {"team": team_id, "batch": batch_key}))


def _still_live(rows: Result[Any]) -> list[Row[Any]]:
    return sorted((row for row in rows if row.undone_at is None), key=lambda row: int(row.id))


async def of_shoutout(session: AsyncSession, team_id: str, channel_id: str, ts: str) -> list[Kudos]:
    statement = select(Kudos).where(
        live(team_id), Kudos.shoutout_channel_id == channel_id, Kudos.shoutout_ts == ts
    )
    return list(await session.scalars(statement.order_by(Kudos.id)))


async def seconds_of(
    session: AsyncSession, team_id: str, channel_id: str, ts: str, *, undone_too: bool = False
) -> list[Kudos]:
    """The live seconds of the shout-out at `ts` (`undone_too`: and those undone or taken
    back), replies in its thread: a seconding's act of giving is keyed by the message reacted
    to (`second:CHANNEL:TS:REACTOR`)."""
    statement = select(Kudos).where(
        Kudos.team_id == team_id if undone_too else live(team_id),
        Kudos.source == "second",
        Kudos.batch_key.startswith(f"second:{channel_id}:{ts}:", autoescape=True),
    )
    return list(await session.scalars(statement.order_by(Kudos.id)))


def seconded(row: Kudos) -> tuple[str, str] | None:
    """The message (channel, ts) a seconding's entry reacted to, read from its act's key
    (`second:CHANNEL:TS:REACTOR`); None for an entry that seconds nothing."""
    if row.source != "second":
        return None
    parts = row.batch_key.split(":")
    return (parts[1], parts[2]) if len(parts) == 4 else None


async def shoutout_undone(session: AsyncSession, team_id: str, channel_id: str, ts: str) -> bool:
    """Whether the message was a shout-out whose kudos were all undone since."""
    statement = select(Kudos.id).where(
        Kudos.team_id == team_id,
        Kudos.shoutout_channel_id == channel_id,
        Kudos.shoutout_ts == ts,
        Kudos.undone_at.is_not(None),
    )
    return (await session.scalar(statement.limit(1))) is not None


async def mark_channels_private(
    session: AsyncSession, team_id: str, channel_ids: Collection[str]
) -> None:
    """The kudos whose shout-out was posted in these channels are private from now on: the
    channels were made private after it was posted."""
    if not channel_ids:
        return
    posted_in = func.coalesce(Kudos.shoutout_channel_id, Kudos.channel_id)
    await session.execute(
        update(Kudos)
        .where(Kudos.team_id == team_id, posted_in.in_(channel_ids))
        .values(is_private=True)
        .execution_options(synchronize_session=False)
    )
