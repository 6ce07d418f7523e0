"""Queries on the kudos ledger. Undone entries keep their rows (and idempotency keys) but are
left out of everything people see."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, String, and_, cast, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.models import Kudos, Person
from storage.upsert import insert_for


class DuplicateKudos(Exception):
    """An idempotency key was taken meanwhile (a concurrent retry); the caller rolls back."""


def _live(team_id: str) -> Any:
    return and_(Kudos.team_id == team_id, Kudos.undone_at.is_(None))


async def by_keys(session: AsyncSession, team_id: str, keys: Iterable[str]) -> list[Kudos]:
    """Entries with these idempotency keys, undone ones included (a key is used once)."""
    statement = select(Kudos).where(Kudos.team_id == team_id, Kudos.idempotency_key.in_(list(keys)))
    return list(await session.scalars(statement.order_by(Kudos.id)))


async def entry(session: AsyncSession, team_id: str, kudos_id: int) -> Kudos | None:
    return await session.scalar(select(Kudos).where(Kudos.team_id == team_id, Kudos.id == kudos_id))


async def add(session: AsyncSession, team_id: str, rows: Sequence[dict[str, Any]]) -> list[Kudos]:
    """Insert one entry per row; a key that is already taken raises DuplicateKudos."""
    for row in rows:
        statement = (
            insert_for(session, Kudos)
            .values(team_id=team_id, **row)
            .on_conflict_do_nothing(index_elements=["team_id", "idempotency_key"])
        )
        result = await session.execute(statement)
        assert isinstance(result, CursorResult)
        if result.rowcount != 1:
            raise DuplicateKudos(row["idempotency_key"])
    return await by_keys(session, team_id, [row["idempotency_key"] for row in rows])


async def count_given(
    session: AsyncSession, team_id: str, giver: str, since: datetime, until: datetime
) -> int:
    statement = select(func.count()).where(
        _live(team_id),
        Kudos.giver_user_id == giver,
        Kudos.created_at >= since,
        Kudos.created_at < until,
    )
    return int(await session.scalar(statement) or 0)


async def same_reason_since(
    session: AsyncSession, team_id: str, giver: str, message: str, since: datetime
) -> list[Kudos]:
    """A giver's live entries with this reason since a moment, oldest first."""
    statement = select(Kudos).where(
        _live(team_id),
        Kudos.giver_user_id == giver,
        Kudos.message == message,
        Kudos.created_at >= since,
    )
    return list(await session.scalars(statement.order_by(Kudos.id)))


async def batch(session: AsyncSession, team_id: str, batch_key: str) -> list[Kudos]:
    statement = select(Kudos).where(Kudos.team_id == team_id, Kudos.batch_key == batch_key)
    return list(await session.scalars(statement.order_by(Kudos.id)))


async def mark_undone(session: AsyncSession, team_id: str, batch_key: str, at: datetime) -> int:
    statement = (
        update(Kudos).where(_live(team_id), Kudos.batch_key == batch_key).values(undone_at=at)
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
) -> None:
    """Where the shout-out was posted: by ts, or (no ts) through a command's reply_url."""
    await session.execute(
        update(Kudos)
        .where(Kudos.team_id == team_id, Kudos.batch_key == batch_key)
        .values(shoutout_channel_id=channel_id, shoutout_ts=ts, shoutout_reply_url=reply_url)
    )


async def set_dm(
    session: AsyncSession, team_id: str, kudos_id: int, channel_id: str, ts: str
) -> None:
    await session.execute(
        update(Kudos)
        .where(Kudos.team_id == team_id, Kudos.id == kudos_id)
        .values(dm_channel_id=channel_id, dm_ts=ts)
    )


async def make_private(session: AsyncSession, team_id: str, batch_key: str) -> None:
    """Kudos whose shout-out could not be posted: only their giver and receivers know them."""
    await session.execute(
        update(Kudos)
        .where(Kudos.team_id == team_id, Kudos.batch_key == batch_key)
        .values(is_private=True)
    )


