"""The async engine and the one session factory the app uses.

On a SQLite file the inbox has a file of its own beside the database (`askaround.db` →
`askaround.db-inbox`). Every request is stored there before Slack is answered, and SQLite
lets one writer at a time into a file: sharing the database's file, each ack would queue
behind whatever listener or delivery holds the write lock (measured: p99 1.9 s at 200
requests a second, 0.12 s with its own file). PostgreSQL locks rows, so there the inbox
stays in the database.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import URL, Connection, event, exc, make_url, text
from sqlalchemy.engine import Dialect, ExceptionContext
from sqlalchemy.engine.interfaces import CompiledCacheType
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import configure_mappers

from storage import sqlite_driver
from storage.inbox import INBOX
from storage.models import Base, InboxItem
from storage.models.base import partial_on

# A pooled server connection idle this long is asked whether it still lives before a unit of
# work gets it (`_ping_when_idle`).
IDLE_PING_SECONDS = 1.0
_IDLE_SINCE = "askaround_idle_since"


def create_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    """SQLite gets WAL (readers never block the writer) and enforced foreign keys.

    A server database gets a pool sized for the outbox's sends side by side plus the
    listeners after their acks; SQLAlchemy's default of 15 made bursts queue for a connection.

    On SQLite a statement crosses to aiosqlite's thread once, not four times, and not at
    all inside `on_the_loop()` when SQLite can answer at once (`storage/sqlite_driver.py`).

    A statement's parameters are left out of its errors (`hide_parameters`): they hold what
    people typed, and an error is logged with its traceback.

    PostgreSQL's JIT compiler is off for our connections: our queries are short, and an
    estimate inflated by a recursive query (the org chart below a manager) made the server
    compile a 47 ms query for 350 ms more.

    On PostgreSQL the models' partial indexes are given its `where` too (`partial_on`)."""
    kwargs = {"hide_parameters": True, **kwargs}
    if not database_url.startswith("sqlite"):
        kwargs = {"pool_size": 10, "max_overflow": 30, **kwargs}
    if make_url(database_url).get_driver_name() == "asyncpg":
        settings = {"jit": "off"}
        connect_args = kwargs.pop("connect_args", {})
        settings.update(connect_args.get("server_settings", {}))
        kwargs["connect_args"] = {**connect_args, "server_settings": settings}
    if database_url.startswith("sqlite+aiosqlite"):
        # on_the_loop's statements use a connection from the loop's thread, never while
        # aiosqlite's own thread is using it (each connection serves one unit at a time).
        connect_args = {"check_same_thread": False, **kwargs.pop("connect_args", {})}
        kwargs = {"module": sqlite_driver.DBAPI, "connect_args": connect_args, **kwargs}
    engine = create_async_engine(database_url, **kwargs)
    _share_compiled(engine, kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    else:
        partial_on(engine.dialect.name, Base.metadata)
    if engine.dialect.driver == "asyncpg":
        event.listen(engine.sync_engine, "handle_error", _discard_broken_protocol)
        _ping_when_idle(engine)
    return engine


# The first engine connected for each server and set of options: its dialect, and the
# statements compiled for that dialect.
_compiled: dict[tuple[object, ...], tuple[Dialect, CompiledCacheType | None]] = {}


def _share_compiled(engine: AsyncEngine, options: dict[str, Any]) -> None:
    """Engines this process makes for one server, with the same options, share one dialect,
    and so the statements compiled for it. SQLAlchemy keys its compiled-statement cache by the
    dialect object, so each engine compiled every statement again: a SQLite database's inbox
    engine beside the main one, and most of all the test suite, which makes an engine for
    each test (compiling was some 14% of its CPU).

    Only what a dialect learns on its first connection differs between engines of one kind:
    the library's version on SQLite, the server's version and settings on PostgreSQL. So
    SQLite's engines share across files, and a server's engines only for one database."""
    url: URL = engine.url
    database = None if url.get_backend_name() == "sqlite" else url.database
    settings = tuple(sorted((k, repr(v)) for k, v in options.items() if k not in _POOL_OPTIONS))
    key = (url.drivername, url.host, url.port, url.username, database, settings)
    sync = engine.sync_engine
    shared = _compiled.get(key)
    if shared is not None:
        sync.dialect, sync._compiled_cache = shared
        return

    # Shared once its first connection has told it what it talks to (SQLAlchemy's own
    # first-connect listener, registered before this one, has run).
    def share(_dbapi_connection: Any, _record: Any) -> None:
        _compiled.setdefault(key, (sync.dialect, sync._compiled_cache))

    event.listen(sync, "connect", share, once=True)


# Options of the pool and the connection, not of the dialect.
_POOL_OPTIONS = frozenset({"connect_args", "pool_size", "max_overflow", "hide_parameters"})


def _discard_broken_protocol(context: ExceptionContext) -> None:
    """asyncpg's InternalClientError means its protocol state is lost (a session the server
    ended mid-transaction can raise it): SQLAlchemy 2.1.9 returned such a connection to the
    pool, and each later checkout of it failed the same way (sqlalchemy#13241). Treated as a
    disconnect, the connection is dropped and the next unit of work gets a new one."""
    dbapi = context.dialect.dbapi
    broken = getattr(dbapi, "InternalClientError", None) if dbapi is not None else None
    if broken is not None and isinstance(context.original_exception, broken):
        context.is_disconnect = True


def _ping_when_idle(engine: AsyncEngine) -> None:
    """A connection that sat in the pool for `IDLE_PING_SECONDS` is pinged as it is checked
    out; one the server has ended (a restart, a failover) empties the pool of connections as
    old, and the unit of work gets a new one. Without this, the first requests after the bot
    had been idle through a restart were each answered "Something went wrong" on a dead
    connection. A connection in steady use is not pinged: no round trip on a busy path."""
    sync = engine.sync_engine

    def checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop(_IDLE_SINCE, None)
        if since is None or time.monotonic() - since < IDLE_PING_SECONDS:
            return
        try:
            sync.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise exc.InvalidatePoolError(f"idle connection ended: {error}") from error

    event.listen(sync, "checkin", checkin)
    event.listen(sync, "checkout", checkout)


# Each SQLite connection's page cache, in KiB (SQLite's default is 2,000): the directory's
# catch-up read and wrote every person through one connection, and the burst's connections
# filled theirs too, 3.6 MiB at the high-water mark; the OS keeps the file's pages anyway.
PAGE_CACHE_KIB = 512


_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    # Writers queue for the lock rather than fail: work after an ack must not be lost.
    f"PRAGMA busy_timeout={sqlite_driver.BUSY_TIMEOUT_MS}",
    f"PRAGMA cache_size=-{PAGE_CACHE_KIB}",
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Each new connection's settings, in one trip to aiosqlite's thread (`at_open`): a
    statement each was five, and each bot opens two files (the database and its inbox)."""
    if isinstance(dbapi_connection, sqlite_driver.OneHopConnection):
        dbapi_connection.at_open(_PRAGMAS)
        return
    cursor = dbapi_connection.cursor()
    for pragma in _PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


INBOX_FILE_SUFFIX = "-inbox"  # the inbox's file beside a SQLite database's


def create_inbox_engine(engine: AsyncEngine) -> AsyncEngine | None:
    """The engine of the inbox's own file, for a SQLite file database; None when the inbox
    shares the database (PostgreSQL, or SQLite in memory)."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    inbox = f"{url.database}{INBOX_FILE_SUFFIX}"
    return create_engine(url.set(database=inbox).render_as_string(False))


async def create_inbox_table(inbox_engine: AsyncEngine) -> None:
    """The inbox's file holds that one table, made from the model rather than migrated: a
    change to the model needs a step here too: the message an entry carries (migration 0027),
    added to a file made before it, and the index on team_id alone (migration 0033) dropped
    from one. What the file holds is read in one statement, and only what it lacks is made:
    every start but the first finds it all (four statements were one, each a trip to
    aiosqlite's thread; this one is answered on the loop)."""
    async with inbox_engine.begin() as conn:
        with sqlite_driver.on_the_loop():  # SQLite answers at once, on the loop
            found = await conn.run_sync(_inbox_schema)
        if not any(kind == "column" for kind, _ in found):
            await conn.run_sync(INBOX.create)
            return
        for column in ("channel_id", "message_ts"):
            if ("column", column) not in found:
                await conn.execute(text(f"ALTER TABLE inbox ADD COLUMN {column} VARCHAR(32)"))
        if ("index", "ix_inbox_message_ts") not in found:
            await conn.execute(text("CREATE INDEX ix_inbox_message_ts ON inbox (message_ts)"))
        if ("index", "ix_inbox_team_id") in found:
            await conn.execute(text("DROP INDEX ix_inbox_team_id"))


def _inbox_schema(conn: Connection) -> set[tuple[str, str]]:
    """The inbox table's columns and indexes, if the file has it."""
    with sqlite_driver.here():
        return {(kind, str(name)) for kind, name in conn.execute(_INBOX_SCHEMA)}


_INBOX_SCHEMA = text(
    "SELECT 'column', name FROM pragma_table_info('inbox')"
    " UNION ALL SELECT 'index', name FROM sqlite_master"
    " WHERE type = 'index' AND tbl_name = 'inbox'"
)


def create_sessions(
    engine: AsyncEngine, inbox_engine: AsyncEngine | None = None
) -> async_sessionmaker[AsyncSession]:
    """Sessions on the database, whose inbox rows go to `inbox_engine` when it is given.

    The models' mappers are configured here, once a process, rather than by the first query:
    that took 0.26 s of CPU, which the first Slack request after a start waited for before
    its ack."""
    configure_mappers()
    binds = {InboxItem: inbox_engine} if inbox_engine is not None else None
    return async_sessionmaker(engine, binds=binds, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> bool:
    """True when the database answers a trivial query; used by `/healthz`."""
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception:  # any driver error means "not reachable" to a health check
        return False
    return True


async def checkpoint(engine: AsyncEngine) -> None:
    """Copy a SQLite file's WAL into the database, on aiosqlite's thread, without waiting
    for readers or writers (PASSIVE): commits made `on_the_loop` leave this to be done here,
    so a disk sync never holds up the event loop. Nothing to do on PostgreSQL."""
    if engine.dialect.name != "sqlite":
        return
    async with engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
