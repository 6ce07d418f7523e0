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


async def test_solved_pressed_twice_still_says_nothing_more(slack: SlackHarness) -> None:
    """A question solved already is thanked for once; a second Solved, on a message whose
    update has not taken its button away yet, adds nothing."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await press(slack, "dev", "I can help")
    slack.emu.faults.add("chat.update", status=429, retry_after=60, times=None)  # updates late
    await press(slack, "alice", "Solved")
    before = told(slack)
    await press(slack, "alice", "Solved")
    assert await status(slack) == "solved"
    assert told(slack) == before
