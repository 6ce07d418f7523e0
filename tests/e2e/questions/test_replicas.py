"""Two replicas on one PostgreSQL share the outbox without sending anything twice."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from bot.questions.policy import Limits
from bot.runtime.runner import Runner
from storage.models import Offer, OutboxItem
from tests.e2e.harness import Harness


async def test_two_replicas_deliver_each_message_once(slack: Harness) -> None:
    """A second replica's worker claims from the same outbox (FOR UPDATE SKIP LOCKED): a burst
    of 10 questions gives exactly one DM per offer and one reply per question."""
    if slack.services.engine.dialect.name != "postgresql":
        pytest.skip("SQLite deployments run a single worker; this runs in the PostgreSQL pass")
    config = slack.services.questions.config
    slack.services.questions.config = replace(config, limits=Limits(max_open_offers=100))
    # Real time: ten DMs to each expert outrun Slack's pace, and a delivery put back to wait
    # its turn is due again only when the clock moves.
    slack.services.clock.thaw()
    async with Runner(slack.runner.settings) as second:
        for n in range(10):
            await slack.command("alice", "/ask", f"how do we unlock terraform state number {n}?")
        await slack.drain()
        async with second.bot.services.sessions() as s:
            offers = list((await s.scalars(select(Offer))).all())
            rows = list((await s.scalars(select(OutboxItem))).all())
    assert {r.status for r in rows} == {"sent"} and all(r.attempts == 1 for r in rows)
    offer_dms = [
        m
        for handle in ("bob", "dev", "maria")
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.bot_id and "has a question" in m.text
    ]
    assert len(offer_dms) == len(offers) == 30
    asking = [m for m in slack.emu.dm_messages(slack.user("alice")) if "I'm asking" in m.text]
    assert len(asking) == 10
