"""Run Alembic migrations from inside the running event loop (start-up, tests, CLI).

Alembic is imported only when there is something to migrate: on a database already at the
newest revision (every start but an upgrade's first) the check reads the revision table and
the scripts' names, and serve's process never holds Alembic (about 15 MiB resident with the
scripts it reads, Mako, Pygments and SQLAlchemy's other dialects; docs/benchmarks.md,
section 5)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.sqlite_driver import here, on_the_loop

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps
_PG_LOCK_ID = 0x61736B61  # "aska": replicas starting together migrate one at a time


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


async def upgrade_head(engine: AsyncEngine) -> tuple[str | None, str | None]:
    """Migrate to the newest schema; the revisions before and after (None: no schema yet)."""
    async with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})
        with on_the_loop():  # every start reads it: SQLite answers at once, on the loop
            before = await conn.run_sync(_revision_here)
        if before == head():
            await conn.commit()
            return before, before
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Alembic's batch mode on SQLite copies a table, drops the old one and renames
            # the copy; with foreign keys on, the drop deleted its rows first, and their
            # ON DELETE actions with them: 0038 took every offer and kudos' question. The
            # pragma is ignored inside a transaction: nothing has written yet, and it is
            # set again after the commit.
            await conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            await conn.run_sync(_upgrade)
            after = await conn.run_sync(revision)
            await conn.commit()
        finally:
            if sqlite:
                await conn.rollback()
                await conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        return before, after


def _upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
        if broken:  # what the foreign keys, off meanwhile, would have refused
            raise RuntimeError(f"migration left rows pointing at none: {broken[:5]}")


@cache
def head() -> str:
    """The newest revision, from the scripts' names: each is named after its revision
    (`0025_people_names_index.py` is "0025") and revises the one numbered before it, so the
    highest number is the head (`tests/domain/storage/test_migrations.py` holds Alembic's
    own reading to it). Alembic's reading imports every script, and Alembic with them."""
    return max(path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("*.py"))


def _revision_here(connection: Connection) -> str | None:
    with here():
        return revision(connection)


def revision(connection: Connection) -> str | None:
    """The database's revision, as Alembic records it; None before any migration (and
    where the table holds other than one row, which Alembic's upgrade then sorts out)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    found = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return found[0] if len(found) == 1 else None
