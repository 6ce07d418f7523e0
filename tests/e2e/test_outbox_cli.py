"""`askaround outbox` shows what could not be delivered, and `outbox retry` queues it again."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage import outbox, outbox_claims
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head
from storage.models import OutboxItem

ROOT = Path(__file__).parents[2]


def _cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "SLACK_BOT_TOKEN": "xoxb-cli",
        "SLACK_SIGNING_SECRET": "cli-secret",
        "ASKAROUND_DATABASE_URL": url,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.runtime.cli", "outbox", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


async def test_failed_deliveries_are_listed_and_retried(database_url: str) -> None:
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
    listed = _cli(database_url)
    assert listed.returncode == 1, listed.stderr
    assert "channel_not_found" in listed.stdout and "question.offer" in listed.stdout
    assert listed.stdout.count("\n") == 2  # the header and the one failed row
    assert "\tcreated (UTC)\t" in listed.stdout and f"\t{now:%Y-%m-%d %H:%M}\t" in listed.stdout
    retried = _cli(database_url, "retry")
    assert retried.returncode == 0 and "1 failed delivery queued again" in retried.stdout
    async with sessions() as s:
        row = await s.get(OutboxItem, items[0].id)
        assert row is not None and (row.status, row.attempts) == ("pending", 1)  # tried once
    assert "nothing stuck" in _cli(database_url).stdout
    await engine.dispose()


async def test_retry_says_a_shout_out_given_up_is_not_posted(database_url: str) -> None:
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
    retried = _cli(database_url, "retry")
    assert retried.returncode == 0 and "1 failed delivery queued again" in retried.stdout
    assert "1 kudos shout-out among them" in retried.stdout
    assert "told it could not be posted is not posted now" in retried.stdout
    await engine.dispose()
