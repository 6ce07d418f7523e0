"""A shout-out Slack keeps failing (5xx, rate limits, timeouts) until the outbox gives it up
keeps the confirmation's promise ("I'll tell you if it can't be posted") as a refusal does:
the kudos become private, the giver is told, the recipients get their DMs; and
`askaround outbox retry` afterwards posts nothing and tells nobody twice."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, give, kudos_posts, ledger

# What follows the giving up is the point, the same after three tries as after twelve
# (tests/slack/conftest.py).
pytestmark = pytest.mark.usefixtures("gives_up_sooner")

REASON = "for untangling the release #teamwork"


async def _shoutout_status(slack: SlackHarness) -> str:
    async with slack.services.sessions() as s:
        statement = select(OutboxItem.status).where(OutboxItem.method == "kudos.shoutout")
        return str(await s.scalar(statement))


async def test_a_shout_out_slack_keeps_failing_is_given_up_as_a_refusal(
    slack: SlackHarness,
) -> None:
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=general)
    await give(slack, "alice", f"@bob @carol {REASON}")
    assert "on its way to" in ephemeral_text(slack, "alice")
    await slack.drain()  # through every retry's backoff, until the outbox gives it up
    assert await _shoutout_status(slack) == "failed"
    assert kudos_posts(slack, "general") == []
    entries = await ledger(slack)
    assert len(entries) == 2 and all(e.is_private and e.shoutout_ts is None for e in entries)
    told = dm_text(slack, "alice")
    assert told.count("couldn't post the shout-out") == 1
    assert "Slack kept failing to take it" in told and f"<#{general}>" in told
    for handle in ("bob", "carol"):
        assert "untangling the release" in dm_text(slack, handle)
        assert "<#" not in dm_text(slack, handle)  # no claim it was posted anywhere
    await give(slack, "maria", "@bob")
    assert "hasn't received public kudos yet" in ephemeral_text(slack, "maria")

    slack.emu.faults.clear()  # Slack is well again; the operator retries what failed
    said = {h: dm_text(slack, h) for h in ("alice", "bob", "carol")}
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    assert kudos_posts(slack, "general") == []
    assert all(e.is_private for e in await ledger(slack))
    assert {h: dm_text(slack, h) for h in said} == said
    assert await _shoutout_status(slack) == "sent"


async def test_a_seconding_slack_keeps_failing_is_told_as_a_seconding(
    slack: SlackHarness,
) -> None:
    """Maria seconds Alice's shout-out for Bob while Slack fails every post in #general until
    the outbox gives her reply up. She was told "I couldn't post the shout-out for your
    kudos": the shout-out is there, Alice's; it is her seconding in its thread that never
    went, and giving the kudos again is how to thank Bob in public."""
    general = slack.channel("general")
    await give(slack, "alice", f"@bob {REASON}")
    [shoutout] = kudos_posts(slack, "general")
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=general)
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.drain()
    told = dm_text(slack, "maria")
    assert "couldn't post the shout-out" not in told, told
    bob = slack.user("bob")
    said = f"I couldn't post your seconding of the kudos to <@{bob}> in the shout-out's thread"
    assert f"{said} in <#{general}>: " in told, told
    assert "Slack kept failing to take it" in told, told
    assert "then give them again to thank them in public" in told, told
