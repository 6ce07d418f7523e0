"""Slack refuses a shout-out for the install's sake, not the shout-out's: the token is
refused (`invalid_auth`, a bad SLACK_BOT_TOKEN deployed), lacks a scope, or is not granted the
workspace (`team_access_not_granted`, an org-wide install). The shout-out is
failed at once, as any error Slack would answer again, but not given up as a refusal: the
kudos stay public and the giver is not told to try another channel, which would not help.
Once the operator fixes the install, `askaround outbox retry` posts it, once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, kudos_posts, ledger

REFUSALS = {
    "invalid_auth": {},
    "missing_scope": {"needed": "chat:write", "provided": "commands"},
    # An org-wide install not (or no longer) granted this workspace by the org's admins.
    "team_access_not_granted": {},
}


@pytest.mark.parametrize("refusal", sorted(REFUSALS))
async def test_a_shout_out_the_install_cannot_post_is_posted_once_it_is_fixed(
    slack: SlackHarness, refusal: str
) -> None:
    for method in ("chat.postMessage", "conversations.open"):
        slack.emu.faults.add(method, error=refusal, extra=REFUSALS[refusal], times=None)
    message = await slack.post("bob", "general", "I wrote the runbook for the failover drill")
    await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, "kudos")
    await slack.drain()
    [given] = await ledger(slack)
    assert not given.is_private
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert "kudos.shoutout" in {f.method for f in failed}
    assert all(f.attempts == 1 for f in failed)

    slack.emu.faults.clear()  # the operator deploys the right token, or reinstalls
    await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    assert "failover drill" in shoutout.text
    assert not (await ledger(slack))[0].is_private
    assert "couldn't post the shout-out" not in dm_text(slack, "alice")
    assert dm_text(slack, "bob").count("gave you kudos") == 1
