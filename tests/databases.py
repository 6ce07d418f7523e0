"""Fresh, empty databases for tests: a SQLite file, or a throwaway PostgreSQL database.

Set ASKAROUND_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres to run the suite
on PostgreSQL; each test database is created on that server and dropped afterwards.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import secrets
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy.engine import URL, make_url

from bot.settings import normalise_database_url
from storage.db import create_engine
from storage.migrate import upgrade_head

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
    async with _postgres_database(url) as fresh:
        yield fresh


@asynccontextmanager
async def _postgres_database(url: URL, template: str | None = None) -> AsyncIterator[str]:
    name = f"askaround_test_{secrets.token_hex(6)}"
    admin = await _admin(url)
    try:
        copy = f' TEMPLATE "{template}"' if template else ""
        await admin.execute(f'CREATE DATABASE "{name}"{copy}')
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def _admin(url: URL) -> asyncpg.Connection:
    return await asyncpg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        database=url.database or "postgres",
    )


_templates: dict[str, str] = {}  # backend: this process's migrated database to copy


def drop_templates() -> None:
    """Remove this process's migrated databases; the test session's end calls it (pytest-xdist
    workers end without running `atexit`), and `atexit` too, for any other process."""
    folder = _templates.pop("sqlite", None)
    if folder is not None:
        shutil.rmtree(Path(folder).parent, ignore_errors=True)
    name = _templates.pop("postgresql", None)
    server = postgres_server_url()
    if name is not None and server is not None:
        asyncio.run(_drop(make_url(server), name))


atexit.register(drop_templates)


@asynccontextmanager
async def migrated_database(tmp_dir: Path) -> AsyncIterator[str]:
    """Like `fresh_database`, but migrated to head already: a copy of a database this process
    migrated once (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL), so a
    test that starts the bot does not run every migration again. Migrations themselves are
    tested on an empty database (`tests/domain/storage/test_migrations.py`)."""
    server = postgres_server_url()
    if server is None:
        copy = tmp_dir / f"askaround-{secrets.token_hex(4)}.db"
        shutil.copyfile(await _sqlite_template(), copy)
        yield f"sqlite+aiosqlite:///{copy}"
        return
    url = make_url(server)
    async with _postgres_database(url, await _postgres_template(url)) as copied:
        yield copied


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade_head(engine)
    finally:
        await engine.dispose()


async def _sqlite_template() -> str:
    if "sqlite" not in _templates:
        path = Path(tempfile.mkdtemp(prefix="askaround-template-")) / "template.db"
        try:
            await _migrate(f"sqlite+aiosqlite:///{path}")
        except BaseException:
            shutil.rmtree(path.parent, ignore_errors=True)
            raise
        _templates["sqlite"] = str(path)
    return _templates["sqlite"]


async def _postgres_template(url: URL) -> str:
    if "postgresql" not in _templates:
        name = f"askaround_test_template_{secrets.token_hex(6)}"
        admin = await _admin(url)
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()
        try:
            await _migrate(url.set(database=name).render_as_string(hide_password=False))
        except BaseException:
            await _drop(url, name)
            raise
        _templates["postgresql"] = name
    return _templates["postgresql"]


async def _drop(url: URL, name: str) -> None:
    admin = await _admin(url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
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
