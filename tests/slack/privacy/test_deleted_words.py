"""A message deleted or edited (a question's, or any the bot hears): its words are in no table
once that is handled.

Before 6 December the questions table was blanked at once, but the inbox of requests kept
the words for the day every handled request is kept: the event that asked it, each
`message_changed` (its `previous_message`) and the `message_deleted` (its own). Each inbox
entry now says which message it carries (migration 0027), and a deletion empties every entry
of that message; an edit, those done and its own (`handlers.dispatch.inbox.forget_message`)."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import QUESTION
from tests.slack.test_forgotten_everywhere import everywhere

pytestmark = pytest.mark.postgres_too
SECRET = "hunter2zebra"


async def test_a_deleted_questions_words_are_in_no_table(slack: SlackHarness) -> None:
    """Carol asks in #general with a password in it, Dev is asked, Carol deletes it."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}")
    await slack.settle()
    assert [table for table, *_ in await everywhere(slack, (SECRET,))] == ["inbox", "questions"]
    await slack.here.delete_message(slack.user("carol"), asked)
    await slack.settle()
    assert await everywhere(slack, (SECRET,)) == []


async def test_a_deleted_dm_questions_words_are_in_no_table(slack: SlackHarness) -> None:
    """The same asked in a DM to the bot, deleted while it waits for her consent."""
    asked = await slack.dm_bot("alice", f"{QUESTION} token {SECRET}")
    await slack.settle()
    assert await everywhere(slack, (SECRET,))
    await slack.here.delete_message(slack.user("alice"), asked)
    await slack.settle()
    assert await everywhere(slack, (SECRET,)) == []


async def test_words_edited_out_of_a_question_are_in_no_table(slack: SlackHarness) -> None:
    """Carol edits the password out, and edits it again: neither edit's old words, nor the
    asking event's, are kept."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}")
    await slack.settle()
    edited, _ = await slack.here.edit_message(
        slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION} pw {SECRET}2")
    )
    await slack.settle()
    await slack.here.edit_message(slack.user("carol"), edited, slack.escape(f"{bot} {QUESTION}"))
    await slack.settle()
    assert await everywhere(slack, (SECRET,)) == []


async def test_a_deleted_messages_words_are_in_no_table(slack: SlackHarness) -> None:
    """Carol pastes a password in #general by mistake, no question, and deletes it. Every
    message of a public channel the bot is in is stored in the inbox before it is looked at
    (a question? a watched channel?), and was kept there the day a handled request is, its
    deletion changing nothing: only a question's or a quoted message's were emptied."""
    said = await slack.post("carol", "general", f"oops, the prod password is {SECRET}")
    await slack.settle()
    await slack.here.delete_message(slack.user("carol"), said)
    await slack.settle()
    assert await everywhere(slack, (SECRET,)) == []


async def test_words_edited_out_of_a_message_are_in_no_table(slack: SlackHarness) -> None:
    """The same, edited out rather than deleted."""
    said = await slack.post("carol", "general", f"oops, the prod password is {SECRET}")
    await slack.settle()
    await slack.here.edit_message(slack.user("carol"), said, "oops, wrong window")
    await slack.settle()
    assert await everywhere(slack, (SECRET,)) == []