async def of_shoutout(session: AsyncSession, team_id: str, channel_id: str, ts: str) -> list[Kudos]:
    statement = select(Kudos).where(
        _live(team_id), Kudos.shoutout_channel_id == channel_id, Kudos.shoutout_ts == ts
    )
    return list(await session.scalars(statement.order_by(Kudos.id)))


def _with_value(value: str | None) -> Any:
    # Values are [a-z0-9-] and stored as a JSON list, so '"name"' only matches a whole value.
    return cast(Kudos.values, String).like(f'%"{value}"%') if value else True


async def leaderboard(
    session: AsyncSession,
    team_id: str,
    since: datetime | None,
    value: str | None = None,
    limit: int = 10,
) -> list[tuple[str, int]]:
    """(receiver, kudos received) since a time, most first; private entries count too."""
    count = func.count().label("n")
    statement = (
        select(Kudos.receiver_user_id, count)
        .where(_live(team_id), _with_value(value))
        .group_by(Kudos.receiver_user_id)
        .order_by(count.desc(), Kudos.receiver_user_id)
        .limit(limit)
    )
    if since is not None:
        statement = statement.where(Kudos.created_at >= since)
    return [(user, int(n)) for user, n in (await session.execute(statement)).all()]


async def count_for(
    session: AsyncSession, team_id: str, *, giver: str = "", receiver: str = ""
) -> int:
    statement = select(func.count()).where(_live(team_id))
    if giver:
        statement = statement.where(Kudos.giver_user_id == giver)
    if receiver:
        statement = statement.where(Kudos.receiver_user_id == receiver)
    return int(await session.scalar(statement) or 0)


async def received(
    session: AsyncSession,
    team_id: str,
    receiver: str,
    *,
    limit: int | None = None,
) -> list[Kudos]:
    """Entries someone received, newest first."""
    statement = select(Kudos).where(_live(team_id), Kudos.receiver_user_id == receiver)
    statement = statement.order_by(Kudos.created_at.desc(), Kudos.id.desc()).limit(limit)
    return list(await session.scalars(statement))


async def given_times(
    session: AsyncSession, team_id: str, giver: str, since: datetime
) -> list[datetime]:
    statement = select(Kudos.created_at).where(
        _live(team_id), Kudos.giver_user_id == giver, Kudos.created_at >= since
    )
    return list(await session.scalars(statement))


async def names(session: AsyncSession, team_id: str, user_ids: Iterable[str]) -> dict[str, str]:
    """Display names (real name, else Slack name) of the people we know among these ids."""
    ids = list(set(user_ids))
    if not ids:
        return {}
    rows = await session.execute(
        select(Person.user_id, Person.real_name, Person.name).where(
            Person.team_id == team_id, Person.user_id.in_(ids)
        )
    )
    return {user: real or name or user for user, real, name in rows.all()}


async def export(
    session: AsyncSession, since: datetime, until: datetime | None
) -> list[tuple[Kudos, str, str]]:
    """Every live entry of every workspace in [since, until), oldest first, with both names."""
    giver = aliased(Person)
    receiver = aliased(Person)
    statement = (
        select(Kudos, giver.real_name, receiver.real_name)
        .outerjoin(
            giver, and_(giver.team_id == Kudos.team_id, giver.user_id == Kudos.giver_user_id)
        )
        .outerjoin(
            receiver,
            and_(receiver.team_id == Kudos.team_id, receiver.user_id == Kudos.receiver_user_id),
        )
        .where(Kudos.undone_at.is_(None), Kudos.created_at >= since)
        .order_by(Kudos.created_at, Kudos.id)
    )
    if until is not None:
        statement = statement.where(Kudos.created_at < until)
    return [(k, g or "", r or "") for k, g, r in (await session.execute(statement)).all()]
