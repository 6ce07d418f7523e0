"""Colleagues in Madrid, Kathmandu, Tokyo, Los Angeles, the Chatham Islands, São Paulo and
Tel Aviv, one with no time zone in Slack and one in UTC: what they type about time is read in
their own zone, and what askaround says of time is each reader's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.harness import PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process

PEOPLE = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("maria", "María Núñez", "Europe/Madrid"),
    PersonSpec("sita", "सीता शर्मा", "Asia/Kathmandu"),
    PersonSpec("kenji", "佐藤 健二", "Asia/Tokyo"),
    PersonSpec("lee", "Lee Park", "America/Los_Angeles"),
    PersonSpec("tama", "Tama Tuuta", "Pacific/Chatham"),
    PersonSpec("joao", "João Conceição", "America/Sao_Paulo"),
    PersonSpec("noa", "נועה כהן", "Asia/Jerusalem"),
    PersonSpec("uma", "Uma Tee", "UTC"),
)
# Monday 7 December 2026, 07:30 UTC: 23:30 on Sunday in Los Angeles, 20:15 in the Chatham
# Islands, 08:30 in Madrid.
MONDAY = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        harness.services.clock.freeze(MONDAY)
        yield harness


async def skills(slack: SlackHarness, handle: str, text: str) -> str:
    await slack.command(handle, "/skills", text)
    await slack.settle()
    return slack.emu.ephemerals(slack.user(handle))[-1].text


@pytest.mark.parametrize("typed", ["away until 9am", "away till 14:30", "away for 2 hours"])
async def test_away_for_a_few_hours_is_told_away_counts_in_days(
    slack: SlackHarness, typed: str
) -> None:
    """Lee, at 23:30 on Sunday in Los Angeles, types `/skills away until 9am`: he was told
    "I can't tell until when" it is and offered `until tomorrow`, which would keep questions
    from him all Monday. The reply says away counts in whole days and that nobody is asked
    outside his working hours anyway; he is not set away."""
    said = await skills(slack, "lee", typed)
    assert "Away counts in whole days" in said, said
    assert "Nobody is asked outside your working hours" in said, said
    assert "can't tell" not in said, said
    assert "away" not in await skills(slack, "lee", "me")
