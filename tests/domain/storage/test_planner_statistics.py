"""After a bulk write of people (the directory sync and import), the query planner counts them
again at once: PostgreSQL's autovacuum would a minute or more later, and until then its plans
assumed the table as it was (the digest's "who manages anyone" took 6 s instead of 6 ms right
after 5,000 people were added)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.directory.sync import SyncReport
from bot.people import PeopleService
from bot.profile import Profile
from bot.runtime.cli import main

STAFF = 300


async def planned_people(engine: AsyncEngine) -> int | None:
    """How many rows of people the planner believes there are (None: it has no count)."""
    async with engine.connect() as c:
        if engine.dialect.name == "postgresql":
            count = await c.scalar(text("SELECT reltuples FROM pg_class WHERE relname = 'people'"))
            return int(count) if count is not None and count >= 0 else None
        try:
            stat = await c.scalar(text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'people'"))
        except OperationalError:  # no ANALYZE ever ran: the table does not exist
            return None
        return int(stat.split()[0]) if stat else None


async def test_a_directory_sync_leaves_the_planner_counting_everyone(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    profiles = [Profile(f"U{i:05d}", f"person{i}") for i in range(STAFF)]
    report = await PeopleService(sessions).record_directory(
        "T1", profiles, SyncReport(), listed=[p.user_id for p in profiles]
    )
    assert len(report.added) == STAFF
    assert await planned_people(engine) == STAFF


async def test_an_import_leaves_the_planner_counting_everyone(
    engine: AsyncEngine,
    sessions: async_sessionmaker[AsyncSession],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    for name in list(os.environ):
        if name.startswith("SLACK_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", database_url)
    await PeopleService(sessions).remember("T1", Profile("U0BOSS", "boss"))
    rows = "".join(f"U{i:05d},person{i},U0BOSS\n" for i in range(STAFF))
    (tmp_path / "people.csv").write_text("slack_id,handle,manager\n" + rows)
    code = await asyncio.to_thread(main, ["import", "people", str(tmp_path / "people.csv")])
    assert code == 0
    assert await planned_people(engine) == STAFF + 1


async def test_postgresql_compiles_no_query_just_in_time(engine: AsyncEngine) -> None:
    """An estimate inflated by the org chart's recursive query made PostgreSQL JIT-compile a
    47 ms query for 350 ms more; our queries are short, so JIT is off for our connections."""
    if engine.dialect.name != "postgresql":
        pytest.skip("JIT compiling is PostgreSQL's: SQLite has none")
    async with engine.connect() as c:
        assert await c.scalar(text("SHOW jit")) == "off"
