"""A delivery Slack will never take (a scope the install lacks, blocks it refuses) is given up
at once, with one WARNING line saying why, in Slack's own words: the operator fixes it, then
`askaround outbox retry` sends it."""

from __future__ import annotations

import asyncio
import gc
import logging
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.reliability.delivery import MAX_ATTEMPTS, Outcome
from handlers.outbox.worker import LEASE
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, give, kudos_posts, ledger
from tests.slack.questions.test_taken_back_mid_send import until_settled


async def test_a_scope_the_install_lacks_is_named_in_one_warning(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    slack.emu.faults.add(
        "conversations.open",
        error="missing_scope",
        extra={"needed": "im:write", "provided": "chat:write,commands"},
        times=None,
    )
    # Bob's DM telling him of his kudos: the one place it can be said (an asker with `/ask`
    # is told in an ephemeral instead, `handlers.outbox.asker_posts.tell_asker`).
    await give(slack, "alice", "@bob for the review")
    await slack.drain()
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert failed and all(f.attempts == 1 for f in failed)
    assert all(f.last_error == "missing_scope (needs im:write)" for f in failed)
    gc.collect()
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    for item in failed:
        assert any(f"delivery {item.id} " in w and "needs im:write" in w for w in warned)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("error", ["team_added_to_org", "rate_limited"])
async def test_slacks_errors_that_pass_are_waited_out(slack: SlackHarness, error: str) -> None:
    """Two answers in the error list of chat.postMessage's reference that pass: Slack's
    `team_added_to_org` while the workspace is being migrated into an Enterprise Grid
    organisation ("operations will be intermittently unavailable until the transition is
    complete"), and `rate_limited` ("Application has posted too many messages"), an HTTP 200
    beside the 429 `ratelimited`. The kudos DM is tried again and posted once, as is the
    shout-out; before, it was given up at the first answer."""
    slack.emu.faults.add("chat.postMessage", error=error, times=2)
    await give(slack, "alice", f"<@{slack.user('bob')}> for untangling the release")
    await slack.drain()
    assert len(kudos_posts(slack, "general")) == 1
    assert "untangling the release" in dm_text(slack, "bob")
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert [(f.method, f.last_error) for f in failed] == []


@pytest.mark.postgres_too
async def test_a_replica_whose_claim_was_taken_back_gives_nothing_up(slack: SlackHarness) -> None:
    """The shout-out's last attempt (its 12th) is held at Slack while this replica is seen
    dead (its heartbeat held up) and another replica takes the delivery back. Slack then
    fails the held post: giving up was not this replica's to do. Before, it told Alice the
    shout-out could not be posted and made the kudos private while the other replica still
    had it to send (docs/testing-log.md, "The reliability core, a reviewer's pass")."""
    failing = slack.emu.faults.add(
        "chat.postMessage", status=500, channel=slack.channel("general"), times=None
    )
    await give(slack, "alice", "@bob for untangling the release")
    slack.emu.faults.rules.remove(failing)
    async with slack.services.sessions() as s, s.begin():
        shoutouts = select(OutboxItem).where(OutboxItem.method == "kudos.shoutout")
        [shoutout] = await s.scalars(shoutouts)
        assert shoutout.status == "pending"
        shoutout.attempts = MAX_ATTEMPTS - 1  # Slack failed it more times meanwhile
        due = shoutout.next_attempt_at
    held = asyncio.Event()
    fault = slack.emu.faults.add(
        "chat.postMessage", status=500, channel=slack.channel("general"), held=held
    )
    slack.advance(due - slack.services.clock.now())
    await until_settled(slack, lambda rows, now: fault.hits == 1, "the last attempt")

    now = slack.services.clock.now()
    other = "another-replica"
    taken = await slack.services.outbox.claim(
        now, now + LEASE, 10, by=other, dead_before=now + timedelta(hours=1)
    )
    assert [t.kind for t in taken] == ["kudos.shoutout"]
    held.set()

    def but_the_taken_back_at_rest(rows: list[OutboxItem], now: datetime) -> bool:
        others = [r for r in rows if r.id != taken[0].id]
        busy = [r for r in others if r.status == "sending" or r.next_attempt_at <= now]
        idle = not slack.runner.bot.outbox.sends() and not slack.emu.in_flight
        return idle and not any(r.status == "pending" for r in busy)

    await until_settled(slack, but_the_taken_back_at_rest, "the failed attempt")
    assert "Slack kept failing" not in ephemeral_text(slack, "alice") + dm_text(slack, "alice")
    assert [k.is_private for k in await ledger(slack)] == [False]

    # The other replica's attempt fails too and puts it back; this one posts it.
    later = slack.services.clock.now()
    failed = Outcome("pending", next_attempt_at=later, error="fatal_error")
    await slack.services.outbox.finish(taken[0].id, failed, later, by=other)
    await slack.drain()
    assert len(kudos_posts(slack, "general")) == 1
    assert "Slack kept failing" not in ephemeral_text(slack, "alice") + dm_text(slack, "alice")
    assert [k.is_private for k in await ledger(slack)] == [False]
