"""An expert's Home tab lists the questions they are helping with now, each linked to where
they were introduced, beside the requests waiting for them (docs/testing-log.md, "The asker's and
expert's leftovers")."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from slack_emulator import View
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_expert_walk import QUESTION
from tests.slack.questions.world import declared_world
from tests.slack.settings.world import home_of

HEADING = "You're helping with"


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with declared_world(tmp_path) as harness:
        yield harness


def helping_on(home: View | None) -> list[dict[str, Any]]:
    """The Home tab's blocks under "You're helping with", up to the next divider."""
    blocks = home.blocks if home is not None else []
    heads = [i for i, b in enumerate(blocks) if b.get("text", {}).get("text") == HEADING]
    if not heads:
        return []
    rest = blocks[heads[0] + 1 :]
    end = next((i for i, b in enumerate(rest) if b["type"] == "divider"), len(rest))
    return rest[:end]


@pytest.mark.postgres_too  # reaches `storage.questions.helping_with`
async def test_the_home_tab_lists_the_question_being_helped_with_and_where(
    slack: SlackHarness,
) -> None:
    """Dev pressed *I can help* on Alice's question: his request left his Home tab, and the
    tab said nothing of the question he was now helping with, nor where to find it. It lists
    it, whose it is and its words, linked to the thread where they were introduced; Bob, who
    was asked too, sees nothing of it there."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("dev"), "I can help")
    await slack.settle()
    said = str(helping_on(await home_of(slack, "dev")))
    assert f"<@{slack.user('alice')}>'s question #1" in said and QUESTION in said, said
    assert "|Where you were introduced>" in said, said
    assert helping_on(await home_of(slack, "bob")) == []
    assert helping_on(await home_of(slack, "alice")) == []


async def test_a_private_question_links_to_the_group_dm(slack: SlackHarness) -> None:
    """Asked in the bot's DM and agreed to, the question is connected in a group DM of Alice
    and Dev: that is where the tab links, the question's words on Dev's tab alone."""
    await slack.dm_bot("alice", QUESTION)
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    await slack.emu.click_button(slack.user("dev"), "I can help")
    await slack.settle()
    said = str(helping_on(await home_of(slack, "dev")))
    assert QUESTION in said and "|Where you were introduced>" in said, said


async def test_a_solved_question_leaves_the_helpers_tab_at_once(slack: SlackHarness) -> None:
    """Alice marks it solved: Dev's tab, published again without his opening it, no longer
    lists it."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("dev"), "I can help")
    await slack.settle()
    assert helping_on(await home_of(slack, "dev"))
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.drain()
    assert helping_on(slack.emu.home_view(slack.user("dev"))) == []
