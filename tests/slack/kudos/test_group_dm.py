"""Kudos given in a group DM: its id is a channel's, but its shout-out is the conversation's
own, named as a DM's is ("this conversation"), not by a link to Slack's `mpdm-…` name."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, ledger


@pytest.mark.parametrize("bot_in_it", [True, False])
async def test_kudos_in_a_group_dm_say_this_conversation(
    slack: SlackHarness, bot_in_it: bool
) -> None:
    people = [slack.user(h) for h in ("alice", "bob", "carol")]
    group = slack.here.workspace.open_mpim(people)
    if not bot_in_it:
        group.members.remove(slack.here.bot_user_id)
    await slack.here.slash_command(
        slack.user("alice"),
        "/kudos",
        slack.escape("@bob for pairing on the flaky test"),
        channel_id=group.id,
    )
    await slack.settle()
    [entry] = await ledger(slack)
    assert entry.is_private and entry.channel_id == group.id
    said = ephemeral_text(slack, "alice")
    assert "on its way to this conversation" in said, said
    assert f"<#{group.id}>" not in said
