"""A replica's routing copy catching up with many people's changes (an import's, a merge's)
lets the bot answer Slack meanwhile: it applies them a slice at a time, yielding to the event
loop between slices (`bot.questions.indexes.SLICE_SECONDS`). It applied them in one stretch,
holding every request the replica was answering until it was done (docs/routing.md)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import select

from bot.routing.engine import RoutingIndex
from storage import evidence, people, routing_changes
from storage.models import Person
from tests.slack.harness import SlackHarness

MANY = 3000
BULK = [f"UBULK{n:05d}" for n in range(MANY)]
AT = datetime(2026, 1, 5, tzinfo=UTC)


def caught_up(index: RoutingIndex) -> int:
    """How many of the bulk people the copy holds at their new level."""
    return sum(index.evidence.level(user_id, "cobol") == 5 for user_id in BULK)


async def declare_cobol(slack: SlackHarness, level: int, *, counted: bool) -> None:
    """Every bulk person declares COBOL at `level` (counted for routing, as an import does)."""
    async with slack.services.sessions() as s, s.begin():
        await evidence.declare_skills(
            s, slack.team_id, {user_id: {"cobol": level} for user_id in BULK}, at=AT
        )
        if counted:
            ids = await s.scalars(
                select(Person.id).where(Person.team_id == slack.team_id, Person.user_id.in_(BULK))
            )
            await routing_changes.skills_changed(s, slack.team_id, list(ids))


async def test_a_command_during_a_large_catch_up_is_acked_while_it_runs(
    slack: SlackHarness,
) -> None:
    """3,000 people's COBOL level changes; Alice's question starts the copy's catch-up, which
    lets another task run part way through (before, it held the loop to its end: that task
    saw its people all caught up, or none), and Bob's `/skills` typed meanwhile is acked.
    A question arriving meanwhile is routed on the copy caught up."""
    async with slack.services.sessions() as s, s.begin():
        await people.upsert_profiles(
            s,
            slack.team_id,
            [{"user_id": u, "name": u.lower(), "real_name": u.title()} for u in BULK],
        )
    await declare_cobol(slack, 3, counted=False)
    index = await slack.services.indexes.get(slack.team_id)
    assert caught_up(index) == 0
    await declare_cobol(slack, 5, counted=True)

    asked = asyncio.create_task(slack.command("alice", "/ask", "how do we import terraform state?"))

    async def begun() -> int:
        while not (seen := caught_up(index)):  # noqa: ASYNC110 - no event to wait on
            await asyncio.sleep(0)
        return seen

    # What another task saw the first time it ran once the catch-up had begun: part way, so
    # the loop was free while the catch-up went on (in one stretch it saw none, then all).
    # How far it gets during a command's round trip depends on the host's load.
    seen = await asyncio.wait_for(begun(), timeout=60)  # a hang guard, not a measure
    assert 0 < seen < MANY, seen
    acked = await slack.command("bob", "/skills")
    assert acked.ok, acked
    await asked
    await slack.settle()
    assert caught_up(index) == MANY
    assert await slack.services.indexes.get(slack.team_id) is index  # in place, not rebuilt
