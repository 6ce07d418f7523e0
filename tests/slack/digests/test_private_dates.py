"""A private kudos is known to its giver and receiver alone: a manager's digest counts it in
the team's totals, but ties it to no one, by name or by date. The "no kudos" list is of
kudos in public, as "Gave the most kudos" is of kudos given in public."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from storage.models import Person
from tests.slack.digests.conftest import MONDAY_W48, PEOPLE, give_directly, helped, org_chart
from tests.slack.digests.test_truthful import part
from tests.slack.digests.world import blocks_text, digests, run_digests
from tests.slack.harness import SlackHarness, bot_in_process


@pytest.fixture
async def company(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await org_chart(harness, installed=datetime(2026, 6, 1, tzinfo=UTC))
        yield harness


async def test_the_digest_dates_no_private_kudos(company: SlackHarness) -> None:
    """Erin's only kudos was given in #secret on 10 Sep, Carol's last one there too, after a
    public one on 05 Aug: Bob's W47 digest lists both without quiet kudos in 8 weeks, and
    gives the date of the public one alone, never 10 Sep."""
    clock = company.services.clock
    clock.freeze(datetime(2026, 8, 5, 10, tzinfo=UTC))
    await give_directly(company, "alice", "@carol for the capacity review #teamwork")
    clock.freeze(datetime(2026, 9, 10, 10, tzinfo=UTC))
    await give_directly(company, "bob", "@erin @carol for keeping the rotation quiet", "secret")
    clock.freeze(MONDAY_W48 + timedelta(hours=9, minutes=3))
    await run_digests(company)
    said = "\n".join(blocks_text(m.blocks) for m in digests(company, "bob", "2026-W47"))
    assert "10 Sep" not in said, said
    quiet = part(said, "No kudos in public from 28 Sep to 22 Nov 2026")
    assert "Carol Diaz (last in public: 05 Aug 2026)" in quiet, said
    assert "Erin Quist (none in public from 01 Jun 2026 to 22 Nov 2026)" in quiet, said


async def test_a_helper_thanked_in_private_alone_is_unsung_in_public(company: SlackHarness) -> None:
    """Erin took on a question in W47 and was thanked for it in #secret alone: left out of
    "Unsung helpers" she read as thanked, and Bob, who saw no kudos of hers, learnt that she
    had been sent a private one in those 4 weeks."""
    clock = company.services.clock
    clock.freeze(datetime(2026, 11, 17, 10, tzinfo=UTC))
    await helped(company, "erin", "solved", datetime(2026, 11, 17, 10, tzinfo=UTC))
    await give_directly(company, "carol", "@erin for the vault token", "secret")
    clock.freeze(MONDAY_W48 + timedelta(hours=9, minutes=3))
    await run_digests(company)
    said = "\n".join(blocks_text(m.blocks) for m in digests(company, "bob", "2026-W47"))
    assert "Erin Quist" in part(said, "Unsung helpers (helped, no kudos in public in 4 weeks)")
    assert "received 1 kudos in 2026-W47" in said, said  # the private one, counted


async def test_who_left_after_a_private_kudos_is_not_named_for_it(company: SlackHarness) -> None:
    """Erin was thanked in #secret on W47's Tuesday and left on Wednesday: the week still
    counts her kudos, but naming her in Bob's team of that week (she left, and did nothing
    else in it) told him she had received a private one then."""
    clock = company.services.clock
    clock.freeze(datetime(2026, 11, 17, 10, tzinfo=UTC))
    await give_directly(company, "carol", "@erin for the vault token", "secret")
    async with company.services.sessions() as s, s.begin():
        await s.execute(
            update(Person)
            .where(Person.team_id == company.team_id, Person.user_id == company.user("erin"))
            .values(deactivated=True)
        )
    clock.freeze(MONDAY_W48 + timedelta(hours=9, minutes=3))
    await run_digests(company)
    said = "\n".join(blocks_text(m.blocks) for m in digests(company, "bob", "2026-W47"))
    assert "Erin" not in said, said
    assert "received 1 kudos in 2026-W47" in said, said
