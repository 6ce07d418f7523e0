"""A recipient's DM that Slack's pace for `conversations.open` (Tier 3) would turn away is
queued for its turn, untried, rather than tried at once and put back: in a burst of kudos to
people new to the bot, each DM's first attempt did nothing but a transaction."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from handlers.client import paced
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text

REASON = "for untangling the release #teamwork"
TIER_3_BURST = 8  # `tier_allowance(3)`: ten seconds' worth of 50 a minute


async def _dm_waiting(slack: SlackHarness) -> OutboxItem:
    """Bob's DM queued and no delivery being sent: what the kudos left for later."""
    for _ in range(2_000):
        async with slack.services.sessions() as s:
            rows = (await s.scalars(select(OutboxItem))).all()
        dms = [r for r in rows if r.method == "kudos.received"]
        if dms and not [r for r in rows if r.status == "sending"]:
            return dms[0]
        await asyncio.sleep(0.01)
    raise AssertionError(f"the kudos' deliveries are still being sent: {rows}")


async def test_a_dm_slacks_pace_would_turn_away_waits_for_its_turn_untried(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DMs opened to eight others use the burst; the next open is 1.2 s off, past the
    longest wait in line (lowered here from 3 s: the fake clock pays each wait as it is
    taken, so no queue of waits builds up). Bob's DM is queued for its turn and its delivery
    not marked, where it was tried, turned away and marked put back; at its turn it is sent
    once."""
    monkeypatch.setattr(paced, "MAX_WAIT_SECONDS", 0.5)
    client = await slack.runner.bot.outbox.clients.for_team(slack.team_id)
    for n in range(TIER_3_BURST):
        await client.conversations_open(users=slack.emu.workspace.add_user(f"opened{n}").id)
    marked: list[str] = []

    def executed(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("UPDATE outbox") and "outbox.attempts -" in statement:
            marked.append(statement)  # `finish`: an attempt's outcome (a claim adds one)

    event.listen(slack.services.engine.sync_engine, "before_cursor_execute", executed)
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    dm = await _dm_waiting(slack)
    assert (dm.status, dm.attempts) == ("pending", 0)
    assert len(marked) == 1  # the shout-out's delivery, sent
    opened = [c.args.get("users") for c in slack.emu.calls_to("conversations.open")]
    assert slack.user("bob") not in opened

    slack.advance(timedelta(seconds=2))
    await slack.settle()
    assert "gave you kudos" in dm_text(slack, "bob")
    opened = [c.args.get("users") for c in slack.emu.calls_to("conversations.open")]
    assert opened.count(slack.user("bob")) == 1
