"""A statement of a hot unit of work runs in one greenlet of SQLAlchemy's asyncio layer, not
two: asking the session for its connection, then running the statement on it, started a
greenlet each (`storage.units.execute`). On SQLite, inside `on_the_loop`, it runs in that
greenlet at once, without a round trip through the event loop (`storage.sqlite_driver`).
Counted on the statements of a recognition's units (the inbox's insert and done mark, the
give's reads and writes, the shout-out's record), so that neither cost comes back unnoticed
(docs/benchmarks.md section 10)."""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import greenlet
from sqlalchemy import Engine, event, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.questions.indexes import IndexCache
from bot.reliability.inbox import Inbox
from storage import inbox, kudos, outbox, outbox_claims, people, units, workspaces
from storage.db import create_inbox_engine, create_inbox_table
from storage.migrate import head, upgrade_head
from storage.models import Replica

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TEAM = "T1"


class Count:
    def __init__(self) -> None:
        self.greenlets = 0
        self.entered = 0  # switches into them: once each, unless one waits on the event loop
        self.statements = 0


@contextmanager
def counting() -> Iterator[Count]:
    """The greenlets started (each once, however often switched to) and the statements run."""
    count = Count()
    started: weakref.WeakSet[Any] = weakref.WeakSet()  # an ended one may be collected

    def traced(kind: str, args: tuple[Any, Any]) -> None:
        target = args[1]
        if kind != "switch" or target.parent is None:
            return
        count.entered += 1
        if target not in started:
            started.add(target)
            count.greenlets += 1

    def executed(*_args: object) -> None:
        count.statements += 1

    event.listen(Engine, "before_cursor_execute", executed)
    before = greenlet.settrace(traced)
    try:
        yield count
    finally:
        greenlet.settrace(before)
        event.remove(Engine, "before_cursor_execute", executed)


async def in_a_unit(
    sessions: async_sessionmaker[AsyncSession], work: Callable[[AsyncSession], Awaitable[object]]
) -> Count:
    with counting() as count:
        async with units.transaction(sessions) as s:
            await work(s)
    return count


async def test_each_statement_of_a_recognitions_units_starts_one_greenlet(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with units.transaction(sessions) as s:  # the workspace made, the engine connected
        await workspaces.ensure_workspace(s, TEAM)

    async def stored(s: AsyncSession) -> None:
        await inbox.receive_all(s, [(TEAM, "command:1", {"text": "hi"})], "me", T0)

    async def given(s: AsyncSession) -> None:
        await people.slack_profiles(s, TEAM, ["U1", "U2"], T0 - timedelta(days=1))
        await workspaces.kudos_settings(s, TEAM, "U1")
        await kudos.hold_giver(s, TEAM, "U1")
        await kudos.given_before(
            s, TEAM, "U1", "b1", reason="for the review", today=(T0, T0), recent=T0
        )
        await outbox.enqueue(s, TEAM, "kudos.shoutout", {"batch_key": "b1"}, key="s1", at=T0)

    async def recorded(s: AsyncSession) -> None:
        await kudos.set_shoutout(s, TEAM, "b1", "C1", "1.2")
        await outbox_claims.finish_all(s, [outbox_claims.Finished(1, "sent", T0)])
        await inbox.finish_all(s, [(TEAM, "command:1")], T0)

    sqlite = sessions.kw["bind"].dialect.name == "sqlite"
    for work in (stored, given, recorded):
        count = await in_a_unit(sessions, work)
        assert count.statements >= 1
        # one greenlet a statement, and one for the commit and close
        assert count.greenlets == count.statements + 1, work.__name__
        if sqlite:  # answered on the loop: no statement waits on the event loop for it
            assert count.entered == count.greenlets, work.__name__


async def test_a_replicas_heartbeat_and_leaving_are_one_statement_units(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Every start writes a heartbeat and every stop a leaving (and a serving replica beats
    every few seconds): each one statement in a unit of `storage.units`, a greenlet for it and
    one for the commit and close, answered on the loop on SQLite (a unit of SQLAlchemy's
    own took two more greenlets and, on SQLite, two trips to aiosqlite's thread)."""
    replica = Inbox(sessions, lambda: T0)
    sqlite = sessions.kw["bind"].dialect.name == "sqlite"
    async with units.transaction(sessions) as s:  # the engine connected
        await workspaces.ensure_workspace(s, TEAM)
    for step in (replica.heartbeat, replica.heartbeat, replica.leave):
        with counting() as count:
            await step()
        assert (count.statements, count.greenlets) == (1, 2), step.__name__
        if sqlite:
            assert count.entered == count.greenlets, step.__name__
    async with sessions() as s:
        assert (await s.scalars(select(Replica.id))).all() == []


async def test_what_every_start_reads_is_answered_on_the_loop(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Every start reads, before the bot listens, the database's revision
    (`upgrade_head`), what the inbox's file holds (`create_inbox_table`) and the workspaces
    whose routing index to build (`IndexCache.to_warm`): on SQLite each answered on the loop,
    no greenlet waiting on the event loop for aiosqlite's thread (a trip each, and SQLAlchemy's
    unit around the last), and they still read right: at the head, nothing to migrate, the
    inbox's table left as it is, a workspace with people to warm."""
    inbox_file = create_inbox_engine(engine)
    async with units.transaction(sessions) as s:
        await workspaces.ensure_workspace(s, TEAM)
        await people.ensure_person(s, TEAM, "U1")
    if inbox_file is not None:
        await create_inbox_table(inbox_file)  # the file made, as the first start makes it
    try:
        with counting() as migrated:
            assert await upgrade_head(engine) == (head(), head())
        with counting() as inbox_table:
            if inbox_file is not None:
                await create_inbox_table(inbox_file)
        with counting() as warm:
            assert await IndexCache(sessions).to_warm() == [TEAM]
    finally:
        if inbox_file is not None:
            await inbox_file.dispose()
    assert migrated.statements >= 1 and warm.statements == 1
    assert inbox_table.statements == (0 if inbox_file is None else 1)
    if engine.dialect.name == "sqlite":
        for count in (migrated, inbox_table, warm):
            assert count.entered == count.greenlets, vars(count)
