"""A delivery Slack will never take (a scope the install lacks, blocks it refuses) is given up
at once, with one WARNING line saying why, in Slack's own words: the operator fixes it, then
`askaround outbox retry` sends it."""

from __future__ import annotations

import gc
import logging

import pytest
from sqlalchemy import select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness


async def test_a_scope_the_install_lacks_is_named_in_one_warning(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    slack.emu.faults.add(
        "conversations.open",
        error="missing_scope",
        extra={"needed": "im:write", "provided": "chat:write,commands"},
        times=None,
    )
    await slack.command("alice", "/ask", "how do we unlock terraform state?")
    await slack.drain()
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert failed and all(f.attempts == 1 for f in failed)
    assert all(f.last_error == "missing_scope (needs im:write)" for f in failed)
    gc.collect()
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    for item in failed:
        assert any(f"delivery {item.id} " in w and "needs im:write" in w for w in warned)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
