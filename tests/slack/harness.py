"""The bot in the test's own process: the local Slack emulator hands each signed request to
the bot's front door (`handlers.dispatch.door`: signature, shape, then Bolt's
`app.async_dispatch`, as bolt-python's scenario tests do), the same one its HTTP server uses;
the bot's Web API calls still reach the emulator over loopback HTTP; a database file (or a
fresh PostgreSQL database).

The same people and the same `Harness` API as the end-to-end tier (`tests/e2e/harness.py`),
so tests read alike. What differs is time: Slack's pace (the outbox's paced client and the
emulator's limits) runs on one fake clock, and waiting for the bot to finish watches its
work (listeners after their ack, Slack calls, outbox rows) instead of a quiet spell on a
timer. When only deliveries put back for later are left, `settle` and `drain` move the
domain clock and the fake clock forward to them together, as time would have passed; those
queued for a later moment (`enqueue`'s `at`) wait until a test moves the clocks there.

In OAuth mode a person installs the app in a browser, so the bot's install and redirect pages
are served on loopback; Slack's requests still come in process.
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from unittest.mock import patch

from aiohttp import web
from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Dialect, make_url

from bot.reliability import inbox as reliability_inbox
from bot.runtime.app import Askaround, build
from bot.runtime.runner import DRAIN_SECONDS, finish_in_flight, in_flight_listeners
from bot.runtime.server import build_web_app
from bot.settings import Settings
from handlers.dispatch.after_ack import ack_within
from handlers.dispatch.door import SlackDoor
from handlers.outbox import worker
from handlers.outbox.worker import PUT_BACK_HORIZON
from slack_emulator import FakeClock, SlackEmulator
from storage.db import INBOX_FILE_SUFFIX
from storage.models import OutboxItem
from tests.databases import kept_sqlite_folder, migrated_database, postgres_server_url
from tests.e2e.harness import (
    ACK_TIMEOUT_SECONDS,
    DEFAULT_PEOPLE,
    Harness,
    PersonSpec,
    bot_settings,
    new_emulator,
    seed_people,
)

POLL_SECONDS = 0.01  # while the outbox worker has work due
# An idle outbox worker looks for new deliveries every 2 s (`IDLE_POLL_SECONDS`); in process, with
# no network to wait for, that pause would be most of a test's time.
WORKER_POLL_SECONDS = 0.5
# A request's done mark waits 0.1 s for the next request's write to ride on; a test sends one
# request at a time and waits for its listener, done mark included, so that wait was 40% of
# the tier's time. Closing at once writes the same mark (the end-to-end tier keeps the wait).
DONE_LINGER_SECONDS = 0.0
# The bot acks empty what its listener has not acked half a second before Slack gives up: 2.5
# s of real time against Slack's 3, where at load 20 a worker's event loop got too little of a
# core for a settings form of thirty long values to be checked and saved, and two tests failed
# on its empty ack. The tests' Slack waits 15 s (`ACK_TIMEOUT_SECONDS`), and the bot the same
# half second less; a test of the late ack has it late at once (`ack_deadline_now`: 0).
ACK_WITHIN = ack_within(ACK_TIMEOUT_SECONDS)


@dataclass
class InProcess:
    """What `Runner` is to the end-to-end tier, without a server: the bot, started."""

    settings: Settings
    bot: Askaround
    # On SQLite, where `settle` and `drain` read the outbox (`OutboxReads`).
    reads: OutboxReads | None = None

    async def dispatch(self, headers: dict[str, str], body: str) -> tuple[int, str, dict[str, str]]:
        """One signed request, through the door the HTTP server uses (which verifies it)."""
        door = SlackDoor(self.bot.app, self.settings.signing_secret)
        response, _body = await door.answer(body.encode(), headers)
        return response.status, response.body, response.first_headers()


@dataclass
class Outbox:
    """Where the outbox stands: being sent or due now, and the soonest put back for later."""

    busy: bool
    later: datetime | None


@dataclass
class SlackHarness(Harness):
    pace: FakeClock = field(default_factory=FakeClock)

    def add_team(
        self,
        team_id: str,
        team_name: str,
        people: Iterable[PersonSpec] = DEFAULT_PEOPLE,
        enterprise_id: str | None = None,
    ) -> SlackHarness:
        other = super().add_team(team_id, team_name, people, enterprise_id)
        other.here.workspace.event_clock = self.emu.workspace.event_clock  # the bot's, as here
        return SlackHarness(
            emu=other.emu,
            runner=other.runner,
            users=other.users,
            channels=other.channels,
            team=other.team,
            pace=self.pace,
        )

    @contextmanager
    def bot_down(self) -> Iterator[None]:
        """Every delivery to the bot fails meanwhile (503), as while it is down: Slack retries
        each later, after whatever happens in between."""
        up = self.emu.app_in_process
        assert up is not None

        async def down(_headers: dict[str, str], _body: str) -> tuple[int, str, dict[str, str]]:
            return 503, "", {}

        self.emu.app_in_process = down
        try:
            yield
        finally:
            self.emu.app_in_process = up

    def add_named_like_markup(self, name: str) -> tuple[str, str]:
        """An app and someone deactivated, both named `name` in Slack (a name anyone may type,
        markup included): their user ids, for refusals that name them."""
        ws = self.emu.workspace
        app = ws.add_user("markupbot", real_name=name, is_bot=True).id
        return app, ws.add_user("markupgone", real_name=name, deleted=True).id

    async def make_private_unheard(self, channel: str, by: str) -> None:
        """Make a public channel private without the app hearing of it, as for an install
        whose manifest predates its `message.groups` subscription: Slack says so only in a
        message in the channel, sent to apps subscribed to private channels' messages."""
        subscribed = self.emu.event_subscriptions
        assert subscribed is not None, "the emulator sends what the manifest subscribes to"
        self.emu.event_subscriptions = set(subscribed) - {"message.groups"}
        try:
            assert await self.emu.make_private(channel, by=by) is None
        finally:
            self.emu.event_subscriptions = subscribed

    def advance(self, delta: timedelta) -> None:
        """Let `delta` pass for the bot: its domain clock and Slack's pace move together."""
        self.services.clock.advance(delta)
        self.pace.advance(delta.total_seconds())
        self.runner.bot.outbox.wake()

    async def settle(self, within: float = 30.0) -> None:
        """Wait until the bot is quiet: no listener working after its ack, no Slack call or
        delivery in flight, nothing in the outbox being sent or due within a few seconds
        (those put back that soon are waited for, by moving the clocks), twice in a row."""
        await self._until_quiet(PUT_BACK_HORIZON, within)

    async def drain(self, within: float = 60.0) -> None:
        """Wait until every outbox delivery is sent or failed, retries and backoff included:
        the clocks move to each delivery put back for later. One queued for a later moment
        (the end of a kudos' Undo, a colleague's morning) waits for a test to `advance` to it."""
        await self._until_quiet(None, within)

    async def _until_quiet(self, horizon: timedelta | None, within: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        quiet = 0
        while quiet < 2:
            if loop.time() > deadline:
                raise TimeoutError(f"the bot was still busy after {within}s")
            listeners = in_flight_listeners()
            if listeners:
                await asyncio.wait(listeners, timeout=max(0.0, deadline - loop.time()))
                quiet = 0
                continue
            if self.emu.in_flight:
                await asyncio.sleep(POLL_SECONDS / 10)
                quiet = 0
                continue
            # The worker's sends are waited for as such, as `settle` in the demo does: looking
            # every 10 ms, and waking the worker each time, made it claim again while they ran,
            # finding nothing: 3 of 5 claims in the question and kudos flows (docs/testing-log.md).
            sends = self.runner.bot.outbox.sends()
            if sends:
                await asyncio.wait(
                    sends,
                    timeout=max(0.0, deadline - loop.time()),
                    return_when=asyncio.FIRST_COMPLETED,
                )
                quiet = 0
                continue
            outbox = await self._outbox()
            if outbox.busy:
                self.runner.bot.outbox.wake()  # due by a clock that moved without telling it
                await asyncio.sleep(POLL_SECONDS)
                quiet = 0
                continue
            now = self.services.clock.now()
            if outbox.later is not None and (horizon is None or outbox.later <= now + horizon):
                # On a running (thawed) clock the delivery may have come due since it was read.
                if outbox.later > now:
                    self.advance(outbox.later - now)
                else:
                    await asyncio.sleep(POLL_SECONDS)
                quiet = 0
                continue
            quiet += 1
            # A read of the outbox no longer leaves the loop (`OutboxReads`): a real pause
            # before the second look, as its trip to aiosqlite's thread gave the bot's threads.
            await asyncio.sleep(POLL_SECONDS / 10)

    async def _outbox(self) -> Outbox:
        """Where the outbox stands, read by `OutboxReads` on SQLite; on PostgreSQL one
        statement on a Core connection of the bot's engine."""
        now = self.services.clock.now()
        reads = self.runner.reads if isinstance(self.runner, InProcess) else None
        if reads is not None:
            busy, pending = reads.read(now)
        else:
            async with self.services.engine.connect() as connection:
                busy, pending = (await connection.execute(_OUTBOX, {"now": now})).one()
        if pending is not None and pending.tzinfo is None:
            pending = pending.replace(tzinfo=now.tzinfo)
        due = pending is not None and pending <= now
        return Outbox(busy=bool(busy) or due, later=None if due else pending)


Processor = Callable[[Any], Any]
# The outbox's rows being sent, and the soonest pending one already created.
_OUTBOX = select(
    select(func.count()).where(OutboxItem.status == "sending").scalar_subquery(),
    select(func.min(OutboxItem.next_attempt_at))
    .where(
        OutboxItem.status == "pending",
        OutboxItem.created_at <= bindparam("now", type_=OutboxItem.created_at.type),
    )
    .scalar_subquery(),
)


class OutboxReads:
    """`_OUTBOX` on a plain `sqlite3` connection to the test's file, kept for the test, the
    statement compiled once a process for the bot's dialect, its datetimes bound and read as
    the bot's engine would. `settle` and `drain` read the outbox some 26 times a test; through
    the bot's engine a read cost 0.25-0.47 ms of CPU (a trip to aiosqlite's thread and back,
    SQLAlchemy's execution), here 0.01 once the connection, opened at the first read, has read
    the schema (0.7-0.9 ms; docs/testing-log.md). A read in WAL mode holds no lock the bot waits
    on."""

    _compiled: tuple[str, Sequence[str], dict[str, Any], Processor, Processor] | None = None

    def __init__(self, path: str, dialect: Dialect) -> None:
        if OutboxReads._compiled is None:
            compiled = _OUTBOX.compile(dialect=dialect)
            bind = OutboxItem.created_at.type.dialect_impl(dialect).bind_processor(dialect)
            result = OutboxItem.next_attempt_at.type.dialect_impl(dialect).result_processor(
                dialect, None
            )
            assert bind is not None and result is not None and compiled.positiontup
            params = dict(compiled.construct_params({"now": None}))
            OutboxReads._compiled = (compiled.string, compiled.positiontup, params, bind, result)
        self._path = path
        self._connection: sqlite3.Connection | None = None  # opened at the first read

    def read(self, now: datetime) -> tuple[int, datetime | None]:
        assert OutboxReads._compiled is not None
        sql, order, params, bind, result = OutboxReads._compiled
        values = [bind(now) if name == "now" else params[name] for name in order]
        if self._connection is None:
            self._connection = sqlite3.connect(self._path, isolation_level=None)
        busy, pending = self._connection.execute(sql, values).fetchone()
        return busy, None if pending is None else result(pending)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


@asynccontextmanager
async def bot_in_process(
    tmp_path: Path,
    *,
    people: Iterable[PersonSpec] = DEFAULT_PEOPLE,
    database_url: str | None = None,
    oauth: bool = False,
) -> AsyncIterator[SlackHarness]:
    """Start the emulator and the bot in this process, seed people and channels, and stop
    both afterwards. With `oauth`, the bot knows no workspace until one installs it
    (`Harness.install`)."""
    pace = FakeClock()
    async with _database(tmp_path, database_url) as url:
        emu = new_emulator(pace)
        await emu.start()
        try:
            seeded = seed_people(emu, emu, people)
            # On the fake clock, the default working hours: Monday to Friday, 09:00-18:00.
            settings = bot_settings(emu, url, socket_mode=False, oauth=oauth, working_hours=None)
            bot = build(settings, pace_clock=pace, ack_within=ACK_WITHIN)
            # Slack says an event happened (`event_time`) by the bot's clock, as both are
            # real time in production: it moves as a test moves the bot's clock, and
            # compares with what the bot stamps (an install's time). Message ts stay on
            # the wall clock: on a frozen clock two workspaces' messages would share one.
            emu.workspace.event_clock = lambda: bot.services.clock.now().timestamp()
            with (
                patch.object(worker, "IDLE_POLL_SECONDS", WORKER_POLL_SECONDS),
                patch.object(reliability_inbox, "DONE_LINGER_SECONDS", DONE_LINGER_SECONDS),
            ):
                await bot.start()
                # Ready as /readyz says, before a test acts: a start-up build of routing's
                # index still running would land after a test's `invalidate`, older.
                if bot.warming is not None:
                    await bot.warming
                pages: web.AppRunner | None = None
                running = InProcess(settings, bot, _outbox_reads(url, bot))
                try:
                    if oauth:
                        pages = await _install_pages(emu, bot)
                    emu.app_in_process = running.dispatch
                    yield SlackHarness(
                        emu=emu,
                        runner=running,
                        users=seeded.users,
                        channels=seeded.channels,
                        pace=pace,
                    )
                    # What Slack would have refused or warned about fails the test that sent it.
                    assert not emu.block_kit_problems, emu.block_kit_problems
                finally:
                    if pages is not None:
                        await pages.cleanup()
                    await finish_in_flight(DRAIN_SECONDS)
                    await bot.close()
                    if running.reads is not None:
                        running.reads.close()
        finally:
            await emu.stop()


@asynccontextmanager
async def _database(tmp_path: Path, given: str | None) -> AsyncIterator[str]:
    """`given`, else an empty migrated database: a world's copy (`bot_on_world`) needs none."""
    if given is not None:
        yield given
        return
    async with migrated_database(tmp_path) as url:
        yield url


def _outbox_reads(url: str, bot: Askaround) -> OutboxReads | None:
    """The outbox's reads on a plain connection to the bot's SQLite file; on PostgreSQL none."""
    database = make_url(url)
    if database.get_backend_name() != "sqlite" or not database.database:
        return None
    return OutboxReads(database.database, bot.services.engine.dialect)


World = Callable[[SlackHarness], Awaitable[None]]
_built: dict[str, Path] = {}  # a world's name: this process's SQLite file it was built on


@asynccontextmanager
async def bot_on_world(
    tmp_path: Path,
    name: str,
    build: World,
    again: Callable[[SlackHarness], None],
    *,
    people: Iterable[PersonSpec],
) -> AsyncIterator[SlackHarness]:
    """The bot on the world `build` makes through Slack (skills declared, a directory
    synced), named `name`. On SQLite `build` runs once a process, on a bot of its own, and
    each test's bot starts on a copy of that database and of its inbox, as a bot restarted
    after it would; `again` sets what lives in the process rather than the database (the
    bot's clock, the emulator's faults), before `build` too. On PostgreSQL each test builds
    it. The questions' world (four `/skills` declarations) cost 65-90 ms of CPU a test, the
    lean-Slack folder's company 110, against 30 for the rest of a test's bot."""
    people = tuple(people)
    if postgres_server_url() is not None:
        async with bot_in_process(tmp_path, people=people) as harness:
            again(harness)
            await build(harness)
            yield harness
        return
    if name not in _built:
        built = await kept_sqlite_folder() / name
        built.mkdir()
        async with bot_in_process(built, people=people) as harness:
            again(harness)
            await build(harness)
            url = make_url(harness.runner.settings.database_url)
        assert url.database is not None
        _built[name] = Path(url.database)
    copy = _copied(_built[name], tmp_path / f"{name}.db")
    async with bot_in_process(
        tmp_path, people=people, database_url=f"sqlite+aiosqlite:///{copy}"
    ) as harness:
        again(harness)
        yield harness


T = TypeVar("T")
_seen: dict[str, Any] = {}  # a view's name: what `seen_once` found, this process


async def seen_once(name: str, see: Callable[[], Awaitable[T]]) -> T:
    """What `see` found (a bot started, a world staged, what each person was shown, the bot
    stopped), found once a process: for the modules whose tests each read their part of the
    same views and change nothing, where each test staged and looked again (1-2 CPU-s a
    test). The first test to ask runs `see`, its failures that test's."""
    if name not in _seen:
        _seen[name] = await see()
    return _seen[name]  # type: ignore[no-any-return]


def _copied(built: Path, copy: Path) -> Path:
    """`built` and its inbox's file copied to `copy`, with any write-ahead log left."""
    for suffix in ("", INBOX_FILE_SUFFIX):
        for log in ("", "-wal"):
            kept = Path(f"{built}{suffix}{log}")
            if log == "" or kept.exists():
                shutil.copyfile(kept, f"{copy}{suffix}{log}")
    return copy


async def _install_pages(emu: SlackEmulator, bot: Askaround) -> web.AppRunner:
    """The bot's web pages on a free loopback port, for the browser that installs it."""
    pages = web.AppRunner(build_web_app(bot), handle_signals=False, shutdown_timeout=1.0)
    await pages.setup()
    site = web.TCPSite(pages, "127.0.0.1", 0)
    await site.start()
    host, port = pages.addresses[0][:2]
    emu.install_url = f"http://{host}:{port}/slack/install"
    emu.redirect_url = f"http://{host}:{port}/slack/oauth_redirect"
    return pages
