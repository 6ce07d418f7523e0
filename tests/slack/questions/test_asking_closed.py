"""The thread's first message, "I'm asking 3 colleagues privately… I'll tell you as soon as
someone can help.", with its Solved and Withdraw buttons, said so in the present tense after
the question had closed. Once it closes, that message says how it ended, in the past."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.questions.policy import RoutingConfig
from slack_emulator import Message
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import QUESTION, ask, decline_everyone, offer_dm, rows


def asking_message(slack: SlackHarness, question: Message) -> Message:
    """The first of the bot's replies in the question's thread: who is asked, and why."""
    thread = slack.emu.messages(slack.channel("general"))
    return next(m for m in thread if m.thread_ts == question.ts and m.bot_id)


def updates_of(slack: SlackHarness, message: Message) -> int:
    return len([c for c in slack.emu.calls_to("chat.update") if c.args.get("ts") == message.ts])


async def test_a_solved_question_s_first_message_says_it_was_solved(slack: SlackHarness) -> None:
    asked = await ask(slack)
    first = asking_message(slack, asked)
    assert "I'm asking" in first.text and "question_solved" in str(first.blocks)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.drain()
    question, _ = await rows(slack)
    first = asking_message(slack, asked)
    shown = str(first.blocks)
    assert first.text.startswith("I asked") and "I'm asking" not in shown
    assert f"Question #{question.id} is solved" in shown
    assert "as soon as someone can help" not in shown
    assert "question_solved" not in shown and "question_withdraw" not in shown


async def test_a_withdrawn_question_s_first_message_says_so_once(slack: SlackHarness) -> None:
    """Withdrawn twice (the second refused) and the delivery run again: one update."""
    asked = await ask(slack)
    question, _ = await rows(slack)
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.drain()
    first = asking_message(slack, asked)
    shown = str(first.blocks)
    assert f"Question #{question.id} was withdrawn" in shown and "I'm asking" not in shown
    assert "question_solved" not in shown and "question_withdraw" not in shown
    assert updates_of(slack, first) == 1


async def test_an_unanswered_question_s_first_message_says_it_closed_without_a_helper(
    slack: SlackHarness,
) -> None:
    """Nobody could be found: the message says it closed without a helper (not that
    nobody could help, which a request that ran out unanswered does not tell), and keeps
    Solved alone, for an asker who found the answer elsewhere; pressed, the message says it
    is solved."""
    asked = await ask(slack)
    await decline_everyone(slack)
    await slack.drain()
    question, _ = await rows(slack)
    first = asking_message(slack, asked)
    shown = str(first.blocks)
    assert first.text.startswith("I asked") and "closed without a helper" in shown
    assert "nobody could help" not in shown
    assert "question_solved" in shown and "question_withdraw" not in shown
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.drain()
    shown = str(asking_message(slack, asked).blocks)
    assert f"Question #{question.id} is solved" in shown and "question_solved" not in shown


async def test_a_question_deleted_in_a_private_channel_is_said_withdrawn_in_the_dm(
    slack: SlackHarness,
) -> None:
    """Asked in the private #secret, the asker is told who is asked in their DM with the bot;
    their deleting the question withdraws it, and that DM says so instead of "I'm asking"."""
    secret = slack.channel("secret")
    slack.here.workspace.join(secret, slack.emu.bot_user_id)
    message = await slack.post("alice", "secret", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.drain()
    [asking] = [m for m in slack.emu.dm_messages(slack.user("alice")) if "I'm asking" in m.text]
    await slack.emu.delete_message(slack.user("alice"), message)
    await slack.drain()
    question, _ = await rows(slack)
    [now] = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.ts == asking.ts]
    assert question.status == "withdrawn"
    assert f"Question #{question.id} was withdrawn" in str(now.blocks)
    assert "question_withdraw" not in str(now.blocks)


async def test_while_someone_helps_the_first_message_says_who(slack: SlackHarness) -> None:
    """Dev pressed "I can help": the message said "I'll tell you as soon as someone can
    help" all the while. It names Dev and keeps Solved and Withdraw; pressed twice, one
    update. That update sent again after the question was solved leaves it solved."""
    asked = await ask(slack)
    first = asking_message(slack, asked)
    dev = slack.user("dev")
    await slack.emu.click(dev, "offer_accept", message=offer_dm(slack, "dev"))
    await slack.emu.click(dev, "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    question, _ = await rows(slack)
    shown = str(asking_message(slack, asked).blocks)
    assert f"Question #{question.id}: " in shown and "Dev Patel is helping you." in shown, shown
    assert "as soon as someone can help" not in shown and "I'm asking" not in shown
    assert "question_solved" in shown and "question_withdraw" in shown
    assert updates_of(slack, first) == 1
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.drain()
    solved = updates_of(slack, first)
    async with slack.services.sessions() as s, s.begin():
        await s.execute(
            update(OutboxItem)
            .where(OutboxItem.method == "question.asking_helper")
            .values(status="pending", next_attempt_at=slack.services.clock.now())
        )
    await slack.drain()
    shown = str(asking_message(slack, asked).blocks)
    assert f"Question #{question.id} is solved" in shown and "is helping" not in shown, shown
    assert "question_solved" not in shown
    assert updates_of(slack, first) == solved


@pytest.mark.postgres_too
async def test_a_helper_who_left_is_no_longer_said_to_help(slack: SlackHarness) -> None:
    """Dev, helping, leaves the workspace: the message goes back to who is being asked now
    (Maria, not asked before; not Bob, who was told Dev is on it)."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    asked = await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    assert "is helping you" in str(asking_message(slack, asked).blocks)
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await slack.drain()
    question, _ = await rows(slack)
    shown = str(asking_message(slack, asked).blocks)
    assert "is helping" not in shown, shown
    assert question.status == "open", question.status
    assert "I'm asking 1 colleague" in shown and "Maria Lopez" in shown, shown
    assert "Bob Chen" not in shown and "question_withdraw" in shown, shown


async def test_a_question_whose_requests_ran_out_says_who_was_asked_not_nobody_available(
    slack: SlackHarness,
) -> None:
    """Bob says *Not me*, and every other request runs out unanswered, round after round,
    until nobody is left to ask. The asker was told "I couldn't find anyone available": the
    bot had found colleagues and asked them. The message says how many it asked and what
    became of their requests."""
    asked = await ask(slack)
    await slack.emu.click(slack.user("bob"), "offer_decline", message=offer_dm(slack, "bob"))
    await slack.settle()
    scheduler = slack.runner.bot.scheduler
    for _ in range(72):  # an hour at a time, nights and weekends included
        question, offers = await rows(slack)
        if question.status != "open":
            break
        slack.services.clock.advance(timedelta(hours=1))
        await scheduler.run_once("escalate")
        await slack.settle()
    await slack.drain()
    question, offers = await rows(slack)
    assert question.status == "unanswered"
    expired = sum(o.status == "expired" for o in offers)
    assert expired >= 2 and sum(o.status == "declined" for o in offers) == 1
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == asked.ts]
    said = thread[-1].text
    assert "couldn't find anyone available" not in said, said
    assert (
        f"I asked {len(offers)} colleagues about question #{question.id}: {expired} didn't "
        "answer in time and 1 passed on it, and there is nobody else I can ask." in said
    ), said
