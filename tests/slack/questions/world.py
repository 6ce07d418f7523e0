"""The questions tests' world: five colleagues, skills declared the normal way, and a clock
standing on a Tuesday morning."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from tests.e2e.harness import Harness, PersonSpec
from tests.slack.harness import SlackHarness, bot_on_world

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


async def declare_skills(harness: Harness) -> None:
    """Stop the clock on Tuesday morning; bob, dev and maria know terraform, carol go."""
    tuesday_morning(harness)
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


def tuesday_morning(harness: Harness) -> None:
    harness.services.clock.freeze(TUESDAY_10_UTC)


@asynccontextmanager
async def declared_world(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The bot on the questions' world, its skills declared through Slack
    (`tests.slack.harness.bot_on_world`: on SQLite once a process, each test on a copy)."""
    async with bot_on_world(
        tmp_path, "declared", declare_skills, tuesday_morning, people=PEOPLE
    ) as harness:
        yield harness
