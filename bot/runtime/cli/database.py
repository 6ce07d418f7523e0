"""The database for one CLI run, opened one way by every subcommand: migrated to head first
(a command never runs on an old schema), and closed when the command ends. A database that
cannot be opened is one `DatabaseUnavailable`, naming the URL (without its password). Only the
commands that fill a database (`migrate`, `serve`, `import`, `sync`, `demo`, `eval`) create a
SQLite file that is not there (`create=True`); the others say so and create nothing: `settings
show` run in the wrong folder made an empty `askaround.db` there and said it had no workspace."""

from __future__ import annotations

import asyncio
import errno
import json
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.errors import ConfigError
from bot.runtime.cli.failures import DatabaseUnavailable
from bot.settings import Settings
from storage.db import create_engine, create_sessions
from storage.migrate import head, revision, upgrade_head

if TYPE_CHECKING:
    from bot.services import Services


@asynccontextmanager
async def migrated(
    database_url: str,
    doing: str = "open the database",
    *,
    in_memory: bool = False,
    create: bool = False,
) -> AsyncIterator[AsyncEngine]:
    """An engine on a database brought up to date; disposed of at the end. `doing` is what a
    failure to open it says could not be done; `in_memory`: a SQLite database in memory is
    taken (`refuse_in_memory`); `create`: a SQLite file not there yet is created, not refused."""
    opened = migrating(database_url, doing, in_memory=in_memory, create=create)
    async with opened as (engine, _revisions):
        yield engine


@asynccontextmanager
async def migrating(
    database_url: str,
    doing: str = "open the database",
    *,
    in_memory: bool = False,
    create: bool = False,
) -> AsyncIterator[tuple[AsyncEngine, tuple[str | None, str | None]]]:
    """`migrated`, also saying which schema revisions it went from and to."""
    if not in_memory:
        refuse_in_memory(database_url)
    check_sqlite_path(database_url, doing, create=create)
    engine = create_engine(database_url)
    try:
        current = await _schema_now(engine, database_url, doing)
        if current is None and not create:
            # Another program's file, or an empty one, named by mistake: migrating it wrote
            # askaround's tables in among its own, for a command that then found nothing.
            empty = SchemaMissing("it holds no askaround data")
            raise DatabaseUnavailable(database_url, empty, doing, hint=CREATED_BY_MIGRATE)
        try:
            revisions = await upgrade_head(engine)
        except (OSError, SQLAlchemyError) as error:  # refused, unknown host, unwritable file
            raise DatabaseUnavailable(database_url, error, doing) from error
        yield engine, revisions
    finally:
        await engine.dispose()


async def migrated_apart(database_url: str, command: list[str]) -> int:
    """`migrated` for a process that runs on: when the schema is behind, `command` (this
    program's arguments that migrate and exit, `serve --migrate-only`) migrates it in a
    process of its own, with this one's input, output and environment, and its exit code
    is returned (0: migrated, or nothing to do). Alembic and what it imports for a migration
    (Mako, Pygments, SQLAlchemy's other dialects, every migration script) stayed loaded in
    the process after it: 12.6 MiB resident for as long as the bot ran (docs/benchmarks.md,
    section 5). A database at the newest revision, every start but an upgrade's first,
    starts no process."""
    refuse_in_memory(database_url)
    check_sqlite_path(database_url, create=True)
    engine = create_engine(database_url)
    try:
        current = await _schema_now(engine, database_url, "open the database")
    finally:
        await engine.dispose()
    if current == head():
        return 0
    # This process's module path, not the child's own (the working folder first): the same
    # askaround whichever way this one was started (`askaround`, `python -m`, a checkout).
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _MIGRATE, json.dumps(sys.path), *command
    )
    return await child.wait()


# A terminal's Ctrl-C reaches this process too: the migration ends (each is one transaction
# either way), then the serve that started it, which heard it as well, stops.
_MIGRATE = """import json, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
sys.path[:] = json.loads(sys.argv[1])
from bot.runtime.cli import main
sys.exit(main(sys.argv[2:]))
"""


async def _schema_now(engine: AsyncEngine, database_url: str, doing: str) -> str | None:
    """The database's schema revision (None: none yet). One newer than this askaround's
    newest, written by a newer release (a rollback, or an old replica restarted beside
    upgraded ones), is refused in one line: Alembic's "Can't locate revision" came out as
    an unexpected error, and askaround migrates only up."""
    try:
        async with engine.connect() as conn:
            current = await conn.run_sync(revision)
    except (OSError, SQLAlchemyError) as error:  # refused, unknown host, unwritable file
        raise DatabaseUnavailable(database_url, error, doing) from error
    if current is not None and current > head():
        newer = SchemaTooNew(f"its schema {current} is newer than this askaround's ({head()})")
        hint = (
            "a newer askaround migrated it: run that release (or newer), or restore the "
            "backup taken before the upgrade"
        )
        raise DatabaseUnavailable(database_url, newer, doing, hint=hint)
    return current


class SchemaTooNew(Exception):
    """What `DatabaseUnavailable` says of a database a newer release migrated."""


class SchemaMissing(Exception):
    """What `DatabaseUnavailable` says of a database askaround never migrated."""


def refuse_in_memory(database_url: str) -> None:
    """`sqlite:///` (or `sqlite://`, `sqlite:///:memory:`) is a database that lives as long as
    the process: `migrate` said "database created" of a schema gone as it exited, and `serve`
    (whose schema a process of its own migrates) or an import would lose all they wrote. Only
    `eval routing --database` takes one: it reads back what it wrote in the same process."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        raise ConfigError(
            "ASKAROUND_DATABASE_URL",
            "names no file but an in-memory SQLite database, whose data would vanish as "
            "this command exits: name a file, like sqlite:///askaround.db",
        )


def check_sqlite_path(
    database_url: str, doing: str = "open the database", *, create: bool = False
) -> None:
    """A SQLite file's folder must exist and be writable, and the file not be a folder; the
    file must exist unless the command `create`s it (connecting creates it). Checked before
    connecting: when aiosqlite fails to open a file, its thread may outlive the event loop
    and print a traceback of its own after our one line."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    if Path(url.database or "").is_dir():
        folder_given = IsADirectoryError(errno.EISDIR, "is a folder, not a file", url.database)
        raise DatabaseUnavailable(database_url, folder_given, doing)
    folder = Path(url.database or "").absolute().parent
    if not folder.is_dir():
        said = "not a folder" if folder.exists() else "no such folder"
        missing = FileNotFoundError(errno.ENOENT, said, str(folder))
        raise DatabaseUnavailable(database_url, missing, doing)
    if not os.access(folder, os.W_OK | os.X_OK):
        denied = PermissionError(errno.EACCES, "the folder is not writable", str(folder))
        raise DatabaseUnavailable(database_url, denied, doing)
    file = Path(url.database or "").absolute()
    if not create and not file.exists():
        absent = FileNotFoundError(errno.ENOENT, "no such file", str(file))
        raise DatabaseUnavailable(database_url, absent, doing, hint=CREATED_BY_MIGRATE)


CREATED_BY_MIGRATE = (
    "`askaround migrate` creates it, or set ASKAROUND_DATABASE_URL to the one meant"
)


@asynccontextmanager
async def open_services(settings: Settings, *, create: bool = False) -> AsyncIterator[Services]:
    """The domain services on the migrated database of `settings` (`create`: as `migrated`).
    Imported here: `migrate`, `purge-workspace` and `settings` need none of them (0.4 s to
    import)."""
    from bot.services import Services

    async with migrated(settings.database_url, create=create) as engine:
        yield Services.build(settings, engine, create_sessions(engine))
