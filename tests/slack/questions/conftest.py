"""Question routing: people declare skills with `/skills`, then someone asks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.questions.world import PEOPLE, declare_skills


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """A bot whose clock stands on a Tuesday morning, with skills declared the normal way."""
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await declare_skills(harness)
        yield harness
