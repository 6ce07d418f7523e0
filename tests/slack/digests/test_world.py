"""The digest tests' week, given through real `/kudos` commands as people would, is the week
the other digest tests seed through the kudos service: the same ledger, entry for entry, and
the same digest for Maria."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from storage.models import Kudos
from tests.slack.digests.conftest import MONDAY_W48, company_in_process
from tests.slack.digests.world import blocks_text, digests, run_digests
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give


async def week_of(slack: SlackHarness) -> list[tuple[object, ...]]:
    """The ledger, without what only says how an entry came in (its keys and row id)."""
    async with slack.services.sessions() as s:
        rows = (await s.scalars(select(Kudos).order_by(Kudos.created_at, Kudos.id))).all()
    return [
        (
            k.team_id,
            k.giver_user_id,
            k.receiver_user_id,
            k.message,
            tuple(k.values),
            k.channel_id,
            k.is_private,
            k.source,
            k.created_at,
            k.undone_at,
        )
        for k in rows
    ]


async def test_the_week_given_through_kudos_is_the_week_the_tests_seed(tmp_path: Path) -> None:
    """Seven `/kudos` at their moments leave the ledger the seeded week has, and the same
    digest for Maria on Monday."""
    (tmp_path / "given").mkdir()
    (tmp_path / "seeded").mkdir()
    async with (
        company_in_process(tmp_path / "given", give) as given,
        company_in_process(tmp_path / "seeded") as seeded,
    ):
        assert len(await week_of(given)) == 7
        assert await week_of(given) == await week_of(seeded)
        for company in (given, seeded):
            company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
            await run_digests(company)
        [by_command] = digests(given, "maria")
        [by_service] = digests(seeded, "maria")
        assert "received 4 kudos in 2026-W47" in blocks_text(by_command.blocks)
        assert blocks_text(by_command.blocks) == blocks_text(by_service.blocks)
