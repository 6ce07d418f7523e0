""" "Knows someone", watched channels, and the "not now" that keeps the bot quiet."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from bot.directory.profiles import ProfileService
from bot.workspace_settings.service import CLI
from slack_emulator import payloads
from storage.models import Offer, WatchedChannel
from tests.slack.harness import SlackHarness
from tests.slack.test_directory import edit_profile_modal
from tests.slack.test_real_payloads import send


async def offers(slack: SlackHarness) -> list[Offer]:
    async with slack.services.sessions() as s:
        return list((await s.scalars(select(Offer).order_by(Offer.id))).all())


async def carol_knows_kubernetes_people_then_alice_asks(slack: SlackHarness) -> None:
    """Carol's network has the CNCF Slack (kubernetes, helm); then Alice asks about pods."""
    await slack.command(
        "carol", "/skills", "network add CNCF Slack about kubernetes, helm as functional"
    )
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.command("alice", "/ask", "how should we size kubernetes pods for the api?")
    await slack.settle()


async def test_a_connector_is_asked_when_no_colleague_knows_the_topic(slack: SlackHarness) -> None:
    """Nobody declared Kubernetes, but Carol's network has the CNCF Slack: she is asked as a
    connector; her network is named to nobody, her nor the asker (issue 18, item 1)."""
    await carol_knows_kubernetes_people_then_alice_asks(slack)
    carol = [o for o in await offers(slack) if o.candidate_user_id == slack.user("carol")]
    assert carol and carol[0].kind == "connector"
    assert carol[0].reason == "knows someone who can help"
    dm = [m for m in slack.emu.dm_messages(slack.user("carol")) if m.bot_id][-1]
    assert "from your network" in str(dm.blocks) and "CNCF" not in str(dm.blocks)
    told = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id]
    assert told and not any("CNCF" in f"{m.text}{m.blocks}" for m in told)


async def test_watched_channel_offers_help_only_for_questions(slack: SlackHarness) -> None:
    """An admin watches #general; a real question gets a private offer of help in its thread,
    chit-chat gets nothing, and "Not now" keeps the bot quiet for that person."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await slack.command("maria", "/ask", "watch")
    await slack.settle()
    await slack.post("carol", "general", "good morning everyone")
    await slack.post("carol", "general", "does anyone know how to import terraform state?")
    await slack.settle()
    nudges = [
        e for e in slack.emu.ephemerals(slack.user("carol")) if "Find an expert" in str(e.blocks)
    ]
    assert len(nudges) == 1
    await slack.emu.click_button(slack.user("carol"), "Not now")
    await slack.settle()
    await slack.post("carol", "general", "does anyone know how terraform workspaces work?")
    await slack.settle()
    nudges = [
        e
        for e in slack.emu.ephemerals(slack.user("carol"))
        if "Find an expert" in str(e.blocks) and not e.deleted
    ]
    assert nudges == []
    assert await offers(slack) == []


async def test_only_admins_choose_watched_channels(slack: SlackHarness) -> None:
    """A non-admin's `/ask watch` is refused with a clear message; someone an admin named an
    askaround admin may, as they may change every other setting."""
    await slack.command("bob", "/ask", "watch")
    await slack.settle()
    assert "Only askaround admins" in slack.emu.ephemerals(slack.user("bob"))[-1].text
    await slack.services.workspace_settings.change(
        slack.team_id, {"askaround_admins": slack.user("bob")}, by=CLI
    )
    await slack.command("bob", "/ask", "watch")
    await slack.settle()
    assert "I'm watching" in slack.emu.ephemerals(slack.user("bob"))[-1].text


async def test_find_an_expert_from_a_nudge(slack: SlackHarness) -> None:
    """Pressing "Find an expert" on the nudge routes that message's question."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await slack.command("maria", "/ask", "watch")
    await slack.settle()  # the ack comes before the watch is stored, as in Slack
    await slack.post("carol", "general", "does anyone know how to import terraform state?")
    await slack.settle()
    await slack.emu.click_button(slack.user("carol"), "Find an expert")
    await slack.settle()
    asked = {o.candidate_user_id for o in await offers(slack)}
    assert slack.user("dev") in asked and slack.user("carol") not in asked


