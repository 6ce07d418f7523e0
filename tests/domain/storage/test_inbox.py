"""Inbox queries on a real database: a request is stored once, and a dead replica's open
requests go to exactly one live replica."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.reliability.inbox import DEAD_AFTER, KEEP_DONE, MAX_REPLAYS, Inbox
from storage import inbox
from storage.models import InboxItem, Replica
from tests.databases import accept_connections, end_connections

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Now:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> datetime:
        return self.at


async def test_a_request_is_stored_once_per_workspace(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The first copy of a key wins; a repeat loses; another workspace's key is separate."""
    async with sessions() as s, s.begin():
        assert await inbox.receive(s, "T1", "event:Ev1", {"n": 1}, "r1", T0) is True
        assert await inbox.receive(s, "T1", "event:Ev1", {"n": 2}, "r1", T0) is False
        assert await inbox.receive(s, "T2", "event:Ev1", {"n": 3}, "r1", T0) is True
    async with sessions() as s:
        bodies = (await s.scalars(select(InboxItem.body).order_by(InboxItem.id))).all()
    assert bodies == [{"n": 1}, {"n": 3}]


async def test_only_a_dead_replicas_open_requests_are_adopted_and_only_once(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """A live replica's open request and a dead one's finished request stay put; a dead
    replica's open request goes to the first of two live replicas that asks, not both."""
    now = Now()
    dead, alive, first, second = (Inbox(sessions, now) for _ in range(4))
    for replica in (dead, alive, first, second):
        await replica.heartbeat()
    await dead.receive("T1", "command:open", {"command": "/kudos"})
    await dead.receive("T1", "command:finished", {"command": "/kudos"})
    await dead.done("T1", "command:finished")
    await alive.receive("T1", "command:busy", {"command": "/ask"})

    now.at += DEAD_AFTER / 2
    for replica in (alive, first, second):
        await replica.heartbeat()
    assert await first.adopt_orphans() == []  # `dead` was seen too recently to be dead

    now.at += DEAD_AFTER
    for replica in (alive, first, second):
        await replica.heartbeat()
    adopted = await first.adopt_orphans()
    assert [(o.team_id, o.key, o.body) for o in adopted] == [
        ("T1", "command:open", {"command": "/kudos"})
    ]
    assert await second.adopt_orphans() == []
    async with sessions() as s:
        owner = await s.scalar(
            select(InboxItem.replica_id).where(InboxItem.request_key == "command:open")
        )
    assert owner == first.replica_id
    assert await alive.open_count() == 2


async def test_a_request_that_keeps_killing_its_replica_is_given_up(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """After MAX_REPLAYS replays, the next adoption closes the request instead."""
    now = Now()
    owner = Inbox(sessions, now)
    await owner.heartbeat()
    await owner.receive("T1", "command:poison", {})
    replays = 0
    for _ in range(MAX_REPLAYS + 1):
        now.at += DEAD_AFTER * 2
        taker = Inbox(sessions, now)
        await taker.heartbeat()
        replays += len(await taker.adopt_orphans())
    assert replays == MAX_REPLAYS
    assert await owner.open_count() == 0


async def test_tidy_forgets_old_requests_and_replicas_but_keeps_recent_ones(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Done a day ago: forgotten. Done just now, or still open: kept."""
    now = Now()
    box = Inbox(sessions, now)
    await box.heartbeat()
    await box.receive("T1", "event:old", {})
    await box.done("T1", "event:old")
    await box.receive("T1", "event:open", {})
    now.at += KEEP_DONE + timedelta(minutes=1)
    await box.receive("T1", "event:new", {})
    await box.done("T1", "event:new")
    assert await box.tidy() == 1
    async with sessions() as s:
        keys = set((await s.scalars(select(InboxItem.request_key))).all())
        replicas = (await s.scalars(select(Replica.id))).all()
    assert keys == {"event:open", "event:new"}
    assert replicas == []  # not seen for a day


async def test_a_replica_never_adopts_its_own_requests(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Its heartbeat may look stale (a stalled loop, a clock moved in a test), but what it
    received is in its own hands: replaying it would do the work twice."""
    now = Now()
    own = Inbox(sessions, now)
    await own.heartbeat()
    await own.receive("T1", "command:mine", {"command": "/kudos"})
    now.at += DEAD_AFTER * 3
    assert await own.adopt_orphans() == []


async def test_a_burst_of_requests_is_stored_in_few_transactions_each_key_once(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Forty requests at once, each sent twice (Slack's retry racing the original): every key
    is first exactly once, and the burst shares a handful of commits instead of eighty."""
    engine = sessions.kw["bind"]
    commits: list[object] = []

    def count(conn: object) -> None:
        commits.append(conn)

    event.listen(engine.sync_engine, "commit", count)
    try:
        front_door = Inbox(sessions, Now())
        keys = [f"event:Ev{n}" for n in range(40)] * 2
        firsts = await asyncio.gather(*(front_door.receive("T1", k, {"k": k}) for k in keys))
    finally:
        event.remove(engine.sync_engine, "commit", count)
    assert sorted(k for k, first in zip(keys, firsts, strict=True) if first) == sorted(set(keys))
    async with sessions() as s:
        assert await inbox.open_count(s) == 40
    assert len(commits) <= 5


async def test_a_done_mark_rides_on_the_next_requests_write_or_goes_alone(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Closing a request shares the next request's transaction (one commit for both); with no
    next request it is written by itself shortly after."""
    engine = sessions.kw["bind"]
    box = Inbox(sessions, Now())
    await box.receive("T1", "event:a", {})
    commits: list[object] = []

    def count(conn: object) -> None:
        commits.append(conn)

    event.listen(engine.sync_engine, "commit", count)
    try:
        closing = asyncio.create_task(box.done("T1", "event:a"))
        await asyncio.sleep(0)
        assert await box.receive("T1", "event:b", {})
        await closing
    finally:
        event.remove(engine.sync_engine, "commit", count)
    assert len(commits) == 1
    async with sessions() as s:
        assert await inbox.open_count(s) == 1
    await box.done("T1", "event:b")
    async with sessions() as s:
        assert await inbox.open_count(s) == 0


async def test_a_request_and_the_marks_riding_on_it_are_one_statement_on_postgresql(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Before every ack the request is stored, the done marks of those before riding along:
    on PostgreSQL one statement and no transaction around it, where BEGIN, the marks, the
    insert and COMMIT were four round trips to the server, each a turn of the bot's event
    loop, before the ack could go. A repeat is still found, the marks still written once,
    and a mark with no request to ride on is one statement too."""
    engine = sessions.kw["bind"]
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no statement that both updates and inserts")
    statements: list[str] = []
    simple: list[str] = []  # what asyncpg sends outside prepared statements: BEGIN, COMMIT

    def log_queries(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.driver_connection.add_query_logger(lambda q: simple.append(q.query))

    def executed(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement.split()[0])

    event.listen(engine.sync_engine, "connect", log_queries)
    await engine.dispose()  # connections made from here on are listened to
    box = Inbox(sessions, Now())
    await box.receive("T1", "event:a", {})
    await box.receive("T2", "event:a", {})
    event.listen(engine.sync_engine, "before_cursor_execute", executed)
    try:
        simple.clear()
        closing = [asyncio.create_task(box.done(team, "event:a")) for team in ("T1", "T2")]
        await asyncio.sleep(0)
        assert await box.receive("T1", "event:b", {"n": 2})
        await asyncio.gather(*closing)
        assert (statements, simple) == (["WITH"], [])
        assert not await box.receive("T1", "event:b", {"n": 3})  # a repeat
        await box.done("T1", "event:b")  # no request comes: it goes alone
        assert (statements, simple) == (["WITH", "WITH", "UPDATE"], [])
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", executed)
    async with sessions() as s:
        assert await inbox.open_count(s) == 0
        stored = await s.execute(select(InboxItem.team_id, InboxItem.body).order_by(InboxItem.id))
        assert [tuple(row) for row in stored] == [("T1", {}), ("T2", {}), ("T1", {"n": 2})]


async def test_a_done_mark_the_database_refused_is_written_with_the_next_request(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The database restarting as a request's work ends: its done mark cannot be written.
    It was dropped: the request stayed open for as long as the replica lived, and was
    replayed by whichever replica took its requests over once it stopped, days later
    perhaps. It is kept for the next write instead (docs/testing-log.md, "The reliability
    core, a reviewer's pass")."""
    engine = sessions.kw["bind"]
    if engine.dialect.name != "postgresql":
        pytest.skip("a SQLite file has no server to restart")
    box = Inbox(sessions, Now())
    await box.receive("T1", "command:first", {})
    await end_connections(engine.url, refuse_new=True)
    try:
        with pytest.raises(DBAPIError):
            await box.done("T1", "command:first")
    finally:
        await accept_connections(engine.url)
    assert await box.receive("T1", "command:next", {})
    async with sessions() as s:
        assert await inbox.open_count(s) == 1
