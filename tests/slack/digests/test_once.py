"""Exactly once, through the outbox: a digest whose post or chart upload Slack made but whose
answer was lost is not posted or uploaded again, a job run while a digest still waits queues
nothing more, and two replicas running the job at the same moment queue each digest once."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, select

from bot.digests.tell import digest_key
from bot.digests.weeks import IsoWeek
from bot.runtime.app import build
from storage.models import DigestRun, OutboxItem
from tests.slack.digests.conftest import MONDAY_W48
from tests.slack.digests.world import charts, digests, roundups, run_digests, sent_to
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure

# Two replicas race for one digest; only PostgreSQL lets their workers run at once.
pytestmark = pytest.mark.postgres_too

W47 = IsoWeek(2026, 47)
MARIA_DUE = MONDAY_W48 + timedelta(hours=8, minutes=1)  # Hana's (Tokyo) is due too


async def digest_rows(slack: SlackHarness) -> list[OutboxItem]:
    async with slack.services.sessions() as s:
        query = select(OutboxItem).where(OutboxItem.method.like("digest.%"))
        return list(await s.scalars(query.order_by(OutboxItem.id)))


async def test_a_digest_posted_but_answered_500_is_not_posted_again(company: SlackHarness) -> None:
    """Slack posts the first digest but answers 500: the outbox tries again, finds the DM it
    posted by its delivery mark, and goes on to the chart; each manager has one digest."""
    company.services.clock.freeze(MARIA_DUE)
    company.emu.faults.add("chat.postMessage", status=500, times=1, applied=True)
    assert await run_digests(company) == 2
    [lost] = [c for c in company.emu.calls_to("chat.postMessage") if not c.ok]
    assert sent_to(company) == {"hana": 1, "maria": 1}
    assert len(charts(company, "hana")) == len(charts(company, "maria")) == 1
    rows = await digest_rows(company)
    assert [(r.status, r.attempts) for r in rows if r.attempts > 1] == [("sent", 2)]
    manager = next(r for r in rows if r.attempts == 2).payload["manager"]
    [message] = digests(company, next(h for h in ("hana", "maria") if company.user(h) == manager))
    assert lost.args["channel"] == message.channel
    async with company.services.sessions() as s:
        run = await s.get(DigestRun, (company.team_id, manager, W47.label))
    assert run is not None and run.message_ts == message.ts and run.sent_at is not None


async def test_a_chart_uploaded_but_answered_500_is_not_uploaded_again(
    company: SlackHarness,
) -> None:
    """The upload's last step takes effect but its answer is lost: the retry sees the chart
    in the DM after the digest and uploads nothing more; the digest is not posted again."""
    company.services.clock.freeze(MARIA_DUE)
    company.emu.faults.add("files.completeUploadExternal", status=500, times=1, applied=True)
    await run_digests(company)
    assert [c.ok for c in company.emu.calls_to("files.completeUploadExternal")] == [False, True]
    assert sent_to(company) == {"hana": 1, "maria": 1}
    assert len(charts(company, "hana")) == len(charts(company, "maria")) == 1


@pytest.mark.parametrize("refusal", ["unknown_method", "missing_scope"])
async def test_a_slack_that_shows_no_history_still_gets_each_chart_once(
    company: SlackHarness, refusal: str
) -> None:
    """Where Slack will not show the DM (no conversations.history, a missing scope), nobody
    can tell whether an earlier attempt shared the chart: it is shared, rather than the
    digest failing every attempt for good."""
    company.services.clock.freeze(MARIA_DUE)
    company.emu.faults.add("conversations.history", times=None, error=refusal)
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1}
    assert len(charts(company, "hana")) == len(charts(company, "maria")) == 1
    assert sorted(r.status for r in await digest_rows(company)) == ["sent", "sent"]


async def test_running_the_job_while_a_digest_waits_queues_nothing_more(
    company: SlackHarness,
) -> None:
    """A 429 keeps Maria's digest waiting 30 s: the job running meanwhile queues nothing (the
    outbox key is taken), and once Retry-After has passed she gets one digest."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8))  # Madrid's 09:00
    company.emu.faults.add("chat.postMessage", status=429, retry_after=30, times=1)
    bot = company.runner.bot
    assert await bot.scheduler.run_once("digests") == 2  # Hana's and Maria's
    await company.settle()  # one of them is back in the outbox, due in 30 s
    assert sorted(r.status for r in await digest_rows(company)) == ["pending", "sent"]
    assert await bot.scheduler.run_once("digests") == 0
    await company.drain()
    assert sent_to(company) == {"hana": 1, "maria": 1}
    rows = await digest_rows(company)
    assert [r.status for r in rows] == ["sent", "sent"]
    assert sorted(r.attempts for r in rows) == [1, 2]


async def test_two_replicas_running_at_once_send_each_digest_once(company: SlackHarness) -> None:
    """A second bot on the same database and Slack runs the job at the same moment as the
    first (on PostgreSQL its outbox worker sends too): one delivery, one digest and one chart
    per manager."""
    other = build(company.runner.settings)
    try:
        for bot in (company.runner.bot, other):
            bot.services.clock.freeze(MONDAY_W48 + timedelta(hours=10))
        if other.services.engine.dialect.name == "postgresql":
            other.outbox.start()  # SQLite deployments run one worker
        queued = await asyncio.gather(
            company.runner.bot.scheduler.run_once("digests"), other.scheduler.run_once("digests")
        )
        await company.drain()
    finally:
        await other.close()
    assert sum(queued) == 3  # type: ignore[arg-type]
    assert sent_to(company, week=None) == {"hana": 1, "maria": 1, "bob": 1}
    assert {h: len(charts(company, h)) for h in ("hana", "maria", "bob")} == {
        "hana": 1,
        "maria": 1,
        "bob": 1,
    }
    keys = {digest_key(company.team_id, company.user(h), W47) for h in ("hana", "maria", "bob")}
    rows = await digest_rows(company)
    assert {r.dedupe_key for r in rows} == keys and len(rows) == 3
    assert {(r.status, r.attempts) for r in rows} == {("sent", 1)}


async def test_the_digests_and_the_roundup_are_outbox_deliveries_sent_once(
    company: SlackHarness,
) -> None:
    """After Monday's run every digest and the roundup are rows of the outbox, sent; their
    runs in `digest_runs` are sent too, and another run adds no row."""
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=10))
    await run_digests(company)
    await run_digests(company)
    rows = await digest_rows(company)
    assert sorted((r.method, r.status) for r in rows) == [
        ("digest.dm", "sent"),
        ("digest.dm", "sent"),
        ("digest.dm", "sent"),
        ("digest.roundup", "sent"),
    ]
    assert f"digest.roundup:{company.team_id}:2026-W47" in {r.dedupe_key for r in rows}
    async with company.services.sessions() as s:
        runs = list(await s.scalars(select(DigestRun)))
    assert len(runs) == 4 and all(r.status == "sent" and r.sent_at for r in runs)


async def test_a_round_of_digests_writes_the_workspaces_settings_once(
    company: SlackHarness,
) -> None:
    """Drawing a digest or the roundup only reads the workspace's settings: the job's run
    that queued them made sure of them once, so on SQLite the digests drawn at once do not
    each wait for the write lock, as an `INSERT … ON CONFLICT` of the settings made them."""
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=10))
    written: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO WORKSPACES"):
            written.append(statement)

    engine = company.services.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        await run_digests(company)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1}
    assert len(roundups(company, "general")) == 1
    assert len(written) == 1, written  # the job's run, as it queued them
