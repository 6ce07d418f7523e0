"""Which emoji give kudos, as a reaction reads them: every reaction in the workspace, of any
emoji, asks, and each was a read of the workspace's settings. A replica keeps them for
`REACTIONS_KEPT_FOR`; a change through the settings form is seen by the next reaction."""

from __future__ import annotations

from bot.kudos.service import REACTIONS_KEPT_FOR
from tests.slack.harness import SlackHarness
from tests.slack.kudos.test_units import counted, known_a_while
from tests.slack.kudos.world import configure, ledger
from tests.slack.settings.world import submitted

RUNBOOK = "I wrote the runbook for the failover drill"


async def test_a_reaction_of_another_emoji_reads_nothing(slack: SlackHarness) -> None:
    """Alice's :eyes: after Carol's: no read of the settings of its own, where each was one."""
    await known_a_while(slack)
    message = await slack.post("bob", "general", "I untangled the release branches tonight")
    await slack.emu.add_reaction(slack.user("carol"), message.channel, message.ts, "eyes")
    await slack.drain()

    async def reacted() -> None:
        await slack.emu.add_reaction(slack.user("alice"), message.channel, message.ts, "eyes")

    assert await counted(slack, reacted) == {}
    assert len(await ledger(slack)) == 1  # known_a_while's own


async def test_a_kudos_emoji_saved_in_the_settings_form_gives_kudos_at_once(
    slack: SlackHarness,
) -> None:
    """Hana makes :clap: a kudos emoji just after a :clap: gave nothing: the next gives."""
    message = await slack.post("carol", "general", RUNBOOK)
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "clap")
    await slack.settle()
    response = await submitted(slack, "hana", {"kudos_reactions": {"value": "kudos, clap"}})
    assert response["response_action"] == "update"
    await slack.emu.add_reaction(slack.user("maria"), message.channel, message.ts, "clap")
    await slack.settle()
    assert [k.giver_user_id for k in await ledger(slack)] == [slack.user("maria")]


async def test_a_kudos_emoji_set_elsewhere_gives_kudos_within_the_time_kept(
    slack: SlackHarness,
) -> None:
    """Set by another replica or the command line (written here as they write it), the
    emoji this replica read is kept no longer than `REACTIONS_KEPT_FOR`."""
    message = await slack.post("carol", "general", RUNBOOK)
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "clap")
    await slack.settle()
    await configure(slack, kudos_reactions="kudos, clap")
    slack.advance(REACTIONS_KEPT_FOR)
    await slack.emu.add_reaction(slack.user("maria"), message.channel, message.ts, "clap")
    await slack.settle()
    assert [k.giver_user_id for k in await ledger(slack)] == [slack.user("maria")]
