"""Two replicas on one database, and Slack sending the same event to both at the same moment
while the first delivery is still being worked (Slack's Web API answering slowly): a retry
with its `X-Slack-Retry-Num` header and a plain copy, to either replica. The shared inbox
stores the event once, so one kudos, one shout-out, one DM, one question."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.runtime.demo.session import settle
from bot.runtime.runner import Runner
from slack_emulator import Delivery
from storage.models import Kudos, Question
from tests.e2e.harness import Harness, running_bot

SLOW = 0.5  # each of Slack's answers, so the first delivery is still at work when the copies come


@pytest.fixture
async def two(tmp_path: Path) -> AsyncIterator[tuple[Harness, Runner]]:
    async with running_bot(tmp_path) as slack, Runner(slack.runner.settings) as second:
        slack.emu.faults.add("*", delay=SLOW, times=None)
        yield slack, second
        await settle(slack.emu, second)


async def to_both(slack: Harness, second: Runner, delivery: Delivery | None) -> None:
    """Three copies at once, while the first is worked: a retry to each replica and a plain
    copy to the second; then Slack answers at its usual speed again."""
    assert delivery is not None and delivery.ok
    sent = [
        *await slack.emu.redeliver(delivery, 1, request_url=slack.emu.request_url),
        *await slack.emu.redeliver(delivery, 1, request_url=second.url),
        *await slack.emu.redeliver(delivery, 1, as_retry=False, request_url=second.url),
    ]
    assert all(d.ok for d in sent)
    slack.emu.faults.rules.clear()
    await slack.drain()
    await settle(slack.emu, second)


async def test_a_kudos_reaction_sent_to_both_replicas_gives_once(
    two: tuple[Harness, Runner],
) -> None:
    slack, second = two
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    bob = slack.user("bob")
    await to_both(
        slack, second, await slack.emu.add_reaction(bob, message.channel, message.ts, "kudos")
    )
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Kudos)) == 1
    shoutouts = [m for m in slack.emu.messages(slack.channel("general")) if "gave kudos" in m.text]
    assert len(shoutouts) == 1
    dms = [m for m in slack.emu.dm_messages(slack.user("carol")) if "failover drill" in m.text]
    assert len(dms) == 1


async def test_a_question_sent_to_both_replicas_is_asked_once(two: tuple[Harness, Runner]) -> None:
    slack, second = two
    _message, deliveries = await slack.here.post_message(
        slack.user("alice"),
        slack.channel("general"),
        f"<@{slack.emu.bot_user_id}> how do we unlock a stuck terraform state in production?",
    )
    [mention] = [d for d in deliveries if d.payload["event"]["type"] == "app_mention"]
    await to_both(slack, second, mention)
    async with slack.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Question)) == 1
