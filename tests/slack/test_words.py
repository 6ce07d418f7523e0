"""Counts read right end to end: one colleague, one time, never "1 colleagues" (issue 12,
item 10)."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ephemeral_text, give

pytestmark = pytest.mark.database_independent


async def test_asking_one_colleague_says_colleague(slack: SlackHarness) -> None:
    """Only Carol knows Go, so the asker reads "I'm asking 1 colleague" (or, her working day
    over at the harness's hour, "I'll ask 1 colleague")."""
    await slack.command("carol", "/skills", "add go:4")
    await slack.settle()
    await slack.command("alice", "/ask", "who can help me with a go goroutine leak?")
    await slack.settle()
    said = [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    assert any("1 colleague privately" in text for text in said), said


async def test_one_kudos_reads_thanked_one_time(slack: SlackHarness) -> None:
    await give(slack, "alice", "@bob for the postgres upgrade #craft")
    await give(slack, "maria", "@bob")
    assert "was thanked 1 time in public" in ephemeral_text(slack, "maria")
