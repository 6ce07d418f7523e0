"""End-to-end fixtures: the real bot and the local Slack emulator, over real sockets."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.harness import Harness, running_bot


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[Harness]:
    """HTTP mode: signed requests to the bot's `/slack/events`, on the suite's database."""
    async with running_bot(tmp_path) as harness:
        yield harness


@pytest.fixture
async def slack_socket(tmp_path: Path) -> AsyncIterator[Harness]:
    """Socket Mode: the bot connects to the emulator's websocket and acks envelopes."""
    async with running_bot(tmp_path, socket_mode=True) as harness:
        yield harness


@pytest.fixture(params=["http", "socket_mode"])
async def slack_both(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Harness]:
    """HTTP mode, then Socket Mode: for what must hold over either."""
    async with running_bot(tmp_path, socket_mode=request.param == "socket_mode") as harness:
        yield harness


@pytest.fixture
async def slack_oauth(tmp_path: Path) -> AsyncIterator[Harness]:
    """OAuth mode: the bot knows no workspace until someone installs it there, through the
    emulator's authorize page (`Harness.install`)."""
    async with running_bot(tmp_path, oauth=True) as harness:
        yield harness
