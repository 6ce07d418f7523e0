"""Kudos given in a group DM: its id is a channel's, but its shout-out is the conversation's
own, named as a DM's is ("this conversation"), not by a link to Slack's `mpdm-…` name."""

from __future__ import annotations

import pytest

from slack_emulator.payloads import channel_name
from slack_emulator.records import Channel
from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_truth import kudos_answered_late
from tests.slack.kudos.world import dm_text, ephemeral_text, ledger, submit_modal


def group_dm(slack: SlackHarness, *, bot_in_it: bool) -> Channel:
    """Alice, Bob and Carol's group DM, with the bot in it or not."""
    people = [slack.user(h) for h in ("alice", "bob", "carol")]
    group = slack.here.workspace.open_mpim(people)
    if not bot_in_it:
        group.members.remove(slack.here.bot_user_id)
    return group


async def kudos_in_group_dm(slack: SlackHarness, *, bot_in_it: bool) -> Channel:
    """Alice's `/kudos @bob` in the group DM: the group DM."""
    group = group_dm(slack, bot_in_it=bot_in_it)
    await slack.here.slash_command(
        slack.user("alice"),
        "/kudos",
        slack.escape("@bob for pairing on the flaky test"),
        channel_id=group.id,
    )
    return group


async def given_by_the_form(slack: SlackHarness, group: Channel, reason: str) -> None:
    """Alice submits the Give kudos form open before her with `reason`: one kudos, private,
    given in `group`."""
    await slack.settle()
    modal = slack.here.open_modal(slack.user("alice"))
    assert modal is not None
    await submit_modal(slack, "alice", modal, reason=reason)
    await slack.drain()
    [entry] = await ledger(slack)
    assert entry.is_private and entry.channel_id == group.id


@pytest.mark.parametrize("bot_in_it", [True, False])
async def test_kudos_in_a_group_dm_say_this_conversation(
    slack: SlackHarness, bot_in_it: bool
) -> None:
    group = await kudos_in_group_dm(slack, bot_in_it=bot_in_it)
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
    group = group_dm(slack, bot_in_it=False)
    message, _ = await slack.here.post_message(
        slack.user("bob"), group.id, "I fixed the flaky deploy pipeline for everyone"
    )
    await slack.here.message_shortcut(slack.user("alice"), "give_kudos", message)
    await given_by_the_form(slack, group, "for fixing the flaky deploy pipeline")
    said = "\n".join(
        [e.text for e in slack.emu.ephemerals(slack.user("alice"))]
        + [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    )
    assert "on its way to this conversation" in said, said
    assert f"<#{group.id}>" not in said


async def test_a_shout_out_lost_in_a_group_dm_says_this_conversation(slack: SlackHarness) -> None:
    """`/kudos @bob` in a group DM the bot is not in: the shout-out can go there only through
    the command's response_url, expired by then. The giver is told, later and from the
    outbox, that it could not be posted in this conversation, not in a `<#…>` link."""
    group = group_dm(slack, bot_in_it=False)
    await kudos_answered_late(slack, group.id, channel_name(group))
    [entry] = await ledger(slack)
    assert entry.is_private and entry.shoutout_ts is None
    told = dm_text(slack, "alice")
    assert "couldn't post the shout-out for your kudos to" in told
    assert "in this conversation" in told and f"<#{group.id}>" not in told


async def test_undo_names_the_group_dm_it_could_not_remove_the_shout_out_from(
    slack: SlackHarness,
) -> None:
    group = await kudos_in_group_dm(slack, bot_in_it=True)
    await slack.drain()
    [entry] = await ledger(slack)
    assert entry.shoutout_channel_id == group.id and entry.shoutout_ts
    slack.emu.faults.add("chat.delete", error="cant_delete_message", times=1)
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    said = ephemeral_text(slack, "alice")
    assert "could not remove the shout-out in this conversation" in said, said
    assert f"<#{group.id}>" not in said


async def test_give_kudos_under_kudos_about_someone_in_a_group_dm_thanks_them_there(
    slack: SlackHarness,
) -> None:
    """`/kudos @bob` in a group DM the bot is not in answers, to Alice alone, who Bob is with
    a *Give kudos* button. Slack's payload for the button names the conversation
    (`channel.name`, `mpdm-…`) and brings a response_url, as the shortcut's does; the form
    remembered neither. Alice was told the shout-out was "on its way to <#G…>", then that
    it could not be posted "in <#G…>: it is a private channel I'm not in". The shout-out now
    goes by the button's response_url, into this conversation, as the shortcut's does."""
    group = group_dm(slack, bot_in_it=False)
    about = slack.escape("@bob")
    await slack.here.slash_command(slack.user("alice"), "/kudos", about, channel_id=group.id)
    await slack.settle()
    [answer] = slack.emu.ephemerals(slack.user("alice"))
    await slack.here.click(slack.user("alice"), "kudos_thank", message=answer)
    await given_by_the_form(slack, group, "for pairing on the flaky test")
    told = ephemeral_text(slack, "alice") + dm_text(slack, "alice")
    assert "on its way to this conversation" in told, told
    assert f"<#{group.id}>" not in told and "couldn't post" not in told
    assert [m for m in slack.emu.messages(group.id) if m.by_bot and "pairing" in m.text]
