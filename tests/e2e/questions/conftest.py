"""Question routing end to end: people declare skills with `/skills`, then someone asks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.harness import Harness, PersonSpec, running_bot

TUESDAY_10_UTC = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
PEOPLE = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("carol", "Carol Diaz", "Europe/Madrid"),
    PersonSpec("maria", "Maria Lopez", "Europe/Madrid"),
    PersonSpec("dev", "Dev Patel", "Europe/Berlin"),
    PersonSpec("dave", "Dave Gone", deleted=True),
    PersonSpec("helperbot", "Helper Bot", is_bot=True),
)


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[Harness]:
    """A bot whose clock stands on a Tuesday morning, with skills declared the normal way."""
    async with running_bot(tmp_path, people=PEOPLE) as harness:
        harness.services.clock.freeze(TUESDAY_10_UTC)
        for handle, skills in (
            ("bob", "terraform:4, postgres:3"),
            ("dev", "terraform:5"),
            ("maria", "terraform:2"),
            ("carol", "go:4"),
        ):
            delivery = await harness.command(handle, "/skills", f"add {skills}")
            assert delivery.ok
        await harness.settle()
        harness.services.indexes.invalidate(harness.team_id)
        yield harness