async def test_a_question_its_asker_is_still_asking_is_not_offered_again(
    slack: SlackHarness,
) -> None:
    """Carol had colleagues asked about importing terraform state, and posts it again (in
    other words) while they are: the offer came again, and *Find an expert* only said she is
    asking it already. It is not offered; a question she is not asking still is."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await slack.command("maria", "/ask", "watch")
    await slack.settle()
    await slack.post("carol", "general", "does anyone know how to import terraform state?")
    await slack.settle()
    await slack.emu.click_button(slack.user("carol"), "Find an expert")
    await slack.settle()
    await slack.post("carol", "general", "does anyone know how to import terraform state please?")
    await slack.settle()
    shown = [e for e in slack.emu.ephemerals(slack.user("carol")) if not e.deleted]
    assert not [e for e in shown if "Find an expert" in str(e.blocks)]
    await slack.post("carol", "general", "does anyone know how to rotate the vault root token?")
    await slack.settle()
    shown = [e for e in slack.emu.ephemerals(slack.user("carol")) if not e.deleted]
    assert len([e for e in shown if "Find an expert" in str(e.blocks)]) == 1


async def test_forget_me_takes_effect_for_the_next_question(slack: SlackHarness) -> None:
    """Carol's network makes her a connector; after `/skills forget me` the very next question
    does not ask her, though routing keeps its index in memory (issue 18, item 2)."""
    await carol_knows_kubernetes_people_then_alice_asks(slack)
    assert slack.user("carol") in {o.candidate_user_id for o in await offers(slack)}
    await slack.command("carol", "/skills", "forget me")
    await slack.settle()
    before = len(await offers(slack))
    await slack.command("maria", "/ask", "how do we roll out kubernetes helm charts safely?")
    await slack.settle()
    later = (await offers(slack))[before:]
    assert slack.user("carol") not in {o.candidate_user_id for o in later}


async def test_forget_me_on_another_replica_takes_effect_here_too(slack: SlackHarness) -> None:
    """Carol's `/skills forget me` is handled by another replica (its own ProfileService; this
    one's index cache is told nothing): this replica's next question does not ask her."""
    await carol_knows_kubernetes_people_then_alice_asks(slack)
    assert slack.user("carol") in {o.candidate_user_id for o in await offers(slack)}
    other_replica = ProfileService(slack.services.sessions, slack.services.clock)
    await other_replica.forget(slack.team_id, slack.user("carol"))
    before = len(await offers(slack))
    await slack.command("maria", "/ask", "how do we roll out kubernetes helm charts safely?")
    await slack.settle()
    later = (await offers(slack))[before:]
    assert slack.user("carol") not in {o.candidate_user_id for o in later}


async def test_watch_is_refused_where_the_bot_would_never_see_a_message(
    slack: SlackHarness,
) -> None:
    """`/ask watch` in a private channel or in one the bot has not joined says why it cannot,
    and how to fix it, instead of confirming; nothing is recorded as watched (issue 12, item 4)."""
    slack.emu.workspace.user(slack.user("alice")).is_admin = True
    await slack.command("alice", "/ask", "watch", channel="secret")
    await slack.command("alice", "/ask", "watch", channel="random")
    await slack.settle()
    said = [e.text for e in slack.emu.ephemerals(slack.user("alice"))]
    assert not any("I'm watching" in text for text in said)
    assert any("only watch public channels" in text for text in said)
    assert any("/invite @askaround" in text for text in said)
    async with slack.services.sessions() as s:
        assert (await s.scalars(select(WatchedChannel))).all() == []


@pytest.mark.postgres_too
async def test_watch_and_unwatch_say_what_changed(slack: SlackHarness) -> None:
    """A second `/ask watch` says it was already watched; `/ask unwatch` of a channel that was
    not watched says nothing changed, instead of confirming a change that did not happen."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    for word in ("watch", "watch", "unwatch", "unwatch"):
        await slack.command("maria", "/ask", word)
        await slack.settle()
    said = [e.text for e in slack.emu.ephemerals(slack.user("maria"))][-4:]
    assert "I'm watching" in said[0] and "already watching" in said[1]
    assert "no longer watching" in said[2] and "wasn't watching" in said[3]


