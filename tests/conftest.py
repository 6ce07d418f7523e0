"""Shared fixtures: a migrated database of its own per test, on SQLite or PostgreSQL."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.db import create_engine, create_sessions
from tests.databases import drop_templates, migrated_database

# Python's collector ran every 700 allocations and, every so often, went through the whole heap:
# the modules a worker imported (SQLAlchemy, Bolt, aiohttp, the product) and the collected
# tests, which never become garbage. Frozen once collected, and run 70 times less often, it
# took 0.75 CPU-s of a 41 CPU-s run of three tier b modules (117 tests, one process), where it
# had taken 1.93 (`gc.callbacks` timing each collection).
gc.set_threshold(50_000, 20, 100)


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The end-to-end tier first: its tests wait on real processes and on Slack's pace in
    real time, and xdist hands each worker a run of the collected order, so when they were
    collected in the middle they were often the pass's tail, the other workers done."""
    items.sort(key=lambda item: not item.nodeid.startswith("tests/e2e/"))


@pytest.fixture(scope="session", autouse=True)
def migrated_templates() -> Iterator[None]:
    """The migrated databases a worker keeps (`tests.databases.migrated_database`: the one it
    copies and those it empties between tests) last the session and are dropped at its end."""
    yield
    drop_templates()


@pytest.fixture
async def database_url(tmp_path: Path) -> AsyncIterator[str]:
    """An empty database for this test alone, already at the newest migration: migrating for
    every test was most of a PostgreSQL run, and creating a database for every test the
    largest part of what was left (`tests.databases.migrated_database`). Tests of the
    migrations themselves start from `fresh_database`."""
    async with migrated_database(tmp_path) as url:
        yield url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessions(engine)
