"""The one-hop SQLite driver (`storage/sqlite_driver.py`) behaves as a DB-API cursor must:
rows, row counts, last row ids, many rows in one statement, a stream, errors of the right kind,
and transactions that commit and roll back. A SQLite file of its own, whatever database the
rest of the suite runs on."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import create_engine
from storage.sqlite_driver import OneHopConnection

pytestmark = pytest.mark.database_independent

METADATA = MetaData()
THINGS = Table(
    "things",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", String, unique=True, nullable=False),
)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}")
    async with engine.begin() as conn:
        await conn.run_sync(METADATA.create_all)
    yield engine
    await engine.dispose()


async def test_statements_return_rows_counts_and_ids(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        raw = await conn.get_raw_connection()
        assert isinstance(raw.dbapi_connection, OneHopConnection)
        first = await conn.execute(insert(THINGS).values(name="a"))
        assert first.inserted_primary_key == (1,)
        await conn.execute(insert(THINGS), [{"name": "b"}, {"name": "c"}])
        returned = await conn.execute(
            insert(THINGS).values(name="d").returning(THINGS.c.id, THINGS.c.name)
        )
        assert returned.all() == [(4, "d")]
        changed = await conn.execute(
            update(THINGS).where(THINGS.c.id > 2).values(name=THINGS.c.name + "!")
        )
        assert changed.rowcount == 2
    async with engine.connect() as conn:
        names = (await conn.execute(select(THINGS.c.name).order_by(THINGS.c.id))).scalars().all()
        assert names == ["a", "b", "c!", "d!"]
        streamed = [
            row.name async for row in await conn.stream(select(THINGS).order_by(THINGS.c.id))
        ]
        assert streamed == names
        assert (await conn.execute(text("SELECT count(*) FROM things WHERE 0"))).scalar() == 0


async def test_an_error_is_sqlalchemys_and_rolls_back_the_transaction(engine: AsyncEngine) -> None:
    with pytest.raises(IntegrityError):
        async with engine.begin() as conn:
            await conn.execute(insert(THINGS).values(name="same"))
            await conn.execute(insert(THINGS).values(name="same"))
    async with engine.connect() as conn:
        assert (await conn.execute(select(THINGS))).all() == []


async def test_a_read_commits_nothing_and_a_write_commits(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        assert (await conn.execute(select(THINGS))).all() == []
        raw = (await conn.get_raw_connection()).dbapi_connection
        assert isinstance(raw, OneHopConnection)
        assert not raw._in_transaction()  # a read opens no transaction in SQLite
        await conn.execute(insert(THINGS).values(name="kept"))
        assert raw._in_transaction()
    async with engine.connect() as conn:
        assert (await conn.execute(select(THINGS.c.name))).scalars().all() == ["kept"]
