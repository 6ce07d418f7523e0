"""Settings tests: the usual people plus hana, a Slack workspace admin (as in the demo)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.harness import DEFAULT_PEOPLE, PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process

PEOPLE = (*DEFAULT_PEOPLE, PersonSpec("hana", "Hana Okafor", "Europe/London"))


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        harness.emu.workspace.user(harness.user("hana")).is_admin = True
        yield harness
