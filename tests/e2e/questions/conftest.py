"""Question routing over real sockets, for what needs them (several replicas)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.harness import Harness, running_bot
from tests.slack.questions.world import PEOPLE, declare_skills


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[Harness]:
    """A bot whose clock stands on a Tuesday morning, with skills declared the normal way."""
    async with running_bot(tmp_path, people=PEOPLE) as harness:
        await declare_skills(harness)
        yield harness
