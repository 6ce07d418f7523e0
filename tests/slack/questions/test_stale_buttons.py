"""A button pressed on a message whose question has moved on since (Slack keeps showing an
ephemeral's buttons): the question stays as it is, and the person is told why, never
silence."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state?"


def told(slack: SlackHarness) -> int:
    alice = slack.user("alice")
    return len(slack.emu.ephemerals(alice)) + len(slack.emu.dm_messages(alice))


def thank_buttons(slack: SlackHarness) -> int:
    """The *Give kudos* buttons a solved question offered, wherever the bot posted them."""
    posted = [m for c in slack.emu.workspace.channels.values() for m in slack.emu.messages(c.id)]
    return sum(str(m.blocks).count("question_thank") for m in posted if m.bot_id)


async def press(slack: SlackHarness, handle: str, label: str) -> None:
    await slack.emu.click_button(slack.user(handle), label)
    await slack.settle()


async def status(slack: SlackHarness) -> str:
    async with slack.services.sessions() as s:
        [question] = (await s.scalars(select(Question))).all()
    return question.status


async def test_solved_pressed_after_withdrawing_says_it_was_withdrawn(slack: SlackHarness) -> None:
    """Solved on the same message as Withdraw, pressed after it, before the message's update
    took its buttons away: nothing happened, and nothing was said."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    slack.emu.faults.add("chat.update", status=429, retry_after=60, times=None)  # updates late
    await press(slack, "alice", "Withdraw")
    before = told(slack)
    await press(slack, "alice", "Solved")
    assert await status(slack) == "withdrawn"
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert said == "Question #1 is withdrawn already: there is nothing to mark solved."
    assert told(slack) == before + 1
    assert not [m for m in slack.emu.dm_messages(slack.user("alice")) if "thank" in m.text]


async def test_solved_pressed_again_says_by_whom_and_when_and_counts_once(
    slack: SlackHarness,
) -> None:
    """A question solved already is thanked for once; a second Solved, on a message whose
    update has not taken its button away yet (or a double click), said nothing, which read as
    a button that did not work. It says, to the presser alone, that it was marked solved
    already, by whom and when, and adds nothing: no second thanks, no second help counted."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await press(slack, "dev", "I can help")
    slack.emu.faults.add("chat.update", status=429, retry_after=60, times=None)  # updates late
    await press(slack, "alice", "Solved")
    before, thanks = told(slack), thank_buttons(slack)
    assert thanks == 1
    await press(slack, "alice", "Solved")
    assert await status(slack) == "solved"
    assert told(slack) == before + 1
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert said.startswith("Question #1 was marked solved already, by you, <!date^"), said
    await press(slack, "dev", "Solved")
    said = slack.emu.ephemerals(slack.user("dev"))[-1].text
    assert f"marked solved already, by <@{slack.user('alice')}>, " in said, said
    assert told(slack) == before + 1 and thank_buttons(slack) == thanks
