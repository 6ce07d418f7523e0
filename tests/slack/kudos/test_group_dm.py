"""Kudos given in a group DM: its id is a channel's, but its shout-out is the conversation's
own, named as a DM's is ("this conversation"), not by a link to Slack's `mpdm-…` name."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, ledger, submit_modal


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


async def test_the_give_kudos_shortcut_in_a_group_dm_says_this_conversation(
    slack: SlackHarness,
) -> None:
    """The message shortcut on Bob's message in a group DM the bot is not in: Slack names
    the conversation (`mpdm-…`) only in the shortcut's payload, which the form remembers."""
    people = [slack.user(h) for h in ("alice", "bob", "carol")]
    group = slack.here.workspace.open_mpim(people)
    group.members.remove(slack.here.bot_user_id)
    message, _ = await slack.here.post_message(
        slack.user("bob"), group.id, "I fixed the flaky deploy pipeline for everyone"
    )
    await slack.here.message_shortcut(slack.user("alice"), "give_kudos", message)
    await slack.settle()
    modal = slack.here.open_modal(slack.user("alice"))
    assert modal is not None
    await submit_modal(slack, "alice", modal, reason="for fixing the flaky deploy pipeline")
    await slack.settle()
    [entry] = await ledger(slack)
    assert entry.is_private and entry.channel_id == group.id
    said = "\n".join(
        [e.text for e in slack.emu.ephemerals(slack.user("alice"))]
        + [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    )
    assert "on its way to this conversation" in said, said
    assert f"<#{group.id}>" not in said
