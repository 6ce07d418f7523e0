"""aiosqlite with one thread hop a statement, for SQLAlchemy's `sqlite+aiosqlite` dialect.

aiosqlite runs each call on the connection's own thread and SQLAlchemy's adapter makes four
calls a statement (open a cursor, execute, fetch, close), each a round trip between the event
loop and that thread: measured, 0.5 ms of CPU a statement on this project's 2-core machine
against a few microseconds inside SQLite, and most of a kudos' cost. Here a statement is one
function on that thread that does all four and brings back the rows, the description, the
row count and the last row id; a commit or rollback with no transaction open makes no trip.
Server-side cursors (`stream`) keep aiosqlite's own.

A unit of work of a few point statements on a hot path (a request stored before its ack, a
kudos given, a delivery marked sent) may go further, inside `on_the_loop()`: its statements
and its commit run on the event loop's own thread, a trip saved each, for SQLite answers them
in microseconds. Only when the file can answer at once, though: SQLite is told not to wait for
another connection's write lock (`busy_timeout` 0) nor to checkpoint the WAL on that commit
(`wal_autocheckpoint` 0), and a statement that finds the file locked goes to the thread to
wait there as any other. The loop never waits on a lock or a disk sync; the WAL is checkpointed
by commits on the thread and by `checkpoint()` (serve runs it every few seconds).

`create_engine` passes `DBAPI` as the dialect's module (`module=`), so the URL stays
`sqlite+aiosqlite://` and the rest of SQLAlchemy's SQLite support is unchanged.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

Outcome = tuple[list[Any] | None, Any, int, int | None]
T = TypeVar("T")
BUSY_TIMEOUT_MS = 30_000  # writers on the thread queue for the lock rather than fail
AUTOCHECKPOINT_PAGES = 1000  # SQLite's default
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_ON_THE_LOOP: ContextVar[bool] = ContextVar("askaround_sqlite_on_the_loop", default=False)
_HERE: ContextVar[bool] = ContextVar("askaround_sqlite_here", default=False)


@contextmanager
def on_the_loop() -> Iterator[None]:
    """The statements of the units of work inside run on the event loop when SQLite can
    answer at once (see the module's docstring); nothing changes on PostgreSQL."""
    token = _ON_THE_LOOP.set(True)
    try:
        yield
    finally:
        _ON_THE_LOOP.reset(token)


@contextmanager
def here() -> Iterator[None]:
    """Inside `on_the_loop`, the statements of the synchronous code inside (a greenlet of
    `AsyncSession.run_sync`) run in its greenlet at once, as a commit there does, with no
    round trip through the event loop: a coroutine, a lock and two greenlet switches each.
    Only there: SQLAlchemy's `AsyncConnection.execute` refuses a statement that did not
    await (`AwaitRequired`, its check for a driver that is not asyncio's)."""
    token = _HERE.set(True)
    try:
        yield
    finally:
        _HERE.reset(token)


def _busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)


def _at_once(conn: sqlite3.Connection, work: Callable[[], T]) -> T | None:
    """`work` on the loop's thread, the connection set for it (`OneHopConnection.for_the_loop`:
    SQLite told not to wait, nor to checkpoint on a commit); None when the file is locked by
    another connection (the caller goes to the thread instead)."""
    try:
        return work()
    except sqlite3.OperationalError as error:
        if _busy(error):
            return None
        raise


