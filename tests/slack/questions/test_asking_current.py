"""The thread's first message, "I'm asking 3 colleagues privately…", went on naming a
colleague who had said "Not me", or whose request had run out, as one being asked: while the
question is open it names those still asked."""

from __future__ import annotations

from datetime import timedelta

from bot.questions.policy import RoutingConfig
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_asking_closed import asking_message
from tests.slack.questions.test_flow import ask, offer_dm


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
