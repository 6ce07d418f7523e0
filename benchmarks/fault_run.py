"""Faults: a busy day on a bad day. Kudos and questions arrive eight at a time while a fifth of
Slack's answers are rate limits, server errors or slow. Once Slack recovers, every shout-out,
offer and DM went out exactly once, and anyone Slack failed mid-request was told to try again.

The bot, the local Slack emulator and a database run in this process over real sockets, as in
tests/e2e (`tests.e2e.harness`). The run prints its figures and its checks, writes
benchmarks/results/fault_run.json, and exits 1 when a check fails: a request lost, a message
doubled. `tests/e2e/test_faults_small.py` runs the same code with a few dozen kudos.

    python -m benchmarks.fault_run              # SQLite 100 kudos + 20 questions (it has one
                                                # writer), PostgreSQL 1,000 + 200 (about 70 s)
    python -m benchmarks.fault_run --quick      # SQLite only
    python -m benchmarks.fault_run --backends postgresql --kudos 300 --questions 60
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from benchmarks.checks import Check, Outcome, backend, print_outcome
from benchmarks.machine import command_line, describe, save
from bot.questions.policy import Limits
from handlers.dispatch.friendly import SLACK_BUSY
from slack_emulator import Message
from storage import workspaces
from storage.models import Kudos, Offer, OutboxItem, Question
from tests.e2e.harness import DEFAULT_PEOPLE, Harness, PersonSpec, running_bot

# Slack takes about one message a second per conversation, DMs included: the load is spread
# the way a company's is, over many people and channels.
EXPERTS = 60
CHANNELS = 40
# Questions on eight topics, not one: 200 questions on one skill would all go to its top two
# experts, whose DMs alone would take 200 s at Slack's pace.
SKILLS = ("terraform", "kubernetes", "kafka", "react", "python", "docker", "graphql", "redis")
CONCURRENT_REQUESTS = 8
LOAD = {"postgresql": (1_000, 200), "sqlite": (100, 20)}
FAULT_SECONDS = 5.0  # Slack fails this long at least, however fast the requests are acked
DRAIN_LIMIT = 600.0


@dataclass
class World:
    """The bot with `experts` people who declared skills, `channels` channels they all
    share, and an allowance and routing limits high enough not to refuse the load."""

    slack: Harness
    experts: tuple[PersonSpec, ...]
    channels: tuple[str, ...]


@asynccontextmanager
async def busy_world(
    folder: Path, experts: int = EXPERTS, channels: int = CHANNELS
) -> AsyncIterator[World]:
    people = tuple(PersonSpec(f"expert{n:02d}", f"Expert {n:02d}") for n in range(experts))
    names = tuple(f"team-{n:02d}" for n in range(channels))
    async with running_bot(folder, people=(*DEFAULT_PEOPLE, *people)) as slack:
        slack.services.clock.thaw()  # backoff needs real time to pass
        everyone = [slack.user(p.handle) for p in (*DEFAULT_PEOPLE, *people)]
        for name in names:
            slack.channels[name] = slack.emu.workspace.add_channel(name, members=everyone).id
        for n, expert in enumerate(people):
            skill = f"{SKILLS[n % len(SKILLS)]}:{n % 5 + 1}"
            delivery = await slack.command(expert.handle, "/skills", f"add {skill}")
            assert delivery.ok, "the world could not be set up"
        async with slack.services.sessions() as s, s.begin():
            await workspaces.configure(s, slack.team_id, daily_allowance=100_000)
        config = slack.services.questions.config  # working hours round the clock, as tier c's
        slack.services.questions.config = replace(config, limits=Limits(max_open_offers=1_000))
        await slack.settle()
        slack.services.indexes.invalidate(slack.team_id)
        yield World(slack, people, names)


def kudos(world: World, n: int) -> Callable[[], Awaitable[Any]]:
    """The n-th `/kudos`, from one expert to another, in one of the channels."""
    experts = world.experts
    giver = experts[n % len(experts)].handle
    receiver = experts[(n * 7 + 1) % len(experts)].handle
    text = f"@{receiver} for fix number {n:04d} today"
    channel = world.channels[n % len(world.channels)]
    return lambda: world.slack.command(giver, "/kudos", text, channel=channel)


def question(world: World, n: int) -> Callable[[], Awaitable[Any]]:
    """The n-th `/ask`, on one of eight topics."""
    asker = world.experts[(n * 11) % len(world.experts)].handle
    text = f"how do we debug our {SKILLS[n % len(SKILLS)]} setup, problem number {n:04d}?"
    channel = world.channels[n % len(world.channels)]
    return lambda: world.slack.command(asker, "/ask", text, channel=channel)


async def side_by_side(calls: list[Callable[[], Awaitable[Any]]]) -> list[Any]:
    gate = asyncio.Semaphore(CONCURRENT_REQUESTS)

    async def one(call: Callable[[], Awaitable[Any]]) -> Any:
        async with gate:
            return await call()

    return await asyncio.gather(*(one(c) for c in calls))


def bot_messages(world: World) -> list[Message]:
    """What the bot posted in the channels and in everyone's DM."""
    slack = world.slack
    channels = [slack.channel(name) for name in world.channels]
    people = (*DEFAULT_PEOPLE, *world.experts)
    dms = [slack.emu.workspace.open_im(slack.user(p.handle)).id for p in people]
    return [m for c in (*channels, *dms) for m in slack.emu.messages(c) if m.by_bot]


def _busy_replies(world: World) -> int:
    slack = world.slack
    return sum(
        SLACK_BUSY in e.text
        for p in world.experts
        for e in slack.emu.ephemerals(slack.user(p.handle))
    )


