"""Every button on a question pressed twice or four times at once (each press a new trigger
id, so the inbox cannot tell them apart), two buttons pressed at once, and a watched
channel's message sent again as Slack's retry: the question moves once, each message is sent
once, and what the person is told is true."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from handlers.dispatch.after_ack import AFTER_ACK_AT_ONCE
from storage.models import Offer, Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import solved_by_dev
from tests.slack.twice import press

QUESTION = "how do we unlock a stuck terraform state?"
WENT_WRONG = "Something went wrong"


async def ask(slack: SlackHarness) -> None:
    """Alice asks in #general; dev, bob and maria are asked privately."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()


async def rows(slack: SlackHarness) -> tuple[list[Question], list[Offer]]:
    async with slack.services.sessions() as s:
        questions = list((await s.scalars(select(Question).order_by(Question.id))).all())
        offers = list((await s.scalars(select(Offer).order_by(Offer.id))).all())
    return questions, offers


def bot_dms(slack: SlackHarness, handle: str) -> list[str]:
    return [f"{m.text} {m.blocks}" for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


def ephemerals(slack: SlackHarness, handle: str) -> list[str]:
    return [f"{e.text} {e.blocks}" for e in slack.emu.ephemerals(slack.user(handle))]


def in_general(slack: SlackHarness, words: str) -> int:
    return len([m for m in slack.emu.messages(slack.channel("general")) if words in m.text])


def nothing_went_wrong(slack: SlackHarness) -> None:
    """Nobody was told "something went wrong": a second press is not a failure."""
    for handle in slack.users:
        told = ephemerals(slack, handle) + bot_dms(slack, handle)
        assert not [t for t in told if WENT_WRONG in t], handle


async def test_i_can_help_pressed_four_times_connects_once(slack: SlackHarness) -> None:
    await ask(slack)
    await press(slack, "dev", "I can help", 4)
    await slack.settle()
    [question], offers = await rows(slack)
    assert (question.status, question.helper_user_id) == ("connected", slack.user("dev"))
    assert [o.status for o in offers].count("accepted") == 1
    assert in_general(slack, "can help with your") == 1
    nothing_went_wrong(slack)


async def test_two_experts_each_pressing_twice_have_one_winner(slack: SlackHarness) -> None:
    await ask(slack)
    await asyncio.gather(press(slack, "dev", "I can help"), press(slack, "bob", "I can help"))
    await slack.settle()
    [question], offers = await rows(slack)
    [accepted] = [o for o in offers if o.status == "accepted"]
    assert question.helper_user_id == accepted.candidate_user_id
    assert in_general(slack, "can help with your") == 1
    nothing_went_wrong(slack)


async def test_not_me_pressed_four_times_declines_once(slack: SlackHarness) -> None:
    """Bob and maria are still asked, so nobody new is: the offers are those of the first
    round, dev's declined once and thanked once."""
    await ask(slack)
    _q, before = await rows(slack)
    await press(slack, "dev", "Not me", 4)
    await slack.settle()
    _q, after = await rows(slack)
    assert [(o.candidate_user_id, o.status) for o in after if o.status != "pending"] == [
        (slack.user("dev"), "declined")
    ]
    assert len(after) == len(before)
    assert len([t for t in bot_dms(slack, "dev") if "Thanks for letting me know" in t]) == 1
    nothing_went_wrong(slack)


@pytest.mark.parametrize("first", ["I can help", "Not me"])
async def test_i_can_help_and_not_me_at_once_leave_one_answer(
    slack: SlackHarness, first: str
) -> None:
    """Dev presses both: whichever wins, the question and dev's offer agree."""
    await ask(slack)
    second = "Not me" if first == "I can help" else "I can help"
    await asyncio.gather(press(slack, "dev", first, 1), press(slack, "dev", second, 1))
    await slack.settle()
    [question], offers = await rows(slack)
    [dev] = [o for o in offers if o.candidate_user_id == slack.user("dev")]
    assert (question.status == "connected") == (dev.status == "accepted")
    assert in_general(slack, "can help with your") == (question.status == "connected")
    nothing_went_wrong(slack)


async def test_suggest_someone_picked_twice_asks_them_once(slack: SlackHarness) -> None:
    """Bob picks carol in *Suggest someone* twice before the first is answered: carol is
    asked once, and bob reads that she was asked, not that something went wrong."""
    await ask(slack)
    [dm] = [m for m in slack.emu.dm_messages(slack.user("bob")) if m.bot_id]
    await asyncio.gather(
        *(
            slack.emu.click(
                slack.user("bob"), "offer_refer", message=dm, selected_user=slack.user("carol")
            )
            for _ in range(2)
        )
    )
    await slack.settle()
    _q, offers = await rows(slack)
    assert [o.candidate_user_id for o in offers].count(slack.user("carol")) == 1
    assert len([t for t in bot_dms(slack, "carol") if "suggested by" in t]) == 1
    [bob] = [m for m in slack.emu.dm_messages(slack.user("bob")) if m.bot_id]
    assert f"I've asked <@{slack.user('carol')}>" in str(bob.blocks)
    nothing_went_wrong(slack)


async def test_solved_pressed_four_times_thanks_once(slack: SlackHarness) -> None:
    await ask(slack)
    await press(slack, "dev", "I can help")
    await slack.settle()
    await press(slack, "alice", "Solved", 4)
    await slack.settle()
    [question], _offers = await rows(slack)
    assert question.status == "solved"
    assert in_general(slack, "Want to thank") == 1
    nothing_went_wrong(slack)


async def test_withdraw_pressed_twice_says_withdrawn(slack: SlackHarness) -> None:
    """Both presses answer; each says the question is withdrawn (never "already open", the
    state the second read before the first's commit), and each colleague is told once."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    pointed = len(ephemerals(slack, "alice"))  # where `/ask`'s answer is
    await press(slack, "alice", "Withdraw")
    await slack.settle()
    [question], offers = await rows(slack)
    assert question.status == "withdrawn"
    assert {o.status for o in offers} == {"superseded"}
    said = ephemerals(slack, "alice")[pointed:]
    assert said and all("withdrawn" in t for t in said), said
    for handle in ("dev", "bob", "maria"):
        assert len([t for t in bot_dms(slack, handle) if "was withdrawn" in t]) == 1
    nothing_went_wrong(slack)


async def test_solved_and_withdraw_at_once_say_which_happened(slack: SlackHarness) -> None:
    """The asker presses Solved and Withdraw together: one wins, and a refusal names the state
    the question is really in."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await press(slack, "dev", "I can help")
    await slack.settle()
    await asyncio.gather(press(slack, "alice", "Solved", 1), press(slack, "alice", "Withdraw", 1))
    await slack.settle()
    [question], _offers = await rows(slack)
    assert question.status in ("solved", "withdrawn")
    for told in ephemerals(slack, "alice"):
        # "Question #1 is solved already: there is nothing to withdraw." when Solved won
        assert "already" not in told or f"is {question.status} already" in told, told
    nothing_went_wrong(slack)


async def test_ask_colleagues_privately_pressed_four_times_asks_once(slack: SlackHarness) -> None:
    await slack.dm_bot("alice", "how do I rotate the terraform cloud token safely?")
    await slack.settle()
    await press(slack, "alice", "Ask colleagues privately", 4)
    await slack.settle()
    [question], offers = await rows(slack)
    assert question.status == "open" and len(offers) == 3
    for handle in ("dev", "bob", "maria"):
        assert len(bot_dms(slack, handle)) == 1
    nothing_went_wrong(slack)


async def watch_general(slack: SlackHarness) -> None:
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await slack.command("maria", "/ask", "watch")
    await slack.settle()


async def test_a_watched_channels_message_sent_again_is_nudged_once(slack: SlackHarness) -> None:
    """Slack sends carol's question again, with its retry header: one offer of help."""
    await watch_general(slack)
    message, [delivery] = await slack.emu.post_message(
        slack.user("carol"),
        slack.channel("general"),
        "does anyone know how to import terraform state?",
    )
    await slack.emu.redeliver(delivery, times=2)
    await slack.settle()
    nudges = [t for t in ephemerals(slack, "carol") if "Find an expert" in t]
    assert len(nudges) == 1
    assert message.ts in nudges[0]


async def test_find_an_expert_pressed_twice_asks_once(slack: SlackHarness) -> None:
    await watch_general(slack)
    await slack.post("carol", "general", "does anyone know how to import terraform state?")
    await slack.settle()
    await press(slack, "carol", "Find an expert")
    await slack.settle()
    [question], offers = await rows(slack)
    assert question.asker_user_id == slack.user("carol")
    assert len({o.candidate_user_id for o in offers}) == len(offers) == 3
    for handle in ("dev", "bob", "maria"):
        assert len(bot_dms(slack, handle)) == 1
    nothing_went_wrong(slack)


@pytest.mark.postgres_too
async def test_not_now_pressed_twice_keeps_quiet(slack: SlackHarness) -> None:
    await watch_general(slack)
    await slack.post("carol", "general", "does anyone know how to import terraform state?")
    await slack.settle()
    await press(slack, "carol", "Not now")
    await slack.settle()
    await slack.post("carol", "general", "does anyone know how terraform workspaces work?")
    await slack.settle()
    assert [t for t in ephemerals(slack, "carol") if "Find an expert" in t] == []
    nothing_went_wrong(slack)


async def test_the_find_an_expert_shortcut_used_twice_asks_once(slack: SlackHarness) -> None:
    message = await slack.post("carol", "general", "our terraform plan keeps timing out in CI")
    await asyncio.gather(
        *(slack.emu.message_shortcut(slack.user("maria"), "find_expert", message) for _ in range(2))
    )
    await slack.settle()
    [question], offers = await rows(slack)
    assert question.asker_user_id == slack.user("maria")
    assert len({o.candidate_user_id for o in offers}) == len(offers)
    nothing_went_wrong(slack)


@pytest.mark.parametrize("door", ["/ask", "a DM"])
async def test_the_same_question_sent_twice_at_once_asks_once(
    slack: SlackHarness, door: str
) -> None:
    """Alice sends her question twice before the first is answered (`/ask` twice: Slack
    shows both; the same DM twice, then her consent to ask): one question, each colleague
    asked once, and one of her two answers says she asked this already, as a second later."""
    if door == "/ask":
        await asyncio.gather(*(slack.command("alice", "/ask", QUESTION) for _ in range(2)))
    else:
        await asyncio.gather(*(slack.dm_bot("alice", QUESTION) for _ in range(2)))
    await slack.settle()
    told = ephemerals(slack, "alice") + bot_dms(slack, "alice")
    assert len([t for t in told if "You asked this already" in t]) == 1
    if door == "a DM":
        await press(slack, "alice", "Ask colleagues privately", 1)
        await slack.settle()
    questions, offers = await rows(slack)
    assert len(questions) == 1 and len(offers) == 3
    for handle in ("dev", "bob", "maria"):
        assert len(bot_dms(slack, handle)) == 1, handle
    nothing_went_wrong(slack)


async def test_that_answers_it_pressed_twice_says_so_twice(slack: SlackHarness) -> None:
    """A solved question shown first answers Alice's; she presses "That answers it" twice: it
    is closed once, nobody is asked, and the second press did not say "there is nothing to
    withdraw", to someone who never pressed Withdraw: both answers take the prompt's place."""
    await solved_by_dev(slack, "carol", "general")
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await press(slack, "alice", "That answers it")
    await slack.settle()
    questions, offers = await rows(slack)
    assert [q.status for q in questions] == ["solved", "withdrawn"]
    assert [o.question_id for o in offers] == [questions[0].id] * len(offers)
    said = [t.split(" [")[0] for t in ephemerals(slack, "alice")]
    assert said == [f"Glad it did. Question #{questions[1].id} is closed; nobody was asked."]
    nothing_went_wrong(slack)


@pytest.mark.parametrize("door", ["a mention", "a DM"])
async def test_slacks_retry_while_the_first_still_waits_asks_once(
    slack: SlackHarness, door: str
) -> None:
    """Slack sends the event again, with X-Slack-Retry-Num, while the first delivery's work
    has not even started (every turn after the ack is taken): once both are let go, one
    question, each colleague asked once, the asker answered once."""
    turns = slack.runner.bot.router.turns
    for _ in range(AFTER_ACK_AT_ONCE):
        await turns.acquire()
    if door == "a mention":
        _, deliveries = await slack.emu.post_message(
            slack.user("alice"), slack.channel("general"), f"<@{slack.emu.bot_user_id}> {QUESTION}"
        )
    else:
        im = slack.emu.workspace.open_im(slack.user("alice"))
        _, deliveries = await slack.emu.post_message(slack.user("alice"), im.id, QUESTION)
    retries = [await slack.emu.redeliver(d) for d in deliveries]
    assert all(r.ok for batch in retries for r in batch)
    for _ in range(AFTER_ACK_AT_ONCE):
        turns.release()
    await slack.settle()
    questions, offers = await rows(slack)
    assert len(questions) == 1
    if door == "a DM":  # a DM waits for the asker's consent: asked once, once she agrees
        assert offers == [] and len(bot_dms(slack, "alice")) == 1
        await press(slack, "alice", "Ask colleagues privately", 1)
        await slack.settle()
        _, offers = await rows(slack)
    assert len(offers) == len({o.candidate_user_id for o in offers}) == 3
    for handle in ("dev", "bob", "maria"):
        assert len(bot_dms(slack, handle)) == 1
    nothing_went_wrong(slack)
