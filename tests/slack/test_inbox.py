"""The inbox through the running bot: a request acked by a replica that died before doing
its work is replayed by another, once, and replaying finished work changes nothing.

A replica's death is staged in-process here (its listener cancelled, its requests handed to
a replica id nobody heartbeats); `benchmarks/kill_replica.py` (and tests/e2e/test_faults_small.py)
kill a real process."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from datetime import timedelta

import pytest
from sqlalchemy import select, text, update

from bot.runtime.runner import in_flight_listeners
from handlers.dispatch.after_ack import AFTER_ACK_AT_ONCE
from storage.db import create_inbox_engine
from storage.models import InboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, kudos_posts, ledger

# The inbox keeps its entries differently on each database.
pytestmark = pytest.mark.postgres_too

REASON = "for untangling the release #teamwork"


async def orphan_everything(slack: SlackHarness) -> None:
    """Hand every stored request to a replica that is not running, open again."""
    async with slack.services.sessions() as s, s.begin():
        await s.execute(update(InboxItem).values(replica_id="dead-replica", done_at=None))


async def replay(slack: SlackHarness) -> None:
    """Run the replay job now (its timer may beat us to it: either way once) and settle."""
    await slack.runner.bot.scheduler.run_once("replay")
    await slack.drain()
    assert await slack.services.inbox.open_count() == 0


async def test_a_request_acked_but_never_worked_is_replayed_once(slack: SlackHarness) -> None:
    """Acked, then its listener is cancelled before its turn (the replica "dies"): nothing
    is in the ledger. The replay gives the kudos, one shout-out, one DM, one confirmation."""
    turns = slack.runner.bot.router.turns
    for _ in range(AFTER_ACK_AT_ONCE):
        await turns.acquire()
    command = await slack.command("alice", "/kudos", f"@bob {REASON}")
    assert command.ok
    [waiting] = in_flight_listeners()
    waiting.cancel()
    await asyncio.gather(waiting, return_exceptions=True)
    for _ in range(AFTER_ACK_AT_ONCE):
        turns.release()
    assert await ledger(slack) == []
    assert await slack.services.inbox.open_count() == 1

    await orphan_everything(slack)
    await replay(slack)
    assert [k.receiver_user_id for k in await ledger(slack)] == [slack.user("bob")]
    assert len(kudos_posts(slack, "general")) == 1
    assert dm_text(slack, "bob").count("untangling the release") == 1
    assert ephemeral_text(slack, "alice").count("Kudos sent") == 1
    async with slack.services.sessions() as s:
        [row] = (await s.scalars(select(InboxItem))).all()
    assert row.done_at is not None and row.replays == 1
    assert row.replica_id == slack.services.inbox.replica_id
    assert await slack.runner.bot.scheduler.run_once("replay") == 0  # nothing orphaned now


async def test_replaying_finished_work_adds_nothing(slack: SlackHarness) -> None:
    """A replica that died after its work but before closing the request: the replay of a
    kudos, a question and a click finds their keys and posts nothing new."""
    await slack.command("alice", "/kudos", f"@bob @carol {REASON}")
    await slack.command("carol", "/ask", "how do we unlock terraform state?")
    await slack.drain()
    before = (
        len(await ledger(slack)),
        len(kudos_posts(slack, "general")),
        len(slack.emu.calls_to("chat.postMessage")),
    )
    await orphan_everything(slack)
    await replay(slack)
    after = (
        len(await ledger(slack)),
        len(kudos_posts(slack, "general")),
        len(slack.emu.calls_to("chat.postMessage")),
    )
    assert after == before == (2, 1, before[2])
    async with slack.services.sessions() as s:
        rows = (await s.scalars(select(InboxItem))).all()
    assert len(rows) == 2 and all(r.replays == 1 and r.done_at for r in rows)


async def test_retried_command_is_stored_and_worked_once(slack: SlackHarness) -> None:
    """The same slash command delivered four times (same trigger id) is one inbox entry."""
    command = await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.emu.redeliver(command, times=3)
    await slack.drain()
    async with slack.services.sessions() as s:
        keys = (await s.scalars(select(InboxItem.request_key))).all()
    assert keys == [f"command:{command.payload['trigger_id']}"]
    assert len(await ledger(slack)) == 1


async def test_on_a_sqlite_file_requests_are_stored_in_the_inbox_file(slack: SlackHarness) -> None:
    """A kudos is stored in `<database>-inbox`, not in the database's own inbox table, so an
    ack never waits for the database's write lock; on PostgreSQL it stays in the database."""
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.drain()
    url = slack.services.engine.url
    if url.get_backend_name() != "sqlite":
        assert create_inbox_engine(slack.services.engine) is None
        async with slack.services.engine.connect() as conn:
            assert (await conn.scalar(text("SELECT count(*) FROM inbox"))) == 1
        return
    with closing(sqlite3.connect(f"{url.database}-inbox")) as inbox_file:
        assert (
            inbox_file.execute("SELECT request_key FROM inbox")
            .fetchall()[0][0]
            .startswith("command:")
        )
    with closing(sqlite3.connect(str(url.database))) as database:
        assert database.execute("SELECT count(*) FROM inbox").fetchone() == (0,)
        assert database.execute("SELECT count(*) FROM kudos").fetchone() == (1,)


