"""The one-hop SQLite driver (`storage/sqlite_driver.py`) behaves as a DB-API cursor must:
rows, row counts, last row ids, many rows in one statement, a stream, errors of the right kind,
and transactions that commit and roll back. A SQLite file of its own, whatever database the
rest of the suite runs on."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import checkpoint, create_engine, create_inbox_engine
from storage.sqlite_driver import (
    AUTOCHECKPOINT_PAGES,
    BUSY_TIMEOUT_MS,
    OneHopConnection,
    on_the_loop,
)

pytestmark = pytest.mark.database_independent

METADATA = MetaData()
THINGS = Table(
    "things",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", String, unique=True, nullable=False),
)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}")
    async with engine.begin() as conn:
        await conn.run_sync(METADATA.create_all)
    yield engine
    await engine.dispose()


async def test_statements_return_rows_counts_and_ids(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        raw = await conn.get_raw_connection()
        assert isinstance(raw.dbapi_connection, OneHopConnection)
        first = await conn.execute(insert(THINGS).values(name="a"))
        assert first.inserted_primary_key == (1,)
        await conn.execute(insert(THINGS), [{"name": "b"}, {"name": "c"}])
        returned = await conn.execute(
            insert(THINGS).values(name="d").returning(THINGS.c.id, THINGS.c.name)
        )
        assert returned.all() == [(4, "d")]
        changed = await conn.execute(
            update(THINGS).where(THINGS.c.id > 2).values(name=THINGS.c.name + "!")
        )
        assert changed.rowcount == 2
    async with engine.connect() as conn:
        names = (await conn.execute(select(THINGS.c.name).order_by(THINGS.c.id))).scalars().all()
        assert names == ["a", "b", "c!", "d!"]
        streamed = [
            row.name async for row in await conn.stream(select(THINGS).order_by(THINGS.c.id))
        ]
        assert streamed == names
        assert (await conn.execute(text("SELECT count(*) FROM things WHERE 0"))).scalar() == 0


async def test_an_error_is_sqlalchemys_and_rolls_back_the_transaction(engine: AsyncEngine) -> None:
    with pytest.raises(IntegrityError):
        async with engine.begin() as conn:
            await conn.execute(insert(THINGS).values(name="same"))
            await conn.execute(insert(THINGS).values(name="same"))
    async with engine.connect() as conn:
        assert (await conn.execute(select(THINGS))).all() == []


async def test_a_read_commits_nothing_and_a_write_commits(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        assert (await conn.execute(select(THINGS))).all() == []
        raw = (await conn.get_raw_connection()).dbapi_connection
        assert isinstance(raw, OneHopConnection)
        assert not raw._in_transaction()  # a read opens no transaction in SQLite
        await conn.execute(insert(THINGS).values(name="kept"))
        assert raw._in_transaction()
    async with engine.connect() as conn:
        assert (await conn.execute(select(THINGS.c.name))).scalars().all() == ["kept"]


async def test_on_the_loop_statements_run_on_the_loops_thread(engine: AsyncEngine) -> None:
    """Inside `on_the_loop` a statement and its commit are answered without a trip to
    aiosqlite's thread; outside it, on that thread."""
    loop_thread = threading.get_ident()

    async def where_it_ran() -> int:
        async with engine.begin() as conn:
            raw = (await conn.get_raw_connection()).dbapi_connection
            assert isinstance(raw, OneHopConnection)
            raw._connection._conn.create_function("thread", 0, threading.get_ident)  # type: ignore[attr-defined]
            await conn.execute(insert(THINGS).values(name=f"n{time.monotonic_ns()}"))
            return int((await conn.execute(text("SELECT thread()"))).scalar_one())

    assert await where_it_ran() != loop_thread
    with on_the_loop():
        assert await where_it_ran() == loop_thread
    async with engine.connect() as conn:
        assert len((await conn.execute(select(THINGS))).all()) == 2