async def run_under_faults(
    world: World, kudos_count: int, question_count: int, fault_seconds: float = FAULT_SECONDS
) -> Outcome:
    """Send the load while Slack fails a fifth of calls (for `fault_seconds` at least, so the
    deliveries after the acks meet the faults too), let Slack recover, wait for the outbox to
    drain, and check that nothing was lost or doubled."""
    slack = world.slack
    slack.emu.faults.add(status=429, retry_after=1, times=None, rate=0.08)
    slack.emu.faults.add(status=500, times=None, rate=0.08)
    slack.emu.faults.add(delay=0.3, times=None, rate=0.04)

    sent = [kudos(world, n) for n in range(kudos_count)]
    sent += [question(world, n) for n in range(question_count)]
    started = time.perf_counter()
    deliveries = await side_by_side(sent)
    acked_in = time.perf_counter() - started
    await asyncio.sleep(max(0.0, fault_seconds - acked_in))
    slack.emu.faults.clear()  # Slack recovers
    await slack.drain(within=DRAIN_LIMIT)
    drained_in = time.perf_counter() - started

    async with slack.services.sessions() as s:
        entries = list(await s.scalars(select(Kudos)))
        questions = list(await s.scalars(select(Question)))
        offers = list(await s.scalars(select(Offer)))
        items = list(await s.scalars(select(OutboxItem)))
    calls = slack.emu.calls
    failed_calls = [c for c in calls if not c.ok]
    refused = _busy_replies(world)
    total = kudos_count + question_count
    figures = {
        "kudos_sent": kudos_count,
        "questions_sent": question_count,
        "acked": sum(d.ok for d in deliveries),
        "told_to_try_again": refused,
        "kudos_in_ledger": len(entries),
        "questions_stored": len(questions),
        "offers": len(offers),
        "deliveries": len(items),
        "most_attempts": max((i.attempts for i in items), default=0),
        "slack_calls": len(calls),
        "slack_calls_failed": len(failed_calls),
        "all_acked_after_s": round(acked_in, 1),
        "drained_after_s": round(drained_in, 1),
    }
    said = Counter(m.text for m in bot_messages(world))
    now = slack.services.clock.now()
    unsent = [  # one queued for a later moment (the end of a kudos' Undo) is not due yet
        (i.method, i.attempts, i.last_error)
        for i in items
        if i.status != "sent" and i.created_at <= now
    ]
    not_once = [
        e.message
        for e in entries
        if [n for t, n in said.items() if "gave kudos" in t and e.message in t] != [1]
        or [n for t, n in said.items() if "gave you kudos" in t and e.message in t] != [1]
    ]
    offer_posts = [
        sum(m.ts == o.dm_ts for m in slack.emu.messages(o.dm_channel_id or ""))
        if o.dm_ts is not None
        else 0
        for o in offers
    ]
    offered = Counter(o.question_id for o in offers)
    offer_dms = sum(n for t, n in said.items() if "has a question" in t)
    asking = sum(n for t, n in said.items() if "I'm asking" in t)
    allowed_refusals = max(1, total // 50)
    checks = [
        Check(
            "every request acknowledged, faults or not",
            figures["acked"] == total,
            f"{figures['acked']} of {total}",
        ),
        Check("the faults really happened", bool(failed_calls), f"{len(failed_calls)} failed"),
        Check("no delivery failed or left waiting", not unsent, f"{unsent[:3]}"),
        Check(
            "every request is a kudos, a question or a 'try again'",
            len(entries) + len(questions) + refused == total,
            f"{len(entries)} + {len(questions)} + {refused} of {total}",
        ),
        Check(
            "Slack's retries absorb most failures (≤ 2%, at least 1, told to try again)",
            refused <= allowed_refusals,
            f"{refused} ≤ {allowed_refusals}",
        ),
        Check(
            "each kudos shouted out once and DMed once",
            not not_once,
            f"{len(not_once)} not once: {not_once[:3]}",
        ),
        Check(
            "each offer's DM posted once",
            all(n == 1 for n in offer_posts),
            f"{sum(n != 1 for n in offer_posts)} of {len(offers)} not once",
        ),
        Check(
            "every question reached someone",
            all(offered[q.id] >= 1 for q in questions),
            f"{sum(offered[q.id] == 0 for q in questions)} reached no one",
        ),
        Check("one offer DM per offer", offer_dms == len(offers), f"{offer_dms} for {len(offers)}"),
        Check(
            "one 'I'm asking' reply per question",
            asking == len(questions),
            f"{asking} for {len(questions)}",
        ),
    ]
    return Outcome(figures, checks)


async def run(backends: list[str], load: tuple[int, int] | None) -> dict[str, Outcome]:
    outcomes: dict[str, Outcome] = {}
    for name in backends:
        kudos_count, question_count = load or LOAD[name]
        with tempfile.TemporaryDirectory(prefix="askaround-faults-") as tmp, backend(name):
            async with busy_world(Path(tmp)) as world:
                outcomes[name] = await run_under_faults(world, kudos_count, question_count)
        print_outcome(name, outcomes[name])
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="SQLite only")
    parser.add_argument("--backends", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--kudos", type=int, help="kudos to give (default by backend)")
    parser.add_argument("--questions", type=int, help="questions to ask (default by backend)")
    args = parser.parse_args()
    backends = (args.backends or ("sqlite" if args.quick else "sqlite,postgresql")).split(",")
    load = None
    if args.kudos is not None or args.questions is not None:
        load = (args.kudos or 0, args.questions or 0)
    machine = describe()
    outcomes = asyncio.run(run(backends, load))
    figures = {name: o.as_json() for name, o in outcomes.items()}
    save("fault_run", machine, command_line(), figures)
    if any(o.failed for o in outcomes.values()):
        print("FAILED: something was lost or doubled (see the checks above)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