async def test_replaying_an_answered_greeting_or_help_says_nothing_again(
    slack: SlackHarness,
) -> None:
    """A replica that died after answering `hi` in a DM and `@askaround help` in a channel,
    before closing either request: the replays find the answers' keys and say neither again."""
    alice = slack.user("alice")
    await slack.dm_bot("alice", "good morning!")
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> help")
    await slack.drain()
    greetings = [m.text for m in slack.emu.dm_messages(alice) if m.by_bot]
    helps = [e.text for e in slack.emu.ephemerals(alice)]  # help is shown to its asker alone
    assert len(greetings) == 1 and "I'm askaround" in greetings[0]
    assert len(helps) == 1 and "/kudos" in helps[0]
    await orphan_everything(slack)
    await replay(slack)
    assert [m.text for m in slack.emu.dm_messages(alice) if m.by_bot] == greetings
    assert [e.text for e in slack.emu.ephemerals(alice)] == helps


async def test_a_kudos_sent_again_while_the_first_waited_for_its_replay_is_given_once(
    slack: SlackHarness,
) -> None:
    """Alice's `/kudos` is acked and its replica dies before working it; she sends it again,
    and that one is given. Every replica is then down a while: the first is replayed 6
    minutes later, past Undo's 5, when the retry check (`bot/kudos/retries.py`) looked back
    from the replay and gave Bob the kudos twice. It looks back from when the request arrived."""
    turns = slack.runner.bot.router.turns
    for _ in range(AFTER_ACK_AT_ONCE):
        await turns.acquire()
    assert (await slack.command("alice", "/kudos", f"@bob {REASON}")).ok
    [waiting] = in_flight_listeners()
    waiting.cancel()
    await asyncio.gather(waiting, return_exceptions=True)
    for _ in range(AFTER_ACK_AT_ONCE):
        turns.release()
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.drain()
    assert len(await ledger(slack)) == 1

    down = timedelta(minutes=6)
    slack.advance(down)
    async with slack.services.sessions() as s, s.begin():
        [first] = await s.scalars(select(InboxItem).where(InboxItem.done_at.is_(None)))
        first.replica_id = "dead-replica"
        first.received_at -= down  # stored by the wall clock, which moved as much
    await replay(slack)
    assert [k.receiver_user_id for k in await ledger(slack)] == [slack.user("bob")]
    assert len(kudos_posts(slack, "general")) == 1
    said = ephemeral_text(slack, "alice")
    assert "Already sent" in said and "last few minutes" not in said, said  # it read so
    assert "an askaround admin can take it back" in said
