"""The questions tests' world: five colleagues, skills declared the normal way, and a clock
standing on a Tuesday morning."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.e2e.harness import Harness, PersonSpec

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
