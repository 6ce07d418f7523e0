"""The demo starts by skipping what is due (`DigestService.skip_due`): the digests and the
roundup of the week before are recorded as sent without being drawn or posted, and the next
week's go out as ever."""

from __future__ import annotations

from datetime import timedelta

from tests.slack.digests.conftest import MONDAY_W48
from tests.slack.digests.world import charts, digest_week, digests, roundups, run_digests, sent_to
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure


async def test_skipped_digests_are_never_sent_and_the_next_weeks_are(
    company: SlackHarness,
) -> None:
    """W47's three digests and its roundup are skipped on the Wednesday: the job then sends
    none of them, and nothing is drawn; the next Monday brings W48's to each manager, and
    its roundup."""
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=2))
    assert await company.services.digests.skip_due(company.team_id) == 4
    assert await company.services.digests.skip_due(company.team_id) == 0
    await run_digests(company)
    assert sent_to(company, None) == {}
    assert roundups(company, "general") == [] and charts(company, "maria") == []
    assert not company.emu.calls_to("files.completeUploadExternal")
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=7, hours=10))
    await run_digests(company)
    assert sent_to(company, None) == {"hana": 1, "maria": 1, "bob": 1}
    assert [digest_week(m) for m in digests(company, "maria")] == ["2026-W48"]
    assert len(roundups(company, "general", "2026-W48")) == 1
    assert len(charts(company, "maria")) == 1
