"""A replica killed with SIGKILL in the middle of a burst of kudos, then restarted: every
kudos Slack saw acknowledged is in the ledger once, shouted out once and DMed once, and the
inbox and the outbox drain. Nothing is mocked: `askaround serve` runs as its own process
against the local Slack emulator and the suite's database (a SQLite file or PostgreSQL).
"""

from __future__ import annotations

import asyncio
import inspect
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from benchmarks.procs import free_port, wait_healthy
from slack_emulator import Delivery, SlackEmulator
from storage import inbox, outbox, workspaces
from storage.db import create_engine, create_inbox_engine, create_sessions
from storage.migrate import upgrade_head
from storage.models import InboxItem, Kudos, OutboxItem
from tests.databases import fresh_database
from tests.e2e.harness import BOT_TOKEN, SIGNING_SECRET, subscribed_events

PEOPLE = 16
CHANNELS = 30
CONCURRENT_REQUESTS = 16
PROCESS_BOUND_SECONDS = 300  # no bot outlives a broken test by more than this


def children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


class Replica:
    """`askaround serve` as a child process, started and killed by pid."""

    def __init__(self, emu: SlackEmulator, database_url: str, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.env = {
            **os.environ,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_APP_TOKEN": "",
            "SLACK_API_URL": emu.api_url,
            "ASKAROUND_DATABASE_URL": database_url,
            "ASKAROUND_HOST": "127.0.0.1",
            "ASKAROUND_PORT": str(self.port),
            "ASKAROUND_LOG_LEVEL": "WARNING",
        }
        self.process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    async def start(self) -> None:
        with (self.workdir / f"replica-{self.port}.log").open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                *("timeout", "--signal=KILL", str(PROCESS_BOUND_SECONDS), sys.executable),
                *("-m", "bot.runtime.cli", "serve"),
                cwd=self.workdir,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        await wait_healthy(self.port, within=30)

    async def kill(self) -> None:
        """SIGKILL the bot itself (the child of `timeout`): no chance to clean up."""
        assert self.process is not None
        for pid in children(self.process.pid):
            os.kill(pid, signal.SIGKILL)
        await asyncio.wait_for(self.process.wait(), 10)

    async def stop(self) -> None:
        """SIGTERM, so the bot drains; SIGKILL if it takes more than 20 s."""
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 20)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


@asynccontextmanager
async def company(tmp_path: Path) -> AsyncIterator[tuple[SlackEmulator, str, list[str]]]:
    """The emulator with PEOPLE people and CHANNELS channels, a migrated database whose
    workspace allows plenty of kudos a day, and the channel ids."""
    async with fresh_database(tmp_path) as url:
        emu = SlackEmulator(
            signing_secret=SIGNING_SECRET,
            bot_token=BOT_TOKEN,
            event_subscriptions=subscribed_events(),
        )
        await emu.start()
        try:
            ws = emu.workspace
            people = [
                ws.add_user(f"person{n:02d}", real_name=f"Person {n:02d}").id for n in range(PEOPLE)
            ]
            channels = [ws.add_channel(f"team-{n:02d}", members=people).id for n in range(CHANNELS)]
            engine = create_engine(url)
            try:
                await upgrade_head(engine)
                async with create_sessions(engine)() as s, s.begin():
                    await workspaces.configure(s, ws.team_id, daily_allowance=100_000)
            finally:
                await engine.dispose()
            yield emu, url, channels
        finally:
            await emu.stop()


async def test_a_killed_replica_loses_no_acknowledged_kudos_and_doubles_none(
    tmp_path: Path,
) -> None:
    async with company(tmp_path) as (emu, url, channels):
        engine = create_engine(url)
        inbox_engine = create_inbox_engine(engine)
        sessions = create_sessions(engine, inbox_engine)
        total = 240 if engine.dialect.name == "postgresql" else 120
        ws = emu.workspace
        users = {u.name: u.id for u in ws.users.values()}
        first = Replica(emu, url, tmp_path)
        second = Replica(emu, url, tmp_path)
        try:
            await first.start()
            emu.request_url = first.url
            gate = asyncio.Semaphore(CONCURRENT_REQUESTS)
            deliveries: list[Delivery] = []

            async def give(n: int) -> None:
                giver = f"person{n % PEOPLE:02d}"
                receiver = users[f"person{(n * 7 + 1) % PEOPLE:02d}"]
                text = f"<@{receiver}> for fixing thing number {n:04d} today"
                async with gate:
                    deliveries.append(
                        await emu.slash_command(
                            users[giver], "/kudos", text, channel_id=channels[n % CHANNELS]
                        )
                    )

            half = total // 2
            sending = asyncio.gather(*(give(n) for n in range(half)))
            # Kill once a quarter is acknowledged and some acked requests are still open.
            await _until(lambda: sum(d.ok for d in deliveries) >= half // 2)
            await _until(lambda: _open(sessions))
            await first.kill()
            acked_before_kill = sum(d.ok for d in deliveries)
            await sending
            await second.start()
            emu.request_url = second.url
            await asyncio.gather(*(give(n) for n in range(half, total)))
            await _drained(sessions, within=120)

            acked = {d.payload["trigger_id"] for d in deliveries if d.ok}
            reached = {d.payload["trigger_id"] for d in deliveries}
            async with sessions() as s:
                entries = list(await s.scalars(select(Kudos)))
                items = list(await s.scalars(select(OutboxItem)))
                replayed = await s.scalar(
                    select(func.count()).select_from(InboxItem).where(InboxItem.replays > 0)
                )
        finally:
            await first.stop()
            await second.stop()
            await engine.dispose()
            if inbox_engine is not None:
                await inbox_engine.dispose()

    assert acked_before_kill < half, "the kill came in the middle of the burst"
    assert replayed, "some acknowledged requests were still open when the replica died"
    assert len(acked) > total // 2
    given = Counter(k.batch_key.removeprefix("cmd:") for k in entries)
    assert acked <= set(given), "every acknowledged kudos is in the ledger"
    assert set(given) <= reached and set(given.values()) == {1}, "and none twice"
    assert {i.status for i in items} == {"sent"}
    said = Counter(m.text for c in ws.channels.values() for m in emu.messages(c.id) if m.by_bot)
    for entry in entries:
        shoutouts = [
            n for text, n in said.items() if "gave kudos" in text and entry.message in text
        ]
        dms = [n for text, n in said.items() if "gave you kudos" in text and entry.message in text]
        assert shoutouts == [1] and dms == [1], entry.message


async def _until(condition: Callable[[], object]) -> None:
    for _ in range(30_000):
        met = condition()
        if await met if inspect.isawaitable(met) else met:
            return
        await asyncio.sleep(0.01)
    raise TimeoutError("the condition was not met in 5 minutes")


async def _open(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as s:
        return await inbox.open_count(s)


async def _drained(sessions: async_sessionmaker[AsyncSession], within: float) -> None:
    """Wait until no request is open in the inbox and nothing waits in the outbox (twice in
    a row, a second apart: a replayed request may be about to write deliveries)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    quiet = 0
    while quiet < 2:
        async with sessions() as s:
            waiting, _oldest = await outbox.depth(s)
            open_requests = await inbox.open_count(s)
        quiet = quiet + 1 if waiting == open_requests == 0 else 0
        if loop.time() > deadline:
            raise TimeoutError(f"{open_requests} requests open, {waiting} deliveries waiting")
        await asyncio.sleep(1.0)
