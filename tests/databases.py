"""Empty databases for tests: a SQLite file, or a PostgreSQL database of this process's.

Set ASKAROUND_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres to run the suite
on PostgreSQL. A test that wants a database nobody has touched (`fresh_database`) gets one
created on that server and dropped afterwards. A test that wants one at the newest migration
(`migrated_database`) gets one this process emptied after an earlier test, or a copy of its
migrated template: creating a database writes some 300 files, and on this machine's ext4 that
was the PostgreSQL server's largest cost in a run (0.1-0.6 s of CPU per test).
"""

from __future__ import annotations

import asyncio
import atexit
import os
import secrets
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
from sqlalchemy.engine import URL, make_url

from bot.database_url import normalise_database_url
from storage.db import INBOX_FILE_SUFFIX, create_engine, create_inbox_engine, create_inbox_table
from storage.migrate import upgrade_head

T = TypeVar("T")
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
async def _postgres_database(url: URL) -> AsyncIterator[str]:
    name = await _postgres_copy(url)
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        await _drop(url, name)


async def _postgres_copy(url: URL, template: str | None = None, options: str = "") -> str:
    """A new database on the server, a copy of `template` (else of PostgreSQL's own)."""
    name = f"askaround_test_{secrets.token_hex(6)}"
    admin = await _admin(url)
    try:
        copy = f' TEMPLATE "{template}"' if template else ""
        await admin.execute(f'CREATE DATABASE "{name}"{copy}{options}')
    finally:
        await admin.close()
    return name


async def _admin(url: URL) -> asyncpg.Connection:
    return await asyncpg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        database=url.database or "postgres",
    )


@asynccontextmanager
async def migrated_database_in(tmp_dir: Path, icu_locale: str) -> AsyncIterator[str]:
    """Like `migrated_database`, but on PostgreSQL one whose text is ordered as in
    `icu_locale` (`en-US`), as a server's own locale orders it where nobody chose one; SQLite
    has no locale. Made and migrated for the test, so slower than `migrated_database`."""
    server = postgres_server_url()
    if server is None:
        async with migrated_database(tmp_dir) as sqlite_url:
            yield sqlite_url
        return
    url = make_url(server)
    options = f" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}' LOCALE 'C.UTF-8'"
    name = await _postgres_copy(url, options=options)
    try:
        in_locale = url.set(database=name).render_as_string(hide_password=False)
        await _migrate(in_locale)
        yield in_locale
    finally:
        await _drop(url, name)


_templates: dict[str, str] = {}  # backend: this process's migrated database to copy


def drop_templates() -> None:
    """Remove this process's migrated databases, the templates and the emptied ones; the test
    session's end calls it (pytest-xdist workers end without running `atexit`), and `atexit`
    too, for any other process."""
    folder = _templates.pop("sqlite", None)
    if folder is not None:
        shutil.rmtree(Path(folder).parent, ignore_errors=True)
    names = [*_idle, _templates.pop("postgresql", "")]
    _idle.clear()
    _keeper.forget(names)
    server = postgres_server_url()
    if server is not None:
        for name in filter(None, names):
            asyncio.run(_drop(make_url(server), name))


atexit.register(drop_templates)


@asynccontextmanager
async def migrated_database(tmp_dir: Path) -> AsyncIterator[str]:
    """Like `fresh_database`, but migrated to head already, so a test that starts the bot does
    not run every migration again: on SQLite a copy of a file this process migrated once; on
    PostgreSQL a database this process emptied after an earlier test (`_emptied`), else a
    `CREATE DATABASE … TEMPLATE` copy of one it migrated once. Migrations themselves are
    tested on an empty database (`tests/domain/storage/test_migrations.py`)."""
    server = postgres_server_url()
    if server is None:
        copy = tmp_dir / f"askaround-{secrets.token_hex(4)}.db"
        template = await _sqlite_template()
        shutil.copyfile(template, copy)
        # The inbox's own file, its table made: a bot made it at every start (some 4 ms of
        # CPU, a tenth of a tier b test's start and stop); it checks for it all the same.
        shutil.copyfile(f"{template}{INBOX_FILE_SUFFIX}", f"{copy}{INBOX_FILE_SUFFIX}")
        yield f"sqlite+aiosqlite:///{copy}"
        return
    url = make_url(server)
    name = _idle.pop() if _idle else await _postgres_copy(url, await _postgres_template(url))
    reusable = False
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
        reusable = await _emptied(url, name)
    finally:
        if reusable:
            _idle.append(name)
        else:
            await _drop(url, name)


_idle: list[str] = []  # this process's migrated PostgreSQL databases, emptied, not in use
_shape: dict[str, str] = {}  # template name: its schema's fingerprint (`_SHAPE`)

# What a test could change besides rows: tables, columns, constraints, indexes, sequences,
# functions, triggers, extensions and the migration Alembic recorded.
_SHAPE = """
SELECT md5(string_agg(item, ',' ORDER BY item)) FROM (
    SELECT format('%s %s %s', n.nspname, c.relname, c.relkind) AS item
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    UNION ALL
    SELECT format('%s %s %s %s %s', a.attrelid::regclass, a.attname, a.atttypid::regtype,
                  a.attnotnull, pg_get_expr(d.adbin, d.adrelid))
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT format('%s %s', conname, pg_get_constraintdef(oid)) FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT format('%s %s', tgname, tgrelid::regclass) FROM pg_trigger
    UNION ALL
    SELECT format('%s(%s)', proname, pg_get_function_arguments(oid)) FROM pg_proc
    WHERE pronamespace = 'public'::regnamespace
    UNION ALL
    SELECT format('%s %s', extname, extversion) FROM pg_extension
    UNION ALL
    SELECT 'alembic ' || version_num FROM alembic_version
) AS shape
"""