async def test_watch_and_unwatch_in_a_dm_say_only_channels_are_watched(
    slack: SlackHarness,
) -> None:
    """`/ask watch` and `/ask unwatch` typed in the DM with the bot (Slack's `channel_id` a
    `D…`, `channel_name` `directmessage`): both say only channels are watched. Before,
    unwatch answered "I wasn't watching <#D…>", a link Slack cannot show."""
    maria = slack.user("maria")
    slack.emu.workspace.user(maria).is_admin = True
    im = slack.here.workspace.open_im(maria).id
    for word in ("watch", "unwatch"):
        await slack.here.slash_command(maria, "/ask", word, channel_id=im)
        await slack.settle()
    said = [e.text for e in slack.emu.ephemerals(maria)][-2:]
    assert said == ["I can only watch channels, not direct messages."] * 2


async def test_find_an_expert_is_the_message_authors_alone(slack: SlackHarness) -> None:
    """The nudge goes to the author only; a "Find an expert" click for it from anyone else (a
    crafted request: Slack would not show them the button) is refused and asks nobody, though
    Slack answers the message's thread an empty page first, with a cursor, as its docs allow
    (an IndexError, and Alice told nothing of why)."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await slack.command("maria", "/ask", "watch")
    await slack.settle()
    message = await slack.post(
        "carol", "general", "does anyone know how to import terraform state?"
    )
    await slack.settle()
    ws = slack.here.workspace
    alice = slack.user("alice")
    action = {"action_id": "nudge_ask", "block_id": "b", "type": "button", "value": message.ts}
    payload = payloads.interaction(
        ws,
        "block_actions",
        ws.user(alice),
        trigger_id=ws.views.issue_trigger(alice),
        container={"type": "message", "channel_id": message.channel, "is_ephemeral": True},
        channel={"id": message.channel, "name": "general"},
        response_url=slack.here.response_url(alice, message.channel),
        actions=[action],
    )
    slack.emu.faults.paging.size, slack.emu.faults.paging.empty = 1, True
    try:
        status, _ = await send(
            slack, "application/x-www-form-urlencoded", urlencode({"payload": json.dumps(payload)})
        )
        await slack.settle()
    finally:
        slack.emu.faults.clear()
    assert status == 200
    assert await offers(slack) == []
    said = slack.emu.ephemerals(alice)[-1].text
    assert "That offer was for the person who wrote the message." in said


async def test_a_colleague_who_left_makes_nobody_a_connector(slack: SlackHarness) -> None:
    """Carol's network names Bob for Kubernetes, so she is asked as a connector; once Bob
    leaves, the very next Kubernetes question does not ask her (though routing keeps its index
    in memory): whoever she knows for it is not here to be introduced."""
    await slack.command("carol", "/skills", "network add @bob about kubernetes as personal")
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.command("alice", "/ask", "how should we size kubernetes pods for the api?")
    await slack.settle()
    assert slack.user("carol") in {o.candidate_user_id for o in await offers(slack)}
    before = len(await offers(slack))
    await slack.emu.change_user(slack.user("bob"), deleted=True)
    await slack.settle()
    await slack.command("maria", "/ask", "how do we roll out kubernetes helm charts safely?")
    await slack.settle()
    later = {o.candidate_user_id for o in (await offers(slack))[before:]}
    assert slack.user("carol") not in later and slack.user("bob") not in later


async def test_a_colleague_away_or_opted_out_is_reached_through_nobody(
    slack: SlackHarness,
) -> None:
    """Carol's network names Bob for Kubernetes. Bob goes away ("nobody will be asked to
    reach you", he is told), so a Kubernetes question does not ask Carol to reach him; nor
    once he opts out instead; back, he is reached through her again."""
    await slack.command("carol", "/skills", "network add @bob about kubernetes as personal")
    await slack.command("bob", "/skills", "away for 2 weeks")
    await slack.settle()
    assert "nobody will be asked to reach you" in slack.emu.ephemerals(slack.user("bob"))[-1].text
    slack.services.indexes.invalidate(slack.team_id)
    asked: list[set[str]] = []
    for status, asker in (("optout", "alice"), ("back", "maria")):
        before = len(await offers(slack))
        await slack.command(asker, "/ask", "how should we size kubernetes pods for the api?")
        await slack.settle()
        asked.append({o.candidate_user_id for o in (await offers(slack))[before:]})
        await slack.command("bob", "/skills", status)
        await slack.settle()
    before = len(await offers(slack))
    await slack.command("dev", "/ask", "how should we size kubernetes pods for the api?")
    await slack.settle()
    asked.append({o.candidate_user_id for o in (await offers(slack))[before:]})
    carol = slack.user("carol")
    assert [carol in a for a in asked] == [False, False, True], asked


async def test_a_guest_of_the_workspace_is_reached_through_nobody(slack: SlackHarness) -> None:
    """Carol's network names Bob for Kubernetes, and Bob is made a guest of the workspace:
    a Kubernetes question does not ask Carol to reach him, where she was asked "knows
    someone who can help" for him alone, a guest nobody sends a colleague's question to
    (docs/privacy.md, "Guests of the workspace")."""
    await slack.command("carol", "/skills", "network add @bob about kubernetes as personal")
    await slack.emu.change_user(slack.user("bob"), is_restricted=True)
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.command("alice", "/ask", "how should we size kubernetes pods for the api?")
    await slack.settle()
    assert slack.user("carol") not in {o.candidate_user_id for o in await offers(slack)}


async def test_a_connector_who_removed_the_entry_is_not_told_it_is_in_their_network(
    slack: SlackHarness,
) -> None:
    """Carol is asked as a connector for her CNCF Slack entry. Saving her Edit profile modal
    with it still there keeps it the same entry: Alice's edit of the question redraws the
    request "from your network". Once Carol removes the entry, the next redraw no longer
    says so: until 8 December it did, for good (docs/testing-log.md, "Small things people
    type and read, left by the passes of 8 December" and the pass before it)."""
    carol = slack.user("carol")
    await slack.command(
        "carol", "/skills", "network add CNCF Slack about kubernetes, helm as functional"
    )
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("alice", "general", f"{bot} how should we size kubernetes pods?")
    await slack.drain()
    [offer] = [o for o in await offers(slack) if o.candidate_user_id == carol]
    assert offer.kind == "connector" and offer.connection_id
    modal = await edit_profile_modal(slack, carol)
    typed = {"network": {"network": "cncf slack about kubernetes as functional"}}
    assert (await slack.emu.submit_view(carol, modal.id, typed)).ok
    await slack.settle()
    await slack.here.edit_message(slack.user("alice"), asked, f"{bot} how big should pods be?")
    await slack.drain()
    assert "(from your network, which only you see)" in request_of(slack, "carol")
    await slack.command("carol", "/skills", "network remove CNCF Slack")
    await slack.settle()
    await slack.here.edit_message(slack.user("alice"), asked, f"{bot} how big should k8s pods be?")
    await slack.drain()
    shown = request_of(slack, "carol")
    assert "k8s pods" in shown and "from your network," not in shown, shown
    assert "(from an entry you have since removed from your network)" in shown


def request_of(slack: SlackHarness, handle: str) -> str:
    """The request in someone's DM with the bot, as it shows now."""
    [request] = [m for m in slack.emu.dm_messages(slack.user(handle)) if "Why you" in str(m.blocks)]
    return str(request.blocks)
