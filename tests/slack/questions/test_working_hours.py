"""Working time is each colleague's own: a question asked on Friday evening waits for the
weekend to pass where they are, and someone who travels is counted where they are now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.questions.policy import RoutingConfig
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import ask, rows

# Friday 27 November 2026, 18:30 UTC: 19:30 in Berlin, where dev's working day is over.
FRIDAY_EVENING = datetime(2026, 11, 27, 18, 30, tzinfo=UTC)
MONDAY = datetime(2026, 11, 30, tzinfo=UTC)


async def _escalated_at(slack: SlackHarness, at: datetime) -> object:
    """How many questions the escalation job moved on at `at`."""
    slack.services.clock.freeze(at)
    moved = await slack.runner.bot.scheduler.run_once("escalate")
    await slack.settle()
    return moved


async def _asked(slack: SlackHarness) -> list[str]:
    _question, offers = await rows(slack)
    handles = {slack.user(h): h for h in slack.users}
    return [handles[o.candidate_user_id] for o in offers if o.status == "pending"]


async def test_a_question_asked_on_friday_evening_moves_on_monday_morning(
    slack: SlackHarness,
) -> None:
    """Dev (Berlin) is asked first; nobody answers. Over the weekend nothing moves; on
    Monday his 30 working minutes end at 09:30 in Berlin (08:30 UTC), and bob is asked."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    slack.services.clock.freeze(FRIDAY_EVENING)
    await ask(slack)
    assert await _asked(slack) == ["dev"]
    for later in (timedelta(hours=5), timedelta(days=1), timedelta(days=2)):
        assert await _escalated_at(slack, FRIDAY_EVENING + later) == 0
    assert await _escalated_at(slack, MONDAY + timedelta(hours=8, minutes=29)) == 0
    assert await _escalated_at(slack, MONDAY + timedelta(hours=8, minutes=31)) == 1
    assert await _asked(slack) == ["bob"]


async def test_a_colleague_who_flew_to_tokyo_is_counted_in_tokyo(slack: SlackHarness) -> None:
    """Dev flies to Tokyo on Saturday, and Slack says so: his Monday 09:30 there is 00:30
    UTC, so his request runs out then, not at 09:30 in Berlin."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    slack.services.clock.freeze(FRIDAY_EVENING)
    await ask(slack)
    slack.services.clock.freeze(FRIDAY_EVENING + timedelta(days=1))
    await slack.emu.change_user(slack.user("dev"), tz="Asia/Tokyo")
    await slack.settle()
    assert await _escalated_at(slack, MONDAY + timedelta(minutes=29)) == 0
    assert await _escalated_at(slack, MONDAY + timedelta(minutes=31)) == 1
    assert await _asked(slack) == ["bob"]
