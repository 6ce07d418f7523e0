"""Under Slack faults and kill -9 nothing is lost or doubled, at a size CI can afford: the
same code as the benchmarks (`python -m benchmarks.fault_run`, 1,000 kudos and 200 questions
under faults; `python -m benchmarks.kill_replica`, a replica killed mid-burst) with a few dozen
kudos (128 for the kill: fewer were all acknowledged before the kill landed; the dead
replica's last heartbeat is moved back past the 12 s that make a replica dead, rather than
waited out); and a post whose answer was lost is not posted twice.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from benchmarks.fault_run import World, bot_messages, busy_world, kudos, run_under_faults
from benchmarks.kill_replica import kill_mid_burst
from storage.models import Kudos

# Few people: each DM starts with conversations.open, which Slack paces at about one a second
# (the benchmark's 60 experts take a minute for that alone).
EXPERTS = 8
CHANNELS = 8


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with busy_world(tmp_path, experts=EXPERTS, channels=CHANNELS) as world:
        yield world


async def test_faults_delay_but_never_lose_or_double_a_delivery(world: World) -> None:
    """A fifth of Slack's answers fail for 5 s while 24 kudos and 6 questions arrive and their
    messages go out: once Slack recovers, every shout-out, offer and DM went out exactly once."""
    outcome = await run_under_faults(world, kudos_count=24, question_count=6)
    assert outcome.failed == [], outcome.figures


async def test_a_post_whose_answer_was_lost_is_not_posted_again(world: World) -> None:
    """Slack posts the shout-out but the answer fails: the retry finds its own message
    (by the delivery's metadata mark) instead of posting a second one."""
    slack = world.slack
    slack.emu.faults.add("chat.postMessage", status=500, times=2, applied=True)
    delivery = await kudos(world, 7)()
    assert delivery.ok
    await slack.drain()
    posts = [m for m in bot_messages(world) if "fix number 0007" in m.text]
    assert sorted("gave kudos" in m.text for m in posts) == [False, True]  # a DM, a shout-out
    assert len([c for c in slack.emu.calls_to("chat.postMessage") if not c.ok]) == 2
    async with slack.services.sessions() as s:
        [entry] = list(await s.scalars(select(Kudos)))
    shoutout = next(m for m in posts if "gave kudos" in m.text)
    assert entry.shoutout_ts == shoutout.ts


async def test_a_killed_replica_loses_no_acknowledged_kudos_and_doubles_none(
    tmp_path: Path,
) -> None:
    """`askaround serve` killed with SIGKILL in the middle of 128 kudos, then a second replica:
    every acknowledged kudos is in the ledger once, shouted out once and DMed once (the
    benchmark, `python -m benchmarks.kill_replica`, gives 120 to 240)."""
    outcome = await kill_mid_burst(tmp_path, total=128, long_dead=True)
    assert outcome.failed == [], outcome.figures
