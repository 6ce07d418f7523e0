"""The network entries reach routing in the order they were added (`load_network`), on
either database and at every load: of a connector's contacts covering as many topics, their
reason names the first given. Without an order each database returned whatever its plan and
its pages gave (PostgreSQL put an entry added after one was removed, and the table vacuumed,
where the removed one had been)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.models import Connection, Person
from storage.network import add_connection
from storage.people import upsert_profile
from storage.routing import load_network

TEAM = "T1"


async def test_network_entries_load_in_the_order_they_were_added(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with sessions() as s, s.begin():
        for user in ("U1ANN", "U2BOB"):
            await upsert_profile(s, TEAM, user, name=user)
        ann, bob = (await s.scalars(select(Person).order_by(Person.id))).all()
        for person, contact in ((bob, "first"), (ann, "removed"), (bob, "second")):
            await add_connection(s, person, contact_name=contact, topics=["kafka"])
    async with sessions() as s, s.begin():
        await s.execute(delete(Connection).where(Connection.contact_name == "removed"))
    if engine.dialect.name == "postgresql":  # as autovacuum would, some time after
        async with engine.connect() as c:
            await c.execution_options(isolation_level="AUTOCOMMIT")
            await c.exec_driver_sql("VACUUM connections")
    async with sessions() as s, s.begin():
        await add_connection(s, ann, contact_name="third", topics=["kafka"])
    async with sessions() as s:
        everyone = [e.contact_name for e in await load_network(s, TEAM)]
        some = [e.contact_name for e in await load_network(s, TEAM, ["U2BOB", "U1ANN"])]
    assert everyone == some == ["first", "second", "third"]
