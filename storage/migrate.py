"""Run Alembic migrations from inside the running event loop (start-up, tests, CLI)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).with_name("migrations")
_PG_LOCK_ID = 0x61736B61  # "aska": replicas starting together migrate one at a time


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


async def upgrade_head(engine: AsyncEngine) -> tuple[str | None, str | None]:
    """Migrate to the newest schema; the revisions before and after (None: no schema yet)."""
    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})
        before = await conn.run_sync(_revision)
        if before == _head():
            return before, before
        await conn.run_sync(lambda sync_conn: command.upgrade(alembic_config(sync_conn), "head"))
        return before, await conn.run_sync(_revision)


@cache
def _head() -> str | None:
    """The newest revision, read from the scripts once a process: Alembic's upgrade reads
    every script again each time, even with nothing to do (about 10 ms of CPU), and every
    start, every database command and every test that starts the bot ran it."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()
