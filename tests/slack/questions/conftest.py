"""Question routing: people declare skills with `/skills`, then someone asks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.world import declared_world


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """A bot whose clock stands on a Tuesday morning, with skills declared the normal way."""
    async with declared_world(tmp_path) as harness:
        yield harness
