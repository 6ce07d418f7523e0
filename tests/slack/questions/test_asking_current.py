"""The thread's first message, "I'm asking 3 colleagues privately…", went on naming a
colleague who had said "Not me", or whose request had run out, as one being asked: while the
question is open it names those still asked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.questions.policy import RoutingConfig
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_asking_closed import asking_message
from tests.slack.questions.test_flow import ask, decline_everyone, offer_dm


async def test_a_colleague_who_said_not_me_is_no_longer_said_to_be_asked(
    slack: SlackHarness,
) -> None:
    asked = await ask(slack)
    first = str(asking_message(slack, asked).blocks)
    assert "I'm asking 3 colleagues" in first and "Dev Patel" in first
    await slack.emu.click(slack.user("dev"), "offer_decline", message=offer_dm(slack, "dev"))
    await slack.settle()
    first = str(asking_message(slack, asked).blocks)
    assert "I'm asking 2 colleagues" in first and "Dev Patel" not in first, first
    assert "Bob Chen" in first and "Maria Lopez" in first


async def test_a_request_that_ran_out_is_no_longer_said_to_be_asked(slack: SlackHarness) -> None:
    """Dev, asked alone, lets it run out; Bob is asked next: the list names Bob, not Dev."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    asked = await ask(slack)
    assert "Dev Patel" in str(asking_message(slack, asked).blocks)
    slack.services.clock.advance(timedelta(minutes=31))
    assert await slack.runner.bot.scheduler.run_once("escalate") == 1
    await slack.settle()
    first = str(asking_message(slack, asked).blocks)
    assert "I'm asking 1 colleague" in first and "Dev Patel" not in first, first
    assert "Bob Chen" in first


async def dev_takes_it_on(slack: SlackHarness) -> str:
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    return "can help with your question"


async def everyone_passes(slack: SlackHarness) -> str:
    await decline_everyone(slack)
    return "3 passed on it, and there is nobody else I can ask"


@pytest.mark.postgres_too
@pytest.mark.parametrize("answer", [dev_takes_it_on, everyone_passes])
async def test_the_thread_says_who_is_asked_before_how_it_goes(
    slack: SlackHarness, answer: Callable[[SlackHarness], Awaitable[str]]
) -> None:
    """Slack rate-limits the thread's first post (its Retry-After 30 s) while the colleagues,
    asked in their DMs meanwhile, answer: the thread read "@alice, @dev can help with your
    question" (or "3 passed on it") first, and "I asked 3 colleagues" under it half a minute
    later. What follows the list now waits for it (docs/testing-log.md, "The reliability
    core, a reviewer's pass")."""
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=429, retry_after=30, times=1, channel=general)
    asked = await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> how do we unlock a stuck terraform state?"
    )
    await slack.settle()
    assert not [m for m in slack.emu.messages(general) if m.thread_ts == asked.ts]
    said = await answer(slack)
    await slack.drain()
    thread = [m.text for m in slack.emu.messages(general) if m.thread_ts == asked.ts]
    assert len(thread) == 2, thread
    assert "I asked 3 colleagues privately" in thread[0] and said in thread[1], thread
