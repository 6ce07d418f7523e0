"""Kudos whose shout-out was posted in a channel that was later made private.

The shout-out's words are then for that channel's members only, as Slack makes a converted
channel's history theirs; `/kudos @someone` must not go on showing them to everyone else.
A kudos whose shout-out went to a channel still public stays public.
"""

from __future__ import annotations

from bot.conversations import PUBLIC_FOR
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure, give, ledger

LAUNCH, KUDOS = "quokkalaunchday", "quokkakudoschannel"


def launch(slack: SlackHarness) -> str:
    """#launch: public for now, with alice, bob and the bot in it."""
    members = [slack.user(h) for h in ("alice", "bob")] + [slack.emu.bot_user_id]
    channel = slack.here.workspace.add_channel("launch", members=members)
    slack.channels["launch"] = channel.id
    return channel.id


async def about_bob(slack: SlackHarness, handle: str) -> str:
    before = len(slack.emu.ephemerals(slack.user(handle)))
    await slack.command(handle, "/kudos", f"<@{slack.user('bob')}>")
    await slack.settle()
    shown = slack.emu.ephemerals(slack.user(handle))[before:]
    return "\n".join(f"{e.text}\n{e.blocks}" for e in shown)


async def test_a_shout_out_in_a_channel_made_private_is_not_shown_outside_it(
    slack: SlackHarness,
) -> None:
    channel = launch(slack)
    await give(slack, "alice", f"@bob for the {LAUNCH} rollout", channel="launch")
    assert not (await ledger(slack))[0].is_private
    assert LAUNCH in await about_bob(slack, "carol")
    await slack.make_private_unheard(channel, by=slack.user("alice"))
    slack.advance(PUBLIC_FOR * 2)
    assert LAUNCH not in await about_bob(slack, "carol")
    assert LAUNCH in await about_bob(slack, "alice")
    assert (await ledger(slack))[0].is_private


async def test_a_shout_out_in_a_public_kudos_channel_stays_public(slack: SlackHarness) -> None:
    """Given in #launch, announced in #general (the kudos channel): #launch made private takes
    nothing back from #general."""
    channel = launch(slack)
    await configure(slack, kudos_channel_id=slack.channel("general"))
    await give(slack, "alice", f"@bob for the {KUDOS} rollout", channel="launch")
    (entry,) = await ledger(slack)
    assert entry.shoutout_channel_id == slack.channel("general")
    await slack.make_private_unheard(channel, by=slack.user("alice"))
    slack.advance(PUBLIC_FOR * 2)
    assert KUDOS in await about_bob(slack, "carol")
