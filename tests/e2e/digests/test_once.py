"""Exactly once, in the database: a replica that died mid-send neither loses nor duplicates a
digest, and two replicas running the job at the same moment send each digest once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.app import build
from bot.digests.weeks import IsoWeek
from handlers.digest_blocks import digest_metadata, render_digest
from tests.e2e.digests.conftest import MONDAY_W48
from tests.e2e.digests.world import charts, digests, run_digests, sent_to
from tests.e2e.harness import Harness

W47 = IsoWeek(2026, 47)
MARIA_DUE = MONDAY_W48 + timedelta(hours=8, minutes=1)


async def test_a_claim_left_by_a_dead_replica_is_taken_over_once_stale(company: Harness) -> None:
    """A replica claimed Maria's digest and died before sending: nobody sends it while the
    claim is fresh; once it is older than the stale window, the next run sends it, once."""
    digests_service, clock = company.services.digests, company.services.clock
    clock.freeze(MARIA_DUE)
    assert await digests_service.claim(company.team_id, company.user("maria"), W47) is not None
    await run_digests(company)
    assert "maria" not in sent_to(company) and "hana" in sent_to(company)
    clock.advance(digests_service.stale_after - timedelta(seconds=1))
    await run_digests(company)
    assert "maria" not in sent_to(company)
    clock.advance(timedelta(seconds=2))
    await run_digests(company)
    await run_digests(company)
    assert sent_to(company)["maria"] == 1 and len(charts(company, "maria")) == 1


async def test_a_replica_that_died_after_posting_is_not_posted_again(company: Harness) -> None:
    """The dead replica had posted the DM (with its marker) but recorded nothing after the
    claim; the replica taking over finds the marker, posts no second digest, adds the chart."""
    digests_service, clock = company.services.digests, company.services.clock
    clock.freeze(MARIA_DUE)
    maria = company.user("maria")
    assert await digests_service.claim(company.team_id, maria, W47) is not None
    summary = await digests_service.summary(company.team_id, maria, W47)
    client = company.runner.bot.app.client
    dm = (await client.conversations_open(users=maria))["channel"]["id"]
    await client.chat_postMessage(
        channel=dm, metadata=digest_metadata(company.team_id, maria, W47.label),
        **render_digest(summary),
    )  # fmt: skip
    clock.advance(digests_service.stale_after + timedelta(seconds=1))
    await run_digests(company)
    assert len(digests(company, "maria", W47.label)) == 1
    assert len(charts(company, "maria")) == 1
    clock.advance(digests_service.stale_after * 2)
    await run_digests(company)
    assert len(digests(company, "maria", W47.label)) == 1 and len(charts(company, "maria")) == 1


async def test_two_replicas_running_at_once_send_each_digest_once(company: Harness) -> None:
    """A second bot on the same database and Slack runs the job at the same moment as the
    first: every manager still gets one digest and one chart."""
    other = build(company.runner.settings)
    try:
        for bot in (company.runner.bot, other):
            bot.services.clock.freeze(MONDAY_W48 + timedelta(hours=10))
        await asyncio.gather(
            company.runner.bot.scheduler.run_once("digests"), other.scheduler.run_once("digests")
        )
        await company.settle()
    finally:
        await other.close()
    assert sent_to(company, week=None) == {"hana": 1, "maria": 1, "bob": 1}
    assert {h: len(charts(company, h)) for h in ("hana", "maria", "bob")} == {
        "hana": 1,
        "maria": 1,
        "bob": 1,
    }
