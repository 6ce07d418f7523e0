"""Every question message goes through the outbox: Slack failing a fifth of the calls delays
messages but never loses or doubles one."""

from __future__ import annotations

import itertools
import logging
from collections import Counter

import pytest
from sqlalchemy import select

from bot.questions.policy import Limits, RoutingConfig
from bot.worktime import ROUND_THE_CLOCK, WorkingHours
from storage.models import Offer, OutboxItem, Question
from tests.slack.harness import SlackHarness

OUTBOX_METHODS = ("chat.postMessage", "chat.update", "conversations.open", "chat.getPermalink")


async def test_faults_delay_but_never_lose_or_double_a_message(slack: SlackHarness) -> None:
    """8 questions while 20% of the outbox's Slack calls answer 429 or 500: afterwards each
    offer has exactly one DM, each asker exactly one "I'm asking" reply, nothing failed."""
    slack.services.clock.thaw()  # backoff needs real time to pass
    # Real time may be anyone's night or weekend: here everyone works round the clock.
    slack.services.questions.config = RoutingConfig(
        limits=Limits(max_open_offers=100), hours=WorkingHours.parse(ROUND_THE_CLOCK)
    )
    for method in OUTBOX_METHODS:
        slack.emu.faults.add(method, status=429, retry_after=1, times=None, rate=0.1)
        slack.emu.faults.add(method, status=500, times=None, rate=0.1)
    asked = [f"how do we unlock terraform state number {n}?" for n in range(8)]
    for text in asked:
        await slack.command("alice", "/ask", text)
    await slack.drain()
    async with slack.services.sessions() as s:
        offers = list((await s.scalars(select(Offer))).all())
        questions = list((await s.scalars(select(Question))).all())
        statuses = Counter((await s.scalars(select(OutboxItem.status))).all())
    assert len(questions) == 8 and statuses == Counter({"sent": statuses["sent"]})
    failures = [c for c in slack.emu.calls if not c.ok]
    assert failures, "the faults must really have happened"
    for offer in offers:
        dms = [
            m
            for m in slack.emu.dm_messages(offer.candidate_user_id)
            if m.bot_id and m.ts == offer.dm_ts
        ]
        assert len(dms) == 1
    asking = [m for m in slack.emu.dm_messages(slack.user("alice")) if "I'm asking" in m.text]
    assert len(asking) == 8
    offer_dms = [
        m
        for handle in ("bob", "dev", "maria")
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.bot_id and "has a question" in m.text
    ]
    assert len(offer_dms) == len(offers)


async def test_messages_to_one_channel_keep_slacks_pace(slack: SlackHarness) -> None:
    """Three questions asked in #general at once: the bot's three thread replies there leave
    the outbox about a second apart, not in a burst."""
    for topic in ("state locks", "module registries", "provider upgrades"):
        await slack.post(
            "alice", "general", f"<@{slack.emu.bot_user_id}> how do we handle terraform {topic}?"
        )
    await slack.drain()
    posts = [
        c.at
        for c in slack.emu.calls_to("chat.postMessage")
        if c.args.get("channel") == slack.channel("general")
    ]
    assert len(posts) == 3
    assert all(later - earlier >= 0.9 for earlier, later in itertools.pairwise(posts))


async def test_slack_down_behind_a_proxy_page_is_waited_out(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """When Slack is down, the proxy in front of it may answer a plain-text or HTML page, not
    JSON: the messages those calls carried are sent once it is back, each once, and nothing
    is logged as an error (before, a plain-text page broke the outbox's error handling:
    logged, and the delivery held until its lease ran out).

    It (or a captive portal) may answer its page with 200, or label a body JSON that is not:
    Slack said neither yes nor no. Answered 200, an HTML page was taken for Slack's refusal
    and the request given up at once, and a plain-text one broke slack_sdk (`AttributeError`,
    logged as a bug); a body labelled JSON killed the outbox's send task and held the
    delivery until its lease ran out. All are waited out alike now."""
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("chat.postMessage", status=503, page="text/plain", times=2)
    slack.emu.faults.add("conversations.open", status=502, page="text/html", times=1)
    slack.emu.faults.add("conversations.open", status=200, page="text/html", times=1)
    slack.emu.faults.add("conversations.open", status=200, page="application/json", times=1)
    slack.emu.faults.add("chat.postMessage", status=200, page="text/plain", times=1)
    slack.emu.faults.add("chat.postMessage", status=503, page="application/json", times=1)
    await slack.command("alice", "/ask", "how do we unlock terraform state?")
    await slack.drain()
    async with slack.services.sessions() as s:
        statuses = Counter((await s.scalars(select(OutboxItem.status))).all())
        offers = list((await s.scalars(select(Offer))).all())
    assert set(statuses) == {"sent"}, statuses
    assert sorted(c.status for c in slack.emu.calls if not c.ok) == [200] * 3 + [502] + [503] * 3
    asking = [m for m in slack.emu.dm_messages(slack.user("alice")) if "I'm asking" in m.text]
    assert len(asking) == 1
    assert offers
    for offer in offers:
        assert len([m for m in slack.emu.dm_messages(offer.candidate_user_id) if m.bot_id]) == 1
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
