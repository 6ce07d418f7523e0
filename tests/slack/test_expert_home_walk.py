"""An expert's second walk-through: what a colleague asked to help stumbled on, having read
only the README, in their DM and on their Home tab (docs/testing-log.md, "An expert's second
walk-through")."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_expert_walk import QUESTION, request_of
from tests.slack.questions.world import declared_world


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with declared_world(tmp_path) as harness:
        yield harness


async def test_a_suggested_colleagues_request_says_who_suggested_them_once(
    slack: SlackHarness,
) -> None:
    """Bob suggests Carol: her request opened "…you might help with (someone thought of
    you):" and said under it "Why you: suggested by @Bob", the suggestion said twice. It
    says it once, naming who."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await slack.emu.pick(slack.user("bob"), "Suggest someone", slack.user("carol"))
    await slack.settle()
    said = request_of(slack, "carol")
    assert f"Why you: suggested by <@{slack.user('bob')}>" in said, said
    assert "someone thought of you" not in said, said
    # Once in the blocks, once in the notification's text, which shows no blocks.
    assert said.lower().count("suggested") == 2, said


@pytest.mark.parametrize("command", ["away until friday", "optout"])
async def test_going_away_with_requests_waiting_says_they_still_wait(
    slack: SlackHarness, command: str
) -> None:
    """Dev has a request in his DM and goes away (or opts out): he read "nobody will be
    asked to reach you before then" and nothing of the request already sent, which still
    waits for his answer until it runs out, the asker with it. He is told it waits, that
    *Not me* passes it on now, and that his Home tab lists it."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await slack.command("dev", "/skills", command)
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("dev"))[-1].text
    assert "1 request I sent you still waits for your answer" in said, said
    assert "*Not me* passes it on now" in said and "Home tab" in said, said


async def test_going_away_with_nothing_waiting_says_nothing_of_requests(
    slack: SlackHarness,
) -> None:
    """Carol, asked nothing, goes away: her answer says nothing of requests."""
    await slack.command("carol", "/skills", "away until friday")
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("carol"))[-1].text
    assert "nobody will be asked to reach you" in said and "request" not in said, said
