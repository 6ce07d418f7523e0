"""Privacy's attacks: the questions' world (five colleagues, skills declared the normal way,
a clock standing on a Tuesday morning)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.world import declared_world


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with declared_world(tmp_path) as harness:
        yield harness
