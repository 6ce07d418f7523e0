"""PostgreSQL restarted, or failed over, while the bot sat idle: every connection in its pool
was ended by the server. The next requests are handled on new connections, not answered
"Something went wrong" (and Slack's own "dispatch_failed") on the dead ones."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from storage import db
from tests.databases import accept_connections, end_connections
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, kudos_posts, ledger

pytestmark = pytest.mark.postgres_too
GIVERS = ("alice", "bob", "carol", "maria")


async def end_every_connection(slack: SlackHarness, *, refuse_new: bool = False) -> int:
    """What a server restart does to the bot's connections: each is terminated (and, with
    `refuse_new`, new ones refused, as a server still down does, until `accept_again`)."""
    return await end_connections(slack.services.engine.url, refuse_new=refuse_new)


async def accept_again(slack: SlackHarness) -> None:
    await accept_connections(slack.services.engine.url)


async def test_kudos_given_after_the_database_restarted_are_all_given(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    if slack.services.engine.dialect.name != "postgresql":
        return  # a SQLite file has no server to restart
    # The commands come a moment after the restart, less than the idle time after which a
    # connection is asked first whether it still lives.
    monkeypatch.setattr(db, "IDLE_PING_SECONDS", 0.0)
    await slack.command("alice", "/kudos", "@bob for the runbook")
    await slack.settle()
    others = ("bob", "carol", "maria", "alice")
    for drill in ("failover drill", "restore drill"):  # restarted twice: each time, it might
        # be the outbox's claim that found the pool dead first
        assert await end_every_connection(slack) > 0
        await asyncio.gather(
            *(
                slack.command(giver, "/kudos", f"@{other} for the {drill}")
                for giver, other in zip(GIVERS, others, strict=True)
            )
        )
        await slack.drain()

    for giver in GIVERS:
        told = ephemeral_text(slack, giver)
        assert "went wrong" not in told, told
        assert "failed with the error" not in told, told
        assert told.count("Kudos sent") == (3 if giver == "alice" else 2), told
    assert len(await ledger(slack)) == 9
    posted = [m.text for m in kudos_posts(slack, "general")]
    assert len([t for t in posted if "failover drill" in t]) == 4
    assert len([t for t in posted if "restore drill" in t]) == 4


@contextlib.asynccontextmanager
async def database_down(slack: SlackHarness) -> AsyncIterator[None]:
    """The server refuses the bot's database, its connections ended, until the block ends."""
    try:
        await end_every_connection(slack, refuse_new=True)
        yield
    finally:
        await accept_again(slack)


async def test_a_command_while_the_database_is_down_is_told_once(slack: SlackHarness) -> None:
    """The request cannot be stored before its ack: the person reads one message saying
    something went wrong, as the command's answer, not that and Slack's "dispatch_failed"."""
    if slack.services.engine.dialect.name != "postgresql":
        return  # a SQLite file has no server to lose
    async with database_down(slack):
        sent = await slack.command("alice", "/kudos", "@bob for the runbook")
    [attempt] = sent.attempts
    assert attempt.status == 200
    told = ephemeral_text(slack, "alice")
    assert told.count("went wrong") == 1, told
    assert "failed with the error" not in told, told
    assert await ledger(slack) == []
    await slack.command("alice", "/kudos", "@bob for the runbook")
    await slack.drain()
    assert "Kudos sent" in ephemeral_text(slack, "alice")
    assert len(await ledger(slack)) == 1


async def test_an_event_while_the_database_is_down_is_told_once_when_slack_gives_up(
    slack: SlackHarness,
) -> None:
    """Bob's :kudos: reaction cannot be stored: its 500 makes Slack send the event again, and
    a try that works would have made "something went wrong" untrue, so he is told only on
    Slack's last try (before, on each of the four)."""
    if slack.services.engine.dialect.name != "postgresql":
        return  # a SQLite file has no server to lose
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    async with database_down(slack):
        sent = await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    assert sent is not None and [a.status for a in sent.attempts] == [500] * 4
    assert ephemeral_text(slack, "bob").count("went wrong") == 1
    assert await ledger(slack) == []