async def _emptied(url: URL, name: str) -> bool:
    """Empty `name` after a test, as its template left it; False when it cannot be (then it is
    dropped). As `DROP DATABASE … WITH (FORCE)` did, what the test left connected is ended.
    Only the tables that hold rows are emptied, by DELETE with foreign keys unchecked
    (`session_replication_role`, a superuser's setting: without it the database is dropped).
    TRUNCATE gave each table new files, and the server spent some 0.06 s of CPU a test on them;
    a test's few rows cost nothing to delete. Sequences a test drew from, even in a transaction
    it rolled back, start again. It runs on the database's kept connection (`_Keeper`)."""
    return await _keeper.run(_empty(url, name))


async def _empty(url: URL, name: str) -> bool:
    conn = _keeper.connections.pop(name, None)
    if conn is None or conn.is_closed():
        try:
            conn = await _admin(url.set(database=name))
        except (OSError, asyncpg.PostgresError):
            return False
    kept = False
    try:
        await conn.execute("SET lock_timeout = '10s'")
        await conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        tables = [
            row[0]
            for row in await conn.fetch(
                "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
                " WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
            )
        ]
        if tables:
            held = await conn.fetch(
                " UNION ALL ".join(f"SELECT '{t}' WHERE EXISTS (SELECT FROM {t})" for t in tables)
            )
            if held:
                # Foreign keys unchecked while emptying, so any order does.
                await conn.execute("SET session_replication_role = replica")
                await conn.execute("; ".join(f"DELETE FROM {row[0]}" for row in held))
                await conn.execute("RESET session_replication_role")
        await conn.execute(
            "SELECT setval(format('%I.%I', schemaname, sequencename), start_value, false)"
            " FROM pg_sequences WHERE last_value IS NOT NULL"
        )
        kept = await conn.fetchval(_SHAPE) == _shape.get(_templates.get("postgresql", ""))
        return kept
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
        return False
    finally:
        if kept:
            _keeper.connections[name] = conn
        else:
            await conn.close()


class _Keeper:
    """One connection to each emptied database, kept from one emptying to the next on an event
    loop of its own (each test has its own loop, and an asyncpg connection belongs to one).
    A new connection was a new server process, whose first look at the catalogues (the tables,
    the sequences, `_SHAPE`) cost the server 21 ms of CPU an emptying; 4 on a kept one."""

    def __init__(self) -> None:
        self.connections: dict[str, asyncpg.Connection] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    async def run(self, work: Coroutine[Any, Any, T]) -> T:
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            threading.Thread(
                target=self._loop.run_forever, name="database-keeper", daemon=True
            ).start()
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(work, self._loop))

    def forget(self, names: list[str]) -> None:
        """Close the kept connections to `names`, before they are dropped."""
        conns = [conn for name in names if (conn := self.connections.pop(name, None))]
        if conns and self._loop is not None:
            closing = asyncio.run_coroutine_threadsafe(_close(conns), self._loop)
            closing.result(timeout=30)


async def _close(conns: list[asyncpg.Connection]) -> None:
    await asyncio.gather(*(conn.close() for conn in conns), return_exceptions=True)


_keeper = _Keeper()


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade_head(engine)
    finally:
        await engine.dispose()


async def _inbox_file(url: str) -> None:
    engine = create_engine(url)
    inbox = create_inbox_engine(engine)
    assert inbox is not None
    try:
        await create_inbox_table(inbox)
    finally:
        await inbox.dispose()
        await engine.dispose()


async def kept_sqlite_folder() -> Path:
    """This process's folder for SQLite files kept for its session, removed with its
    migrated template (`drop_templates`)."""
    return Path(await _sqlite_template()).parent


async def _sqlite_template() -> str:
    if "sqlite" not in _templates:
        path = Path(tempfile.mkdtemp(prefix="askaround-template-")) / "template.db"
        try:
            await _migrate(f"sqlite+aiosqlite:///{path}")
            await _inbox_file(f"sqlite+aiosqlite:///{path}")
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
            conn = await _admin(url.set(database=name))
            try:
                _shape[name] = await conn.fetchval(_SHAPE)
            finally:
                await conn.close()
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


async def end_connections(url: URL, *, refuse_new: bool = False) -> int:
    """What a PostgreSQL server's restart does to `url`'s database: every connection to it
    ended (and, with `refuse_new`, new ones refused, as a server still down does, until
    `accept_connections`); how many were ended."""
    admin = await asyncpg.connect(host=url.host, port=url.port, user=url.username)
    try:
        if refuse_new:
            await admin.execute(f'ALTER DATABASE "{url.database}" WITH ALLOW_CONNECTIONS false')
        ended = await admin.fetch(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = $1 AND pid <> pg_backend_pid()",
            url.database,
        )
    finally:
        await admin.close()
    return len(ended)


async def accept_connections(url: URL) -> None:
    """`url`'s database takes connections again (`end_connections`)."""
    admin = await asyncpg.connect(host=url.host, port=url.port, user=url.username)
    try:
        await admin.execute(f'ALTER DATABASE "{url.database}" WITH ALLOW_CONNECTIONS true')
    finally:
        await admin.close()
