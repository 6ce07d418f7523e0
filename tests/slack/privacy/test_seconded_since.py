"""A shout-out seconded after its channel was made private, Slack's notice lost
(`make_private_unheard`): the second copies its kudos's privacy as stored, public then, so
it is the later look at the channel (`summaries.about`, as for the kudos it seconds) that
must keep it from a colleague outside the channel. Alice thanks Bob in #launch (public:
Alice, Bob, Carol and the bot); #launch is made private; Carol seconds the shout-out; Dev,
never in #launch, reads `/kudos @bob`, the leaderboard and his Home tab: both kudos are counted, as
private ones, neither quoted."""

from __future__ import annotations

from bot.conversations import PUBLIC_FOR
from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_made_private import about_bob
from tests.slack.kudos.world import give, ledger
from tests.slack.privacy.seen import home_and_bot_posts

MARKER = "koalasecond"


async def test_a_second_given_after_the_channel_went_private_stays_in_it(
    slack: SlackHarness,
) -> None:
    members = [slack.user(h) for h in ("alice", "bob", "carol")] + [slack.emu.bot_user_id]
    launch = slack.here.workspace.add_channel("launch", members=members).id
    slack.channels["launch"] = launch
    await give(slack, "alice", f"@bob for the {MARKER} rollout", channel="launch")
    (kudos,) = await ledger(slack)
    assert kudos.shoutout_ts and not kudos.is_private
    await slack.make_private_unheard(launch, by=slack.user("alice"))
    slack.advance(PUBLIC_FOR * 2)
    await slack.here.add_reaction(slack.user("carol"), launch, kudos.shoutout_ts, "kudos")
    await slack.drain()
    assert [k.giver_user_id for k in await ledger(slack)] == [
        slack.user(h) for h in ("alice", "carol")
    ]
    # Stored public, the second as the kudos it seconds: nothing told the app yet.
    assert [k.is_private for k in await ledger(slack)] == [False, False]
    await slack.command("dev", "/kudos", "top month")
    await slack.settle()
    shown = await about_bob(slack, "dev") + await home_and_bot_posts(slack, "dev")
    assert MARKER not in shown
    assert "2 kudos given in private conversations" in shown  # both counted, neither quoted
    assert MARKER in await about_bob(slack, "carol")  # not vacuous: its giver reads it