def _run(conn: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> Outcome:
    """The whole statement, its cursor closed before returning (on aiosqlite's thread, or on
    the loop's inside `on_the_loop`)."""
    cursor = conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else None
        return rows, description, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


def _each(conn: sqlite3.Connection, statements: Sequence[str]) -> None:
    for statement in statements:
        conn.execute(statement).close()


def _committed(conn: sqlite3.Connection) -> bool:
    conn.commit()
    return True


class OneHopCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose statement is one call on the connection's thread; it holds
    no aiosqlite cursor, so opening and closing it cost nothing."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: AsyncAdapt_aiosqlite_connection) -> None:
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]

    @property
    def arraysize(self) -> int:
        return 1

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        pass

    async def _async_soft_close(self) -> None:
        return None

    def close(self) -> None:
        self._rows.clear()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        return self._hop(operation, parameters, many=False)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        return self._hop(operation, seq_of_parameters, many=True)

    def _hop(self, operation: Any, parameters: Any, *, many: bool) -> None:
        try:
            outcome = self._here(operation, parameters, many)
            if outcome is None:
                outcome = await_(self._outcome(operation, parameters, many))
            rows, self._description, self._rowcount, self._lastrowid = outcome
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        finally:
            if operation.lstrip()[:6].upper() == "PRAGMA":
                self._adapt_connection.settings_unknown()  # type: ignore[attr-defined]
        self._rows = collections.deque(rows) if rows else collections.deque()

    def _here(self, operation: Any, parameters: Any, many: bool) -> Outcome | None:
        """The statement run in this greenlet (`here()`) when nothing else holds the
        connection; None otherwise, or when the file is locked: it goes the way of
        `_outcome`."""
        adapt: OneHopConnection = self._adapt_connection  # type: ignore[assignment]
        if not (_HERE.get() and _ON_THE_LOOP.get()) or adapt._execute_mutex.locked():
            return None
        conn = adapt.for_the_loop()
        return _at_once(conn, lambda: _run(conn, operation, parameters, many))

    async def _outcome(self, operation: Any, parameters: Any, many: bool) -> Outcome:
        adapt: OneHopConnection = self._adapt_connection  # type: ignore[assignment]
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        async with adapt._execute_mutex:
            if _ON_THE_LOOP.get():
                conn = adapt.for_the_loop()
                done = _at_once(conn, lambda: _run(conn, operation, parameters, many))
                if done is not None:
                    return done
            conn = adapt.for_the_thread()
            return await connection._execute(_run, conn, operation, parameters, many)  # type: ignore[no-any-return]

    def nextset(self) -> None:
        return None

    def setinputsizes(self, *inputsizes: Any) -> None:
        return None


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    """Commit and rollback skip the hop when SQLite holds no transaction: a read opens none,
    and the pool rolls back every connection it takes back.

    The connection's settings for the loop (no waiting for a lock, no checkpoint on commit)
    stay set between statements on the loop, and are put back only before the thread's
    next use: setting and resetting them around each statement and commit was four more
    statements each (some 40 a kudos, ~7 µs each). After any PRAGMA through a cursor (the
    ones `storage.db` runs as a connection opens, maybe on the loop) both are set again."""

    __slots__ = ("_set_for",)
    _cursor_cls = OneHopCursor  # type: ignore[assignment]

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self._set_for: str | None = None  # "loop", "thread", or not known

    def for_the_loop(self) -> sqlite3.Connection:
        """The sqlite3 connection, told not to wait for another connection's lock nor to
        checkpoint the WAL on a commit (serve checkpoints off the loop)."""
        conn: sqlite3.Connection = self._connection._conn  # type: ignore[attr-defined]
        if self._set_for != "loop":
            conn.execute("PRAGMA busy_timeout=0")
            conn.execute("PRAGMA wal_autocheckpoint=0")
            self._set_for = "loop"
        return conn

    def for_the_thread(self) -> sqlite3.Connection:
        """The sqlite3 connection with SQLite's own waiting and checkpoints back, before
        anything runs on aiosqlite's thread (called on the loop, the thread idle for it)."""
        conn: sqlite3.Connection = self._connection._conn  # type: ignore[attr-defined]
        if self._set_for != "thread":
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
            self._set_for = "thread"
        return conn

    def settings_unknown(self) -> None:
        """A PRAGMA ran (the connection's own, when it opens): the next use sets both again,
        for a statement on the loop must never wait for a lock."""
        self._set_for = None

    def at_open(self, statements: Sequence[str]) -> None:
        """`statements` (a new connection's settings, nothing to read) in one trip to the
        thread; the loop's and the thread's settings are set again at the next use."""
        conn: sqlite3.Connection = self._connection._conn  # type: ignore[attr-defined]
        try:
            await_(self._connection._execute(_each, conn, statements))  # type: ignore[attr-defined]
        except Exception as error:
            self._handle_exception(error)
        finally:
            self.settings_unknown()

    def create_function(self, *args: Any, **kw: Any) -> None:
        """SQLAlchemy's SQLite functions (`regexp`, `floor`), made as the pool opens the
        connection, before anyone has it: here on the loop, a trip to the thread each saved
        (SQLite keeps them in memory, nothing touches the file)."""
        conn: sqlite3.Connection = self._connection._conn  # type: ignore[attr-defined]
        try:
            conn.create_function(*args, **kw)
        except Exception as error:
            self._handle_exception(error)

    def cursor(self, server_side: bool = False) -> Any:
        if server_side:  # aiosqlite's own cursor, on the thread
            self.for_the_thread()
        return super().cursor(server_side)

    def _in_transaction(self) -> bool:
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        return connection._connection is not None and connection._connection.in_transaction

    def commit(self) -> None:
        if not self._in_transaction():
            return
        if _ON_THE_LOOP.get():
            conn = self.for_the_loop()
            if _at_once(conn, lambda: _committed(conn)):
                return
        self.for_the_thread()
        super().commit()

    def rollback(self) -> None:
        if self._in_transaction():
            super().rollback()


class OneHopDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> OneHopConnection:
        connection = self.aiosqlite.connect(*arg, **kw)
        connection._thread.daemon = True  # as SQLAlchemy's own connect leaves it
        return OneHopConnection(self, await_(_opened(connection)))  # type: ignore[arg-type]


async def _opened(connection: aiosqlite.Connection) -> aiosqlite.Connection:
    """The connection, open. A task cancelled while it opened one (a replica stopping while
    the routing warm-up, a job or a listener took a new connection) left aiosqlite's thread
    opening the file and then stopping on its own, to call back into an event loop that may
    be closed by then (pytest saw `call_soon_threadsafe` fail in that thread). The opening is
    seen through and the connection closed, awaited, before the cancellation goes on."""
    opening = asyncio.ensure_future(_open(connection))
    try:
        return await asyncio.shield(opening)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await (await opening).close()
        raise


async def _open(connection: aiosqlite.Connection) -> aiosqlite.Connection:
    return await connection


DBAPI = OneHopDBAPI(aiosqlite, sqlite3)
