"""A colleague asked about a question answers it in the question's thread instead of pressing
*I can help*: that is their taking it on. Before, askaround went on as if they had never
answered: their request ran out as "didn't answer in time", the question went on to more
colleagues, and the request waited in their DM and on their Home tab with its buttons."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.questions.policy import RoutingConfig
from slack_emulator import Message
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import QUESTION, inbox, offer_dm, rows

ANSWER = "Run terraform force-unlock with the lock id from the error, after checking nobody runs"


def in_thread(slack: SlackHarness, channel: str, parent: Message) -> list[Message]:
    return [m for m in slack.emu.messages(slack.channel(channel)) if m.thread_ts == parent.ts]


async def statuses(slack: SlackHarness) -> tuple[str, dict[str, str]]:
    question, offers = await rows(slack)
    return question.status, {o.candidate_user_id: o.status for o in offers}


@pytest.mark.postgres_too
async def test_an_answer_in_the_thread_takes_the_question_on(slack: SlackHarness) -> None:
    """Dev and Bob are asked. Alice's own reply and Maria's (she was not asked) change
    nothing; Dev's answer in the thread, delivered twice, makes him the helper once: Bob
    stands down, nobody new is asked 31 working minutes later, Dev's request says how it
    ended without buttons, the Home tabs are rebuilt, and Alice's list says Dev is helping,
    nobody "didn't answer in time". Nothing more is posted in the thread; Dev editing or
    deleting his reply changes nothing."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    alice, dev, bob = slack.user("alice"), slack.user("dev"), slack.user("bob")
    for person in (alice, dev):
        await slack.emu.open_home(person)
    asked = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    assert await statuses(slack) == ("open", {dev: "pending", bob: "pending"})
    general = slack.channel("general")
    await slack.here.post_message(alice, general, "it's the prod state", thread_ts=asked.ts)
    await slack.here.post_message(slack.user("maria"), general, "no idea", thread_ts=asked.ts)
    await slack.drain()
    assert await statuses(slack) == ("open", {dev: "pending", bob: "pending"})
    posted_before = len([m for m in in_thread(slack, "general", asked) if m.bot_id])

    reply, deliveries = await slack.here.post_message(dev, general, ANSWER, thread_ts=asked.ts)
    for delivery in deliveries:
        await slack.emu.redeliver(delivery)
    await slack.drain()

    question, _offers = await rows(slack)
    assert (question.status, question.helper_user_id) == ("connected", dev)
    assert await statuses(slack) == ("connected", {dev: "accepted", bob: "superseded"})
    mine = offer_dm(slack, "dev")
    assert "answered in the question's thread" in mine.text
    assert "offer_accept" not in str(mine.blocks) and "offer_decline" not in str(mine.blocks)
    assert "offer_accept" not in str(offer_dm(slack, "bob").blocks)
    # No introduction in the thread (they met there), nor anything else new.
    assert len([m for m in in_thread(slack, "general", asked) if m.bot_id]) == posted_before
    told = [m for m in in_thread(slack, "general", asked) if m.bot_id][-1]
    assert "is helping" in str(told.blocks) and "didn't answer in time" not in str(told.blocks)
    home_of_dev, home_of_alice = slack.emu.home_view(dev), slack.emu.home_view(alice)
    assert home_of_dev is not None and "offer_accept" not in str(home_of_dev.blocks)
    assert "terraform" in str(home_of_dev.blocks)  # among the questions he helps with
    assert home_of_alice is not None and "is helping" in str(home_of_alice.blocks)

    slack.advance(timedelta(minutes=31))
    assert await slack.runner.bot.scheduler.run_once("escalate") == 0
    await slack.here.edit_message(dev, reply, f"{ANSWER} (edited)")
    await slack.emu.delete_message(dev, reply)
    await slack.drain()
    assert await statuses(slack) == ("connected", {dev: "accepted", bob: "superseded"})
    said = " ".join(m.text for m in slack.emu.messages())
    assert "didn't answer in time" not in said


async def test_a_reply_after_the_request_ended_changes_nothing(slack: SlackHarness) -> None:
    """Dev said *Not me*, then chats in the thread: his request stays declined, and the
    question goes on asking Bob; it is not taken from him by a passing remark."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    dev, bob = slack.user("dev"), slack.user("bob")
    asked = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click(dev, "offer_decline", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.here.post_message(dev, slack.channel("general"), "bob knows", thread_ts=asked.ts)
    await slack.drain()
    assert await statuses(slack) == ("open", {dev: "declined", bob: "pending"})


async def test_an_answer_in_a_private_channels_thread_counts_too(slack: SlackHarness) -> None:
    """The same in the private #secret (`message.groups`), where Dev and Bob are members. Only
    its thread replies are stored to be looked at (`docs/privacy.md`), and one deleted
    leaves no word of it in the inbox."""
    secret = slack.channel("secret")
    for person in (slack.emu.bot_user_id, slack.user("dev"), slack.user("bob")):
        slack.here.workspace.join(secret, person)
    asked = await slack.post("alice", "secret", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    question, offers = await rows(slack)
    assert question.status == "draft"  # asked in private: it reaches colleagues once she agrees
    prompt = slack.emu.ephemerals(slack.user("alice"))[-1]
    await slack.emu.click(slack.user("alice"), "question_consent", message=prompt)
    await slack.settle()
    question, offers = await rows(slack)
    dev = slack.user("dev")
    assert dev in {o.candidate_user_id for o in offers if o.status == "pending"}
    reply, _ = await slack.here.post_message(dev, secret, ANSWER, thread_ts=asked.ts)
    chatter = "lunch at noon, anyone?"
    await slack.here.post_message(slack.user("bob"), secret, chatter)
    await slack.drain()
    question, _offers = await rows(slack)
    assert (question.status, question.helper_user_id) == ("connected", dev)
    assert chatter not in str(await inbox(slack))
    await slack.emu.delete_message(dev, reply)
    await slack.drain()
    assert ANSWER not in str(await inbox(slack))


async def test_i_can_help_rebuilds_the_askers_home_tab(slack: SlackHarness) -> None:
    """The same rebuild for a press of *I can help*, which the thread's answer shares: Alice's
    tab, open before, lists her question with who helps and its Solved button (before, it
    kept what it showed until she opened it again)."""
    alice = slack.user("alice")
    await slack.emu.open_home(alice)
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    home = slack.emu.home_view(alice)
    assert home is not None and "is helping" in str(home.blocks)
    assert "question_solved" in str(home.blocks)
