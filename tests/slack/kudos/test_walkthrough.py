"""Stumbles found walking through kudos as a giver and a receiver who read only the README
(docs/testing-log.md, "A kudos walk-through (7 December)")."""

from __future__ import annotations

from datetime import timedelta

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, give, kudos_posts, ledger


async def test_a_private_kudos_listed_beside_public_ones_says_it_is_private(
    slack: SlackHarness,
) -> None:
    """Alice thanked Bob in #secret (private) and in #general. `/kudos @bob` shows her both,
    under "thanked 1 time in public (and 1 private kudos between you and them)", and the two
    lines looked alike: which one she may repeat in public was hers to guess. The private one
    says so; the public one does not; Bob's own `/kudos me` marks it too."""
    await give(slack, "alice", "@bob for the secret review work #craft", channel="secret")
    await give(slack, "alice", "@bob for the public review work #craft")
    await give(slack, "alice", "@bob")
    said = ephemeral_text(slack, "alice").split("*Bob Chen*")[-1]
    assert "• from Alice Martin: the secret review work `#craft` (private)" in said, said
    assert "• from Alice Martin: the public review work `#craft`\n" in said, said
    await give(slack, "bob", "me")
    mine = ephemeral_text(slack, "bob").split("*Your kudos*")[-1]
    assert "the secret review work `#craft` (private)" in mine, mine
    assert "the public review work `#craft` (private)" not in mine, mine


async def test_a_late_undo_says_who_can_still_take_the_kudos_back(slack: SlackHarness) -> None:
    """Alice saw her mistake six minutes on and pressed Undo: "Kudos can be undone for 5
    minutes after giving them; these stay in the ledger." and nothing more, though the README
    says an askaround admin takes back kudos at any time. The refusal says whom to ask."""
    await give(slack, "alice", "@bob for reviewing the wrong migration plan #craft")
    slack.advance(timedelta(minutes=6))
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert said.startswith("Kudos can be undone for 5 minutes"), said
    assert "ask an askaround admin" in said, said
    assert len(await ledger(slack)) == 1


async def test_a_seconding_left_after_its_shout_out_is_undone_says_what_it_thanks_for(
    slack: SlackHarness,
) -> None:
    """Maria seconded Alice's shout-out for Bob; Alice then pressed Undo. The shout-out went,
    and Maria's kudos stayed (hers, as docs/kudos.md says), but her reply in its thread still
    read "@maria seconds this", under a message deleted: "this" was nothing anyone could read.
    The reply is drawn again as her own shout-out: who thanked whom, for what."""
    await give(slack, "alice", "@bob for the migration review #craft")
    general = slack.channel("general")
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.add_reaction(slack.user("maria"), general, shoutout.ts, "kudos")
    await slack.settle()
    [_, seconding] = kudos_posts(slack, "general")
    assert "seconds this" in seconding.text
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    [standing] = [m for m in slack.emu.messages(general) if m.by_bot]
    assert standing.ts == seconding.ts
    assert "seconds this" not in standing.text, standing.text
    maria, bob = slack.user("maria"), slack.user("bob")
    assert standing.text.startswith(f":tada: <@{maria}> gave kudos to <@{bob}>"), standing.text
    assert "the migration review" in standing.text, standing.text
    assert [(k.giver_user_id, k.source) for k in await ledger(slack)] == [(maria, "second")]


async def test_the_receiver_of_private_kudos_is_told_they_are_private(
    slack: SlackHarness,
) -> None:
    """Bob's DM for kudos given in #secret read ":tada: @alice gave you kudos: the secret
    work", the private channel rightly unnamed, but nothing said they were private: he might
    look for a shout-out, or thank Alice for them in #general. It says "privately"; the DM
    for public kudos still names the channel and says nothing of the kind."""
    await give(slack, "alice", "@bob for the secret work on the keys #craft", channel="secret")
    await give(slack, "alice", "@bob for the public work on the docs #craft")
    alice, general = slack.user("alice"), slack.channel("general")
    said = dm_text(slack, "bob")
    assert f":tada: <@{alice}> gave you kudos privately: the secret work on the keys" in said
    assert f":tada: <@{alice}> gave you kudos in <#{general}>: the public work" in said
    assert slack.channel("secret") not in said


async def test_one_refused_among_several_says_nobody_was_thanked(slack: SlackHarness) -> None:
    """Carol thanked Bob, Maria and Dave, who left: "Dave Gone is no longer in this workspace
    (deactivated), so they can't receive kudos." read as if Bob and Maria had theirs, though
    nobody was thanked. Said with several people, the refusal says so; with one, as before."""
    await give(slack, "carol", "@bob @maria @dave for the release party planning")
    said = slack.emu.ephemerals(slack.user("carol"))[-1].text
    assert said.startswith("Dave Gone is no longer in this workspace"), said
    assert "Nobody was thanked: send it again without them." in said, said
    await give(slack, "carol", "@carol @bob for the release party planning")
    said = slack.emu.ephemerals(slack.user("carol"))[-1].text
    assert "Nobody was thanked: send it again without yourself." in said, said
    await give(slack, "carol", "@dave for the release party planning")
    said = slack.emu.ephemerals(slack.user("carol"))[-1].text
    assert "Nobody was thanked" not in said, said
    assert await ledger(slack) == []
