"""Queries on one person's network, as its owner sees and edits it: the colleagues and
contacts they said know a topic. Routing and the insights read every network at once
(`storage.routing`, `storage.insights`); `bot.visibility` decides who may see one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Connection, Person


async def connections_of(session: AsyncSession, person: Person) -> list[Connection]:
    rows = await session.scalars(
        select(Connection).where(Connection.person_id == person.id).order_by(Connection.id)
    )
    return list(rows)


async def add_connection(session: AsyncSession, person: Person, **fields: Any) -> Connection:
    connection = Connection(team_id=person.team_id, person_id=person.id, **fields)
    session.add(connection)
    await session.flush()
    return connection


async def delete_connections(session: AsyncSession, ids: Iterable[int]) -> int:
    result = await session.execute(delete(Connection).where(Connection.id.in_(set(ids))))
    return int(getattr(result, "rowcount", 0))
