"""A shout-out Slack has yet to take, its kudos's channel made private meanwhile. The
workspace's kudos channel is #general; Alice thanks Bob with `:kudos:` on his message in
#launch (public: Alice, Bob and the bot), so the shout-out, quoting his message, goes to
#general. Slack fails it (503) while #launch is made private (the notice heard): its history
is its members' alone, and the kudos are private from then on. Posted at the next try, the
shout-out quoted Bob's message from #launch to everyone in #general."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure, ledger

MARKER = "numbatrunbook"


async def test_a_shout_out_not_posted_before_its_channel_went_private_stays_in_it(
    slack: SlackHarness,
) -> None:
    general = slack.channel("general")
    await configure(slack, kudos_channel_id=general)
    members = [slack.user("alice"), slack.user("bob"), slack.emu.bot_user_id]
    launch = slack.here.workspace.add_channel("launch", members=members).id
    said, _ = await slack.here.post_message(slack.user("bob"), launch, f"the {MARKER} is up")
    await slack.settle()
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=general)
    await slack.here.add_reaction(slack.user("alice"), launch, said.ts, "kudos")
    await slack.settle()
    (kudos,) = await ledger(slack)
    assert not kudos.is_private and kudos.shoutout_ts is None  # public, not posted yet
    assert await slack.emu.make_private(launch, by=slack.user("alice")) is not None
    await slack.settle()
    slack.emu.faults.rules.clear()
    await slack.drain()
    in_general = [f"{m.text}{m.blocks}" for m in slack.emu.messages(general) if m.by_bot]
    assert not [m for m in in_general if MARKER in m]
    (kudos,) = await ledger(slack)
    assert kudos.is_private and kudos.shoutout_ts is not None  # posted, in #launch
