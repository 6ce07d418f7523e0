"""Privacy's attacks: a company of several teams (the questions' world), nobody's skills
declared yet."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.questions.world import PEOPLE


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        yield harness
