"""Slack's `Retry-After` is seconds, but RFC 7231 allows an HTTP date and a proxy in front of
Slack may send one: the delivery waits it out as it does seconds (before, parsing it raised
inside the error handling, the send died and the delivery stayed claimed for its lease)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from handlers.client.failures import DEFAULT_RETRY_AFTER, retry_after
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness

PAST = "Wed, 21 Oct 2015 07:28:00 GMT"


async def test_a_home_tab_rate_limited_with_a_date_is_published(slack: SlackHarness) -> None:
    alice = slack.user("alice")
    slack.emu.faults.add("views.publish", status=429, retry_after=PAST, times=5)
    await slack.emu.open_home(alice)
    await slack.drain()
    limited = [c for c in slack.emu.calls_to("views.publish") if c.status == 429]
    assert len(limited) == 5
    async with slack.services.sessions() as s:
        statuses = list(await s.scalars(select(OutboxItem.status)))
    assert statuses and set(statuses) == {"sent"}
    assert slack.emu.home_view(alice) is not None


def test_retry_after_reads_seconds_a_date_or_neither() -> None:
    now = datetime(2015, 10, 21, 7, 27, 30, tzinfo=UTC)
    assert retry_after({"Retry-After": "7"}, now) == 7
    assert retry_after({"retry-after": ["7"]}, now) == 7  # as slack_sdk's retry handlers see it
    assert retry_after({"Retry-After": PAST}, now) == 30
    assert retry_after({"Retry-After": PAST}, now + timedelta(minutes=1)) == 0
    assert retry_after({"Retry-After": "soon"}, now) == DEFAULT_RETRY_AFTER
    assert retry_after({"Retry-After": "-3"}, now) == DEFAULT_RETRY_AFTER
    assert retry_after({}, now) == DEFAULT_RETRY_AFTER
