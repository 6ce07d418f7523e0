"""Reads over the kudos ledger for summaries, leaderboards and the export: live entries only
(`storage.kudos.live`), read seldom, so ORM statements built per call."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.kudos import live
from storage.models import Kudos, Person
from storage.people import shown_name


def _with_value(value: str | None) -> Any:
    """Kudos with a value: the JSON list is matched as text, by the value as `json.dumps`
    wrote it into the list (`#ética` as `"\\u00e9tica"`, quotes included, so only a whole
    value matches), with LIKE's own characters (`_` is one, in `team_work`) taken literally."""
    if not value:
        return True
    written = json.dumps(value)
    literal = written.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return cast(Kudos.values, String).like(f"%{literal}%", escape="!")


async def leaderboard(
    session: AsyncSession,
    team_id: str,
    since: datetime | None,
    until: datetime | None = None,
    value: str | None = None,
    limit: int = 10,
) -> list[tuple[str, int]]:
    """(receiver, kudos received) in [since, until), most first; private entries count too."""
    count = func.count().label("n")
    statement = (
        select(Kudos.receiver_user_id, count)
        .where(live(team_id), _with_value(value))
        .group_by(Kudos.receiver_user_id)
        .order_by(count.desc(), Kudos.receiver_user_id)
        .limit(limit)
    )
    if since is not None:
        statement = statement.where(Kudos.created_at >= since)
    if until is not None:
        statement = statement.where(Kudos.created_at < until)
    return [(user, int(n)) for user, n in (await session.execute(statement)).all()]


async def tied_with(
    session: AsyncSession,
    team_id: str,
    count: int,
    since: datetime | None,
    until: datetime | None = None,
    value: str | None = None,
) -> int:
    """How many people received exactly `count` kudos in [since, until), as `leaderboard`
    counts them: those tied with a place it shows, some of whom its limit may leave out."""
    received = (
        select(Kudos.receiver_user_id)
        .where(live(team_id), _with_value(value))
        .group_by(Kudos.receiver_user_id)
        .having(func.count() == count)
    )
    if since is not None:
        received = received.where(Kudos.created_at >= since)
    if until is not None:
        received = received.where(Kudos.created_at < until)
    tied = await session.scalar(select(func.count()).select_from(received.subquery()))
    return int(tied or 0)


async def count_for(
    session: AsyncSession, team_id: str, *, giver: str = "", receiver: str = ""
) -> int:
    statement = select(func.count()).where(live(team_id))
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
    statement = select(Kudos).where(live(team_id), Kudos.receiver_user_id == receiver)
    statement = statement.order_by(Kudos.created_at.desc(), Kudos.id.desc()).limit(limit)
    return list(await session.scalars(statement))


async def given_times(session: AsyncSession, team_id: str, giver: str) -> list[datetime]:
    """When a giver gave each live entry: all of them, as a streak may be longer than a year."""
    statement = select(Kudos.created_at).where(live(team_id), Kudos.giver_user_id == giver)
    return list(await session.scalars(statement))


async def export(
    session: AsyncSession, since: datetime, until: datetime | None
) -> list[tuple[Kudos, str, str]]:
    """Every live entry of every workspace in [since, until), oldest first, with both names
    (`shown_name`: as askaround names them elsewhere)."""
    giver = aliased(Person)
    receiver = aliased(Person)
    statement = (
        select(Kudos, giver.real_name, giver.name, receiver.real_name, receiver.name)
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
    return [
        (k, shown_name(k.giver_user_id, g, gn), shown_name(k.receiver_user_id, r, rn))
        for k, g, gn, r, rn in (await session.execute(statement)).all()
    ]
