"""A colleague asked through their network is named in no public message: the question's
thread reads by everyone in the channel, and a network is its owner's alone (docs/privacy.md).
They are counted there ("and 1 more colleague"); the asker alone may be told who, and why."""

from __future__ import annotations

from bot.questions.policy import RoutingConfig
from slack_emulator import Message
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import offer_dm, rows, suggest
from tests.slack.questions.test_network import offers

KUBERNETES = "how should we size kubernetes pods for the api?"


async def carol_knows_kubernetes_people(slack: SlackHarness) -> None:
    await slack.command(
        "carol", "/skills", "network add CNCF Slack about kubernetes, helm as functional"
    )
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)


def thread(slack: SlackHarness, asked: Message) -> list[Message]:
    return [
        m
        for m in slack.emu.messages(slack.channel("general"))
        if m.thread_ts == asked.ts and m.bot_id
    ]


async def test_a_channel_question_s_thread_counts_a_connector_without_naming_her(
    slack: SlackHarness,
) -> None:
    await carol_knows_kubernetes_people(slack)
    asked = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {KUBERNETES}")
    await slack.drain()
    carol = slack.user("carol")
    assert carol in {o.candidate_user_id for o in await offers(slack)}
    said = [f"{m.text} {m.blocks}" for m in thread(slack, asked)]
    assert said
    assert not any(carol in s or "Carol" in s or "knows someone" in s for s in said)
    # Asked for her network, not a skill: *Not me* points her to her network, not to skills.
    await slack.emu.click(carol, "offer_decline", message=offer_dm(slack, "carol"))
    await slack.drain()
    note = offer_dm(slack, "carol").text
    assert "`/skills network remove`" in note and "`/skills remove`" not in note, note


async def test_an_escalation_round_that_adds_a_connector_and_the_closed_update_count_her(
    slack: SlackHarness,
) -> None:
    """One colleague a round: Bob, who declared Kubernetes, is asked first and says "Not me";
    the next round asks Carol through her network. "I've also asked", the first message's
    update for who is asked now, and once withdrawn for who was asked: none names her."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    await slack.command("bob", "/skills", "add kubernetes:4")
    await carol_knows_kubernetes_people(slack)
    asked = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {KUBERNETES}")
    await slack.drain()
    question, first = await rows(slack)
    assert [o.candidate_user_id for o in first] == [slack.user("bob")]
    await slack.emu.click(slack.user("bob"), "offer_decline", message=offer_dm(slack, "bob"))
    await slack.drain()
    carol = slack.user("carol")
    _question, now = await rows(slack)
    assert [o.kind for o in now if o.candidate_user_id == carol] == ["connector"]
    said = [f"{m.text} {m.blocks}" for m in thread(slack, asked)]
    assert any("I've also asked 1 colleague." in s for s in said), said
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.drain()
    said = [f"{m.text} {m.blocks}" for m in thread(slack, asked)]
    assert any("Bob" in s and "and 1 more colleague" in s for s in said), said
    assert any("was withdrawn" in s for s in said), said
    assert not any(carol in s or "Carol" in s or "knows someone" in s for s in said), said


async def test_a_colleague_a_connector_suggested_is_named_without_her(
    slack: SlackHarness,
) -> None:
    """Carol, asked through her network and counted in the thread, suggests Maria: the
    thread's list names Maria "suggested by a colleague I asked", where "suggested by @Carol
    Diaz" told the channel that Carol was asked, and whom she knows. Maria's request says
    Carol suggested her: Carol's own word to her."""
    await carol_knows_kubernetes_people(slack)
    asked = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {KUBERNETES}")
    await slack.drain()
    await suggest(slack, "carol", "maria")
    await slack.drain()
    carol = slack.user("carol")
    said = [f"{m.text} {m.blocks}" for m in thread(slack, asked)]
    assert any("Maria" in s and "suggested by a colleague I asked" in s for s in said), said
    assert not any(carol in s or "Carol" in s for s in said), said
    request = offer_dm(slack, "maria")
    assert f"<@{carol}> suggested you." in request.text, request.text
    await slack.emu.click(slack.user("maria"), "offer_decline", message=request)
    await slack.drain()
    note = offer_dm(slack, "maria").text
    assert note.startswith("Thanks for letting me know.") and "`/skills" in note, note
    assert "`/skills remove`" not in note and "network" not in note, note


async def test_the_asker_alone_is_told_who_was_asked_through_their_network(
    slack: SlackHarness,
) -> None:
    """Asked in the DM with the bot, which the asker alone reads (and agreed to ask): Carol is
    named there, with the reason that names no network."""
    await carol_knows_kubernetes_people(slack)
    alice = slack.user("alice")
    im = slack.here.workspace.open_im(alice).id
    await slack.here.post_message(alice, im, KUBERNETES)
    await slack.settle()
    await slack.emu.click_button(alice, "Ask colleagues privately")
    await slack.drain()
    told = [f"{m.text} {m.blocks}" for m in slack.emu.dm_messages(alice) if m.bot_id]
    assert any("Carol" in s and "knows someone who can help" in s for s in told), told
