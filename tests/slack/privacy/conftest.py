"""Privacy's attacks: the questions' world (five colleagues, skills declared the normal way,
a clock standing on a Tuesday morning)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.questions.world import PEOPLE, declare_skills


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await declare_skills(harness)
        yield harness
