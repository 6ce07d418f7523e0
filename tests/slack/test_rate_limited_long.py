"""A rate limit is Slack saying when, not a failure: a delivery waits out Slack's `Retry-After`
however many times Slack asks, and is never given up for being rate limited (before, the
twelfth 429 in a row lost it like a permanent error)."""

from __future__ import annotations

from sqlalchemy import select

from bot.reliability.delivery import MAX_ATTEMPTS
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness


async def test_a_home_tab_rate_limited_many_times_is_still_published(
    slack: SlackHarness,
) -> None:
    alice = slack.user("alice")
    slack.emu.faults.add("views.publish", status=429, retry_after=5, times=MAX_ATTEMPTS + 3)
    await slack.emu.open_home(alice)
    await slack.drain()
    limited = [c for c in slack.emu.calls_to("views.publish") if c.status == 429]
    assert len(limited) == MAX_ATTEMPTS + 3
    async with slack.services.sessions() as s:
        statuses = list(await s.scalars(select(OutboxItem.status)))
    assert statuses and set(statuses) == {"sent"}
    assert slack.emu.home_view(alice) is not None
