"""The directory sync and the routing index: a sync that changed nobody routing reads leaves
the index as it is, and one that did applies the people it changed in place (a leaver out of
the pool, a joiner in), where it dropped the index and the next question waited for a whole
rebuild (30-50 s of CPU at 100,000 people)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import update

from storage.models import Workspace
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.questions.test_solved_first import QUESTION
from tests.slack.questions.world import PEOPLE, declare_skills
from tests.slack.test_directory_leavers import carol_asks, pending


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await declare_skills(harness)
        yield harness


@pytest.mark.postgres_too
async def test_a_sync_that_changed_nobody_keeps_the_index(slack: SlackHarness) -> None:
    """Nobody joined, left or was renamed since the last sync: the daily sync and the
    start-up catch-up leave the index Carol's question was routed on as it is, and the next
    question is routed on it, not on one built again."""
    await slack.runner.bot.scheduler.run_once("directory_sync")  # Dave, gone, stored
    await carol_asks(slack)
    indexes = slack.services.indexes
    index, builds = await indexes.get(slack.team_id), indexes.builds

    await slack.runner.bot.scheduler.run_once("directory_sync")
    async with slack.services.sessions() as s, s.begin():
        await s.execute(update(Workspace).values(directory_synced_at=None))  # due again
    assert await slack.runner.bot.scheduler.run_once("directory_catch_up") == [True]

    assert await indexes.get(slack.team_id) is index
    assert indexes.builds == builds


@pytest.mark.postgres_too
async def test_a_leaver_the_sync_found_is_asked_nothing_without_a_rebuild(
    slack: SlackHarness,
) -> None:
    """Dev, who knows terraform best, is erased from Slack and Erin joins: nothing tells the
    bot until the daily sync. The index is kept and changed in place: Dev leaves its pool
    (the next terraform question asks Bob and Maria, never Dev), Erin joins it, and no
    question waited for the index to be built again."""
    dev = slack.user("dev")
    await carol_asks(slack)
    indexes = slack.services.indexes
    index, builds = await indexes.get(slack.team_id), indexes.builds
    await slack.emu.remove_user(dev)
    erin = slack.here.workspace.add_user("erin", real_name="Erin Novak").id

    await slack.runner.bot.scheduler.run_once("directory_sync")
    await slack.drain()
    assert dev not in await pending(slack)

    assert await indexes.get(slack.team_id) is index
    assert dev not in index.people and index.people.get(erin) == "Erin Novak"
    assert dev not in {s.user_id for s in index.suggest(QUESTION, slack.user("alice"))}
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    asked = await pending(slack)
    assert dev not in asked and {slack.user("bob"), slack.user("maria")} <= asked, asked
    assert indexes.builds == builds
