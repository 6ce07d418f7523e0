"""A busy day on a bad day: 1,000 kudos and 200 questions while a fifth of Slack's answers
are rate limits, server errors or slow. Once Slack recovers, every shout-out, offer and DM
went out exactly once, and anyone Slack failed mid-request was told to try again.

SQLite runs a tenth of the load (it has one writer); PostgreSQL, in CI, runs all of it.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.questions.policy import Limits
from bot.questions.service import RoutingConfig
from handlers.dispatch.friendly import SLACK_BUSY
from slack_emulator import Message
from storage.models import Kudos, Offer, OutboxItem, Question
from tests.e2e.harness import DEFAULT_PEOPLE, Harness, PersonSpec, running_bot
from tests.e2e.kudos.world import configure

# Slack takes about one message a second per conversation, DMs included: the load is spread
# the way a company's is, over many people and channels.
EXPERTS = tuple(PersonSpec(f"expert{n:02d}", f"Expert {n:02d}") for n in range(60))
# Questions on eight topics, not one: 200 questions on one skill would all go to its top two
# experts, whose DMs alone would take 200 s at Slack's pace.
SKILLS = ("terraform", "kubernetes", "kafka", "react", "python", "docker", "graphql", "redis")
CHANNELS = tuple(f"team-{n:02d}" for n in range(40))
CONCURRENT_REQUESTS = 8


@pytest.fixture
async def busy(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running_bot(tmp_path, people=(*DEFAULT_PEOPLE, *EXPERTS)) as slack:
        slack.services.clock.thaw()  # backoff needs real time to pass
        everyone = [slack.user(p.handle) for p in (*DEFAULT_PEOPLE, *EXPERTS)]
        for name in CHANNELS:
            slack.channels[name] = slack.emu.workspace.add_channel(name, members=everyone).id
        for n, expert in enumerate(EXPERTS):
            skill = f"{SKILLS[n % len(SKILLS)]}:{n % 5 + 1}"
            delivery = await slack.command(expert.handle, "/skills", f"add {skill}")
            assert delivery.ok
        await configure(slack, daily_allowance=100_000)
        slack.services.questions.config = RoutingConfig(limits=Limits(max_open_offers=1_000))
        await slack.settle()
        slack.services.indexes.invalidate(slack.team_id)
        yield slack


def _load(slack: Harness) -> tuple[int, int]:
    dialect = slack.services.engine.dialect.name
    return (1_000, 200) if dialect == "postgresql" else (100, 20)


async def _side_by_side(calls: list[Callable[[], Awaitable[Any]]]) -> list[Any]:
    gate = asyncio.Semaphore(CONCURRENT_REQUESTS)

    async def one(call: Callable[[], Awaitable[Any]]) -> Any:
        async with gate:
            return await call()

    return await asyncio.gather(*(one(c) for c in calls))


def _kudos(slack: Harness, n: int) -> Callable[[], Awaitable[Any]]:
    giver = EXPERTS[n % len(EXPERTS)].handle
    receiver = EXPERTS[(n * 7 + 1) % len(EXPERTS)].handle
    text = f"@{receiver} for fix number {n:04d} today"
    return lambda: slack.command(giver, "/kudos", text, channel=CHANNELS[n % len(CHANNELS)])


def _question(slack: Harness, n: int) -> Callable[[], Awaitable[Any]]:
    asker = EXPERTS[(n * 11) % len(EXPERTS)].handle
    text = f"how do we debug our {SKILLS[n % len(SKILLS)]} setup, problem number {n:04d}?"
    return lambda: slack.command(asker, "/ask", text, channel=CHANNELS[n % len(CHANNELS)])


def _busy_replies(slack: Harness) -> int:
    return sum(
        SLACK_BUSY in e.text for p in EXPERTS for e in slack.emu.ephemerals(slack.user(p.handle))
    )


def _bot_messages(slack: Harness) -> list[Message]:
    channels = [slack.channel(name) for name in CHANNELS]
    dms = [
        slack.emu.workspace.open_im(slack.user(p.handle)).id for p in (*DEFAULT_PEOPLE, *EXPERTS)
    ]
    return [m for c in (*channels, *dms) for m in slack.emu.messages(c) if m.by_bot]


async def test_faults_delay_but_never_lose_or_double_a_delivery(busy: Harness) -> None:
    slack = busy
    kudos_count, question_count = _load(slack)
    slack.emu.faults.add(status=429, retry_after=1, times=None, rate=0.08)
    slack.emu.faults.add(status=500, times=None, rate=0.08)
    slack.emu.faults.add(delay=0.3, times=None, rate=0.04)

    sent = [_kudos(slack, n) for n in range(kudos_count)]
    sent += [_question(slack, n) for n in range(question_count)]
    deliveries = await _side_by_side(sent)
    assert all(d.ok for d in deliveries), "every request is acknowledged, faults or not"
    slack.emu.faults.clear()  # Slack recovers
    await slack.drain(within=600)

    async with slack.services.sessions() as s:
        kudos = list(await s.scalars(select(Kudos)))
        questions = list(await s.scalars(select(Question)))
        offers = list(await s.scalars(select(Offer)))
        items = list(await s.scalars(select(OutboxItem)))
    unsent = [(i.method, i.attempts, i.last_error) for i in items if i.status != "sent"]
    assert unsent == [], "nothing failed, nothing left waiting"
    assert [c for c in slack.emu.calls if not c.ok], "the faults must really have happened"
    refused = _busy_replies(slack)
    assert len(kudos) + len(questions) + refused == kudos_count + question_count
    assert refused <= (kudos_count + question_count) // 50, "Slack's own retries absorb most"

    said = Counter(m.text for m in _bot_messages(slack))
    for entry in kudos:
        shoutouts = [t for t in said if "gave kudos" in t and entry.message in t]
        dms = [t for t in said if "gave you kudos" in t and entry.message in t]
        assert [said[t] for t in shoutouts] == [1] and [said[t] for t in dms] == [1], entry.message
    for offer in offers:
        assert offer.dm_ts is not None
        dm = [m for m in slack.emu.messages(offer.dm_channel_id or "") if m.ts == offer.dm_ts]
        assert len(dm) == 1
    offered = Counter(o.question_id for o in offers)
    assert all(offered[q.id] >= 1 for q in questions), "every question reached someone"
    offer_dms = sum(n for t, n in said.items() if "has a question" in t)
    assert offer_dms == len(offers)
    asking = sum(n for t, n in said.items() if "I'm asking" in t)
    assert asking == len(questions)


async def test_a_post_whose_answer_was_lost_is_not_posted_again(busy: Harness) -> None:
    """Slack posts the shout-out but the answer fails: the retry finds its own message
    (by the delivery's metadata mark) instead of posting a second one."""
    slack = busy
    slack.emu.faults.add("chat.postMessage", status=500, times=2, applied=True)
    delivery = await _kudos(slack, 7)()
    assert delivery.ok
    await slack.drain()
    posts = [m for m in _bot_messages(slack) if "fix number 0007" in m.text]
    assert sorted("gave kudos" in m.text for m in posts) == [False, True]  # a DM, a shout-out
    assert len([c for c in slack.emu.calls_to("chat.postMessage") if not c.ok]) == 2
    async with slack.services.sessions() as s:
        [entry] = list(await s.scalars(select(Kudos)))
    shoutout = next(m for m in posts if "gave kudos" in m.text)
    assert entry.shoutout_ts == shoutout.ts
