"""Asking again what you are still asking asks nobody twice (README), however many questions
you have open: the repeat is looked for among all of them, not the newest 20 that `/ask mine`
lists."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from bot.questions.policy import Limits
from storage.models import Question
from tests.slack.harness import SlackHarness

OPEN = 21


def _ask(n: int) -> str:
    """A word of its own for each question: the same words twice are the same question."""
    word = "buck" + "abcdefghijklmnopqrstuvwxyz"[n] * 3
    return f"who can review my terraform module for the {word} bucket?"


async def test_a_repeat_of_the_oldest_of_many_open_questions_is_recognised(
    slack: SlackHarness,
) -> None:
    # Colleagues free to be asked each time, so every question stays open.
    config = slack.services.questions.config
    slack.services.questions.config = replace(config, limits=Limits(max_open_offers=100))
    for n in range(OPEN):  # one at a time: question #1 is the first asked
        await slack.command("alice", "/ask", _ask(n))
        await slack.settle()
    await slack.command("alice", "/ask", _ask(0))
    await slack.settle()
    told = [e.text for e in slack.emu.ephemerals(slack.user("alice"))]
    already = "You asked this already: question #1 is still being asked."
    assert [t for t in told if t.startswith(already)], told
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Question)) == OPEN