@pytest.mark.parametrize("opened_on_the_loop", [False, True])
async def test_a_locked_file_is_waited_for_on_the_thread_not_on_the_loop(
    engine: AsyncEngine, tmp_path: Path, opened_on_the_loop: bool
) -> None:
    """Another connection holds the write lock: the statement inside `on_the_loop` waits for
    it on aiosqlite's thread while the event loop goes on, then is written. So too on a
    connection opened inside `on_the_loop`, whose own settings (`storage.db`, a wait of 30 s
    among them) ran there just before."""
    if opened_on_the_loop:
        await engine.dispose()  # the write opens a connection of its own
    other = sqlite3.connect(tmp_path / "driver.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    ticks = 0
    ten_ticks = asyncio.Event()

    async def ticking() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1
            if ticks >= 10:
                ten_ticks.set()

    async def write() -> None:
        with on_the_loop():
            async with engine.begin() as conn:
                await conn.execute(insert(THINGS).values(name="after the lock"))

    ticker = asyncio.create_task(ticking())
    writing = asyncio.create_task(write())
    # The loop keeps ticking while the write waits on the lock (a loaded machine only
    # slows the ticks, so count them rather than time them); a write that held the loop
    # would stop them until the busy timeout failed it.
    await asyncio.wait_for(ten_ticks.wait(), 10)
    assert not writing.done()
    other.execute("COMMIT")
    other.close()
    await asyncio.wait_for(writing, 10)
    ticker.cancel()
    async with engine.connect() as conn:
        assert (await conn.execute(select(THINGS.c.name))).scalars().all() == ["after the lock"]


async def test_commits_on_the_loop_leave_the_wal_to_checkpoint(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    """Commits on the loop never checkpoint (a disk sync), so the WAL grows past SQLite's
    1,000 pages until `checkpoint` copies it into the database, off the loop; the next write
    then starts the WAL over."""
    wal = tmp_path / "driver.db-wal"

    async def write(names: range) -> None:
        with on_the_loop():
            for n in names:
                async with engine.begin() as conn:
                    await conn.execute(insert(THINGS).values(name=f"{n}" + "x" * 4000))

    await write(range(700))
    assert wal.stat().st_size > 1_200 * 4096  # SQLite alone restarts it at 1,000 pages
    await checkpoint(engine)
    await write(range(700, 701))
    async with engine.connect() as conn:
        result = await conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        busy_log_copied: Any = result.one()
    frames = int(busy_log_copied[1])
    assert frames < 20  # the WAL started over: everything before was in the database


async def test_each_connection_caches_half_a_megabyte_of_pages(engine: AsyncEngine) -> None:
    """A SQLite connection of the database's, or of the inbox's file, caches at most 512 KiB
    of pages (`storage.db.PAGE_CACHE_KIB`), not SQLite's 2,000 KiB: a serving bot holds up to
    fifteen a file, and the directory's catch-up filled its own with every person read and
    written (3.6 MiB of page cache at `recognition_cost`'s high-water mark, docs/benchmarks.md
    section 5)."""
    inbox = create_inbox_engine(engine)
    assert inbox is not None
    try:
        for each in (engine, inbox):
            async with each.connect() as conn:
                pages = (await conn.exec_driver_sql("PRAGMA cache_size")).scalar_one()
                assert pages == -512  # negative: a size in KiB, not in pages
    finally:
        await inbox.dispose()


async def test_the_thread_gets_sqlites_waiting_and_checkpoints_back_after_the_loop(
    engine: AsyncEngine,
) -> None:
    """On the loop a connection is told not to wait for a lock nor to checkpoint, and stays
    so from one statement to the next; whatever runs next on aiosqlite's thread on that
    connection (a statement, a commit, a stream) has SQLite's waiting and checkpoints back."""

    async def settings() -> tuple[int, int]:
        async with engine.begin() as conn:
            await conn.execute(insert(THINGS).values(name=f"n{time.monotonic_ns()}"))
            busy = (await conn.exec_driver_sql("PRAGMA busy_timeout")).scalar_one()
            pages = (await conn.exec_driver_sql("PRAGMA wal_autocheckpoint")).scalar_one()
            return int(busy), int(pages)

    async def streamed() -> list[Any]:
        async with engine.connect() as conn:
            return [row async for row in await conn.stream(text("PRAGMA busy_timeout"))]

    with on_the_loop():
        assert await settings() == (0, 0)
        assert await settings() == (0, 0)
    assert await settings() == (BUSY_TIMEOUT_MS, AUTOCHECKPOINT_PAGES)
    with on_the_loop():
        await settings()
    assert [tuple(row) for row in await streamed()] == [(BUSY_TIMEOUT_MS,)]


class SlowToOpen(sqlite3.Connection):
    """A file that takes a while to open, as one on a loaded machine may."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        time.sleep(0.3)
        super().__init__(*args, **kwargs)


def test_a_connection_cancelled_while_opening_is_closed_before_the_loop_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A replica stopping cancels work that may be opening a connection (the routing warm-up
    at start): aiosqlite's thread went on opening the file and then called back into the
    event loop, closed by then (a `PytestUnhandledThreadExceptionWarning` now and then). The
    cancelled task now ends only once that connection is open and closed again."""
    failures: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda raised: failures.append(raised.exc_value))
    url = f"sqlite+aiosqlite:///{tmp_path / 'slow.db'}"

    async def cancelled_while_opening() -> None:
        engine = create_engine(url, connect_args={"factory": SlowToOpen})
        opening = asyncio.create_task(engine.connect().start())
        await asyncio.sleep(0.1)  # on aiosqlite's thread, in SlowToOpen
        opening.cancel()
        with pytest.raises(asyncio.CancelledError):
            await opening
        await engine.dispose()

    before = set(threading.enumerate())
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(cancelled_while_opening())
    finally:
        loop.close()
    for thread in set(threading.enumerate()) - before:
        thread.join(5)
    assert failures == []


class Watched(sqlite3.Connection):
    """A connection telling, for each statement run and function made, which thread did it."""

    seen: ClassVar[list[tuple[str, int]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_trace_callback(lambda sql: Watched.seen.append((sql, threading.get_ident())))

    def create_function(self, name: str, *args: Any, **kwargs: Any) -> None:
        Watched.seen.append((f"function {name}", threading.get_ident()))
        super().create_function(name, *args, **kwargs)


async def test_a_new_connections_functions_are_made_on_the_loop(tmp_path: Path) -> None:
    """Every bot's start opens its database and its inbox's file: SQLAlchemy's functions
    (`regexp`, `floor`) are made on the loop, as nothing else has the connection yet, and
    `storage.db`'s five settings run together on aiosqlite's thread (a trip each was seven,
    some 0.1 ms of CPU each), and hold."""
    Watched.seen = []
    engine = create_engine(
        f"sqlite+aiosqlite:///{tmp_path / 'watched.db'}", connect_args={"factory": Watched}
    )
    try:
        async with engine.connect() as conn:
            made = list(Watched.seen)
            assert (await conn.exec_driver_sql("SELECT 'abc' REGEXP 'b'")).scalar_one() == 1
            mode = (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar_one()
            keys = (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar_one()
    finally:
        await engine.dispose()
    loop = threading.get_ident()
    functions = [thread for what, thread in made if what.startswith("function ")]
    assert [what for what, _ in made if what.startswith("function ")] == [
        "function regexp",
        "function floor",
    ]
    assert set(functions) == {loop}
    five = [
        "PRAGMA foreign_keys=ON",
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        "PRAGMA cache_size=-512",
    ]
    start = [sql for sql, _ in made].index(five[0])
    settings = made[start : start + len(five)]
    assert [sql for sql, _ in settings] == five
    assert loop not in {thread for _, thread in settings}
    assert (mode, keys) == ("wal", 1)
