"""Tier (b) fixtures: the bot in process, driven through the local Slack emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.harness import SlackHarness, bot_in_process


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The bot in this process, on the suite's database, with Slack's pace on a fake clock."""
    async with bot_in_process(tmp_path) as harness:
        yield harness
