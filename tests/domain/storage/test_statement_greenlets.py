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
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.reliability.inbox import Inbox
from storage import inbox, kudos, outbox, outbox_claims, people, units, workspaces
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
