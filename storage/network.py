"""Queries on one person's network, as its owner sees and edits it: the colleagues and
contacts they said know a topic. Routing and the insights read every network at once
(`storage.routing`, `storage.insights`); `bot.visibility` decides who may see one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Connection, Offer, Person


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
    doomed = set(ids)
    await entries_removed(session, Connection.id.in_(doomed))
    result = await session.execute(delete(Connection).where(Connection.id.in_(doomed)))
    return int(getattr(result, "rowcount", 0))


async def entries_removed(session: AsyncSession, which: ColumnElement[bool]) -> None:
    """The connectors' offers made for these entries say so (`Offer.connection_id` 0): their
    request no longer says it came from their network."""
    await session.execute(
        update(Offer)
        .where(Offer.connection_id.in_(select(Connection.id).where(which)))
        .values(connection_id=0)
    )
