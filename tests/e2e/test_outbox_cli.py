"""`askaround outbox` shows what could not be delivered, and `outbox retry` queues it again.

The command runs in this process (`tests.e2e.harness.run_main`): what they check is its exit
code and output, nothing a process alone shows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import outbox, outbox_claims
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head
from storage.models import OutboxItem
from tests.e2e.harness import run_main


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


Cli = Callable[..., Awaitable[Ran]]


@pytest.fixture
def cli(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    """`askaround outbox ARGS…` on the test's database, its settings from the environment."""
    monkeypatch.chdir(tmp_path)  # no .env of the checkout's
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-cli")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "cli-secret")
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", database_url)

    async def run(*args: str) -> Ran:
        return Ran(*await run_main(["outbox", *args], capsys))

    return run


async def test_failed_deliveries_are_listed_and_retried(database_url: str, cli: Cli) -> None:
    """A delivery that gave up is listed with its error and when it was queued, saying UTC
    (exit 1); `retry` makes it pending."""
    engine = create_engine(database_url)
    await upgrade_head(engine)
    sessions = create_sessions(engine)
    now = datetime.now(UTC)
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, "T1", "question.offer", {"offer_id": 1}, key="k1", at=now)
        await outbox.enqueue(s, "T1", "question.offer", {"offer_id": 2}, key="k2", at=now)
        items = await outbox_claims.claim_due(s, now, now + timedelta(seconds=60), 10)
        await outbox_claims.finish(s, items[0].id, "failed", at=now, error="channel_not_found")
        await outbox_claims.finish(s, items[1].id, "sent", at=now)
    listed = await cli()
    assert listed.returncode == 1, listed.stderr
    assert "channel_not_found" in listed.stdout and "question.offer" in listed.stdout
    assert listed.stdout.count("\n") == 2  # the header and the one failed row
    assert "\tcreated (UTC)\t" in listed.stdout and f"\t{now:%Y-%m-%d %H:%M}\t" in listed.stdout
    retried = await cli("retry")
    assert retried.returncode == 0 and "1 failed delivery queued again" in retried.stdout
    async with sessions() as s:
        row = await s.get(OutboxItem, items[0].id)
        assert row is not None and (row.status, row.attempts) == ("pending", 1)  # tried once
    assert "nothing stuck" in (await cli()).stdout
    await engine.dispose()


async def test_retry_says_a_shout_out_given_up_is_not_posted(database_url: str, cli: Cli) -> None:
    """A failed shout-out is queued again like any delivery, and `retry` says that one whose
    giver was told it could not be posted (its kudos made private) is not posted now."""
    engine = create_engine(database_url)
    await upgrade_head(engine)
    sessions = create_sessions(engine)
    now = datetime.now(UTC)
    async with sessions() as s, s.begin():
        await outbox.enqueue(s, "T1", "kudos.shoutout", {"batch_key": "b"}, key="k1", at=now)
        [item] = await outbox_claims.claim_due(s, now, now + timedelta(seconds=60), 10)
        await outbox_claims.finish(s, item.id, "failed", at=now, error="fatal_error")
    retried = await cli("retry")
    assert retried.returncode == 0 and "1 failed delivery queued again" in retried.stdout
    assert "1 kudos shout-out among them" in retried.stdout
    assert "told it could not be posted is not posted now" in retried.stdout
    await engine.dispose()
