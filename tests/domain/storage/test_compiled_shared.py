"""Engines of one process share their dialect, and so the statements compiled for it
(`storage.db._share_compiled`): compiling was some 14% of the suite's CPU."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import create_engine
from storage.models import Person
from tests.databases import fresh_database


async def _people(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(select(Person.user_id).where(Person.team_id == "T1"))


def _compiled(engine: AsyncEngine) -> int:
    cache = engine.sync_engine._compiled_cache
    assert cache is not None
    return len(cache)


async def test_a_second_engine_uses_what_the_first_compiled(database_url: str) -> None:
    first = create_engine(database_url)
    second = create_engine(database_url)
    try:
        await _people(first)
        third = create_engine(database_url)
        assert third.sync_engine.dialect is first.sync_engine.dialect
        compiled = _compiled(first)
        await _people(third)
        assert _compiled(third) == compiled
        await third.dispose()
    finally:
        await second.dispose()
        await first.dispose()


async def test_a_dialect_is_shared_only_once_it_has_connected(database_url: str) -> None:
    """Options no other engine of the suite has: a key of its own."""
    unconnected = create_engine(database_url, query_cache_size=123)
    later = create_engine(database_url, query_cache_size=123)
    try:
        assert later.sync_engine.dialect is not unconnected.sync_engine.dialect
        await _people(later)
        latest = create_engine(database_url, query_cache_size=123)
        assert latest.sync_engine.dialect is later.sync_engine.dialect
        assert create_engine(database_url).sync_engine.dialect is not later.sync_engine.dialect
        await latest.dispose()
    finally:
        await later.dispose()
        await unconnected.dispose()


async def test_sqlite_files_share_and_server_databases_do_not(
    database_url: str, tmp_path: Path
) -> None:
    """A server's version and settings can differ by database; SQLite's are the library's."""
    engine = create_engine(database_url)
    try:
        await _people(engine)
        async with fresh_database(tmp_path) as other_url:
            other = create_engine(other_url)
            try:
                await _people_or_nothing(other)
                shared = other.sync_engine.dialect is engine.sync_engine.dialect
                assert shared == (engine.dialect.name == "sqlite")
            finally:
                await other.dispose()
    finally:
        await engine.dispose()


async def _people_or_nothing(engine: AsyncEngine) -> None:
    """An unmigrated database has no tables: a plain query connects it."""
    async with engine.connect() as conn:
        await conn.exec_driver_sql("SELECT 1")
