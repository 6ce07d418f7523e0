"""The Home tab's open questions point to `/ask mine` for the rest: only for what `/ask mine`
shows (its first MINE_SHOWN), never for questions it also leaves out."""

from __future__ import annotations

from dataclasses import replace

from bot.questions.policy import Limits
from handlers.blocks.home import QUESTIONS_ON_HOME
from handlers.blocks.questions import MINE_SHOWN
from tests.slack.harness import SlackHarness
from tests.slack.settings.world import home_of, text_of


def _word(n: int) -> str:
    """A word of its own for each question: the same words twice are the same question."""
    return "buck" + "abcdefghijklmnopqrstuvwxyz"[n] * 3


async def test_home_sends_to_ask_mine_only_the_questions_it_lists(slack: SlackHarness) -> None:
    asked = MINE_SHOWN + 3
    # Colleagues free to be asked each time, so every question stays open.
    config = slack.services.questions.config
    slack.services.questions.config = replace(config, limits=Limits(max_open_offers=100))
    for n in range(asked):
        await slack.command(
            "alice", "/ask", f"who can review my terraform module for the {_word(n)} bucket?"
        )
    await slack.settle()
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    mine = slack.emu.ephemerals(slack.user("alice"))[-1]
    assert "…and 3 more." in str(mine.blocks)  # it listed the newest MINE_SHOWN alone
    home = text_of(await home_of(slack, "alice"))
    more, in_mine = asked - QUESTIONS_ON_HOME, MINE_SHOWN - QUESTIONS_ON_HOME
    assert f"…and {more} more (`/ask mine` lists {in_mine} of them)." in home, home
