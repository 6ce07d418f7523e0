"""Fresh, empty databases for tests: a SQLite file, or a throwaway PostgreSQL database.

Set ASKAROUND_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres to run the suite
on PostgreSQL; each test database is created on that server and dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from bot.settings import normalise_database_url

POSTGRES_ENV = "ASKAROUND_TEST_DATABASE_URL"
LOCAL_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


def postgres_server_url() -> str | None:
    raw = os.environ.get(POSTGRES_ENV, "").strip()
    return normalise_database_url(raw) if raw else None


@asynccontextmanager
async def fresh_database(tmp_dir: Path, backend: str | None = None) -> AsyncIterator[str]:
    """Yield the URL of an empty database of the suite's backend (or the one asked for).

    Asked for explicitly, PostgreSQL defaults to the local server CI machines run.
    """
    server = postgres_server_url()
    if backend is None:
        backend = "postgresql" if server else "sqlite"
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_dir / f'askaround-{secrets.token_hex(4)}.db'}"
        return
    url = make_url(server or LOCAL_POSTGRES)
    name = f"askaround_test_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        database=url.database or "postgres",
    )
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def postgres_reachable() -> bool:
    url = make_url(postgres_server_url() or LOCAL_POSTGRES)
    try:
        conn = await asyncpg.connect(
            host=url.host,
            port=url.port or 5432,
            user=url.username,
            database=url.database,
            timeout=2,
        )
    except (OSError, asyncpg.PostgresError):
        return False
    await conn.close()
    return True
