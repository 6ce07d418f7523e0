"""The whole bot over real sockets: the local Slack emulator, `askaround serve`'s runner and a
database file (or a fresh PostgreSQL database), wired as in production.

Tests talk to it the way a person does: run a slash command, post a message, click a button.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import pytest
import yaml

from bot.runtime.app import Askaround
from bot.runtime.cli import main
from bot.runtime.demo.session import settle
from bot.runtime.demo.shell import to_slack_text
from bot.runtime.logs import LEVEL_READ_AS_SET
from bot.runtime.runner import Runner
from bot.services import Services
from bot.settings import BOT_SCOPES, Settings
from bot.worktime import ROUND_THE_CLOCK
from handlers.dispatch.after_ack import ack_within
from slack_emulator import SlackEmulator, TeamApi
from slack_emulator.clock import REAL_CLOCK, Clock
from storage import outbox_status
from tests.databases import migrated_database
from tests.slack.block_kit import second_reading

ROOT = Path(__file__).parents[2]
SIGNING_SECRET = "e2e-signing-secret"
BOT_TOKEN = "xoxb-e2e-bot-token"
APP_TOKEN = "xapp-e2e-app-token"
CLIENT_ID = "1234567890.0987654321"
CLIENT_SECRET = "e2e-client-secret"


@dataclass(frozen=True)
class PersonSpec:
    handle: str
    real_name: str
    tz: str = "Europe/London"
    is_bot: bool = False
    deleted: bool = False


DEFAULT_PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("carol", "Carol Diaz", "America/New_York"),
    PersonSpec("maria", "Maria Lopez", "Europe/Madrid"),
    PersonSpec("dave", "Dave Gone", deleted=True),
    PersonSpec("helperbot", "Helper Bot", is_bot=True),
)


def subscribed_events() -> set[str]:
    return set(_bot_events())


@cache
def _bot_events() -> tuple[str, ...]:
    """Read once a process: parsing the manifest took 25 ms, and every test's emulator asks."""
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    return tuple(manifest["settings"]["event_subscriptions"]["bot_events"])


class Running(Protocol):
    """The bot a harness drives: `askaround serve`'s `Runner` here; the in-process bot in
    tier (b) (`tests/slack/harness.py`)."""

    settings: Settings
    bot: Askaround


@dataclass
class Harness:
    emu: SlackEmulator
    runner: Running
    users: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    team: TeamApi | None = None  # the workspace acted in; None: the emulator's first

    @property
    def services(self) -> Services:
        return self.runner.bot.services

    @property
    def here(self) -> TeamApi:
        """The workspace this harness's people are in."""
        return self.team or self.emu

    @property
    def team_id(self) -> str:
        return self.here.team_id

    def add_team(
        self,
        team_id: str,
        team_name: str,
        people: Iterable[PersonSpec] = DEFAULT_PEOPLE,
        enterprise_id: str | None = None,
    ) -> Harness:
        """Another workspace on the same emulator and bot, seeded like the first one (so the
        same handles, and even the same user and channel ids); install it with `install`.
        With `enterprise_id`, one of an Enterprise Grid organisation's workspaces."""
        team = self.emu.add_team(team_id, team_name, enterprise_id=enterprise_id)
        return seed_people(self.emu, team, people, self.runner)

    async def install(self, *, allow: bool = True) -> Any:
        """Install the app in this harness's workspace through OAuth, as a person would, and
        wait for what the bot does then in the background (the directory's catch-up)."""
        installed = await self.emu.install(self.team_id, allow=allow)
        await self.runner.bot.scheduler.idle()
        return installed

    def user(self, handle: str) -> str:
        return self.users[handle]

    def channel(self, name: str) -> str:
        return self.channels[name]

    def escape(self, text: str) -> str:
        """What Slack's client does to a typed `@name`: `<@U123|name>`."""
        return to_slack_text(text, self.users)

    async def command(
        self, handle: str, command: str, text: str = "", channel: str = "general"
    ) -> Any:
        return await self.here.slash_command(
            self.user(handle), command, self.escape(text), channel_id=self.channel(channel)
        )

    async def post(self, handle: str, channel: str, text: str, thread_ts: str | None = None) -> Any:
        message, _deliveries = await self.here.post_message(
            self.user(handle), self.channel(channel), self.escape(text), thread_ts=thread_ts
        )
        return message

    async def dm_bot(self, handle: str, text: str) -> Any:
        im = self.here.workspace.open_im(self.user(handle))
        message, _deliveries = await self.here.post_message(
            self.user(handle), im.id, self.escape(text)
        )
        return message

    async def drain(self, within: float = 60.0) -> None:
        """Wait until every outbox delivery is sent or failed, retries and backoff included;
        one queued for a later moment (the end of a kudos' Undo) is not waited for.

        An empty outbox counts only when it is still empty after settling: a listener still
        working after its ack may be about to write new deliveries."""
        deadline = asyncio.get_running_loop().time() + within
        while True:
            if await self._waiting() == 0:
                await self.settle()
                if await self._waiting() == 0:
                    return
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(
                    f"{await self._waiting()} deliveries still waiting after {within}s"
                )
            await asyncio.sleep(0.1)

    async def _waiting(self) -> int:
        async with self.services.sessions() as s:
            waiting, _oldest = await outbox_status.depth(s, self.services.clock.now())
        return waiting

    async def settle(self) -> None:
        """Wait until the bot is quiet: no request in flight, nothing due in its outbox."""
        assert isinstance(self.runner, Runner)
        assert await settle(self.emu, self.runner), "the bot was still busy"


def bot_settings(
    emu: SlackEmulator,
    database_url: str,
    socket_mode: bool,
    oauth: bool = False,
    working_hours: str | None = ROUND_THE_CLOCK,
) -> Settings:
    """Tier c runs on the real clock, where every colleague is off for the weekend on
    Saturdays: its bots keep working hours all week round, so no test waits for someone's
    Monday. `working_hours` None: the setting's default."""
    tokens = (
        {"SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET}
        if oauth
        else {"SLACK_BOT_TOKEN": BOT_TOKEN}
    )
    return Settings.from_env(
        tokens
        | {
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_APP_TOKEN": APP_TOKEN if socket_mode else "",
            "SLACK_API_URL": emu.api_url,
            "ASKAROUND_DATABASE_URL": database_url,
            "ASKAROUND_HOST": "127.0.0.1",
            "ASKAROUND_PORT": "0",
        }
        | ({"ASKAROUND_WORKING_HOURS": working_hours} if working_hours else {}),
        env_file=None,
    )


# How long the tests' Slack waits for an ack before it gives up (and retries an event). Slack's
# own 3 s made an unrelated test fail now and then on a loaded 2-core CI runner, where a
# worker's event loop gets a quarter of a core; how fast the bot acks is measured by the
# benchmarks (docs/benchmarks.md), and the emulator's own tests keep short timeouts.
ACK_TIMEOUT_SECONDS = 15.0


def new_emulator(clock: Clock = REAL_CLOCK) -> SlackEmulator:
    """The local Slack the tests' bot is registered with (not started yet)."""
    emu = SlackEmulator(
        ack_timeout=ACK_TIMEOUT_SECONDS,
        signing_secret=SIGNING_SECRET,
        bot_token=BOT_TOKEN,
        app_token=APP_TOKEN,
        event_subscriptions=subscribed_events(),
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        clock=clock,
        bot_scopes=BOT_SCOPES,
    )
    # Beside Slack's rules, the renderers' tests' own reading of every layout the bot sends.
    emu.workspace.layout_checks.append(second_reading)
    return emu


@asynccontextmanager
async def running_bot(
    tmp_path: Path,
    *,
    socket_mode: bool = False,
    people: Iterable[PersonSpec] = DEFAULT_PEOPLE,
    database_url: str | None = None,
    oauth: bool = False,
) -> AsyncIterator[Harness]:
    """Start emulator and bot, seed people and channels, and stop both afterwards.

    With `oauth`, the bot runs in OAuth mode and knows no workspace until one installs it
    (`Harness.install`).

    The database is already at the newest migration, as tier b's is: creating and migrating
    one for each test was half the PostgreSQL server's work in this tier (`tests/e2e` alone,
    14 → 7 CPU-s of the server's, 28 → 26 of the tests'). `askaround serve` migrating a
    database nobody touched is `test_foundation`'s `test_shutdown_finishes_work_already_acked`."""
    async with migrated_database(tmp_path) as migrated_url:
        url = database_url or migrated_url
        emu = new_emulator()
        await emu.start()
        try:
            harness = seed_people(emu, emu, people)
            settings = bot_settings(emu, url, socket_mode, oauth)
            # The bot acks empty half a second before this Slack gives up, as before Slack's.
            async with Runner(settings, ack_within=ack_within(ACK_TIMEOUT_SECONDS)) as runner:
                emu.request_url = runner.url
                emu.install_url = f"{runner.base_url}/slack/install"
                emu.redirect_url = f"{runner.base_url}/slack/oauth_redirect"
                harness.runner = runner
                # What the bot does once started (the directory's catch-up) is done before
                # the test begins, as it would be long before anyone typed.
                await runner.bot.scheduler.idle()
                yield harness
                await harness.settle()
                assert not emu.block_kit_problems, emu.block_kit_problems
        finally:
            await emu.stop()


def seed_people(
    emu: SlackEmulator,
    team: TeamApi,
    people: Iterable[PersonSpec],
    runner: Running | None = None,
) -> Harness:
    people = tuple(people)
    harness = Harness(emu=emu, runner=runner, team=None if team is emu else team)  # type: ignore[arg-type]
    ws = team.workspace
    for spec in people:
        user = ws.add_user(
            name=spec.handle,
            real_name=spec.real_name,
            email=f"{spec.handle}@example.com",
            tz=spec.tz,
            is_bot=spec.is_bot,
            deleted=spec.deleted,
        )
        harness.users[spec.handle] = user.id
    humans = [harness.users[p.handle] for p in people if not (p.is_bot or p.deleted)]
    harness.channels["general"] = ws.general.id
    harness.channels["secret"] = ws.add_channel(
        "secret", is_private=True, members=[harness.users["alice"], harness.users["bob"]]
    ).id
    harness.channels["random"] = ws.add_channel("random", members=humans, include_bot=False).id
    return harness


async def run_main(args: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`askaround ARGS…` through the command line's `main` (what the installed script calls)
    in this process, its settings from the environment as a process's would be: its exit
    code, standard output and standard error. A process of its own cost 1.3-1.5 CPU-s a run,
    importing; what only a process shows (the script, pipes, a terminal, signals) is
    `tests/domain/test_cli_*.py`'s. `main` runs its own event loop, so from the test's loop
    (which may be serving its Slack) it runs in a thread."""
    capsys.readouterr()
    code = await asyncio.to_thread(main, list(args))
    out, err = capsys.readouterr()
    return code, out, err


@contextmanager
def logging_put_back() -> Iterator[None]:
    """The root logger's handlers and level, and the levels `configure_logging` sets, as they
    were before the block: a command run through `main` here (serve, the demo) sets the
    logging up as its own process would."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in LEVEL_READ_AS_SET}
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        for name, was in levels.items():
            logging.getLogger(name).setLevel(was)


async def serve_here(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, within: float = 120
) -> tuple[int, str, str]:
    """`askaround serve` as `run_main` runs a command, for a serve that must stop by itself
    (a setting, a port or a token it cannot use): its exit code, standard output and standard
    error, its logging put back after it. What it left unclosed is collected before its
    standard error is read, as a process's exit would show it ("Unclosed client session").
    One that runs on fails the test after `within` seconds (generous, for a loaded host); its
    thread is a daemon's, left to end with the process, as nothing here can stop it (serve
    hears signals in the main thread only). MALLOC_ARENA_MAX, an operator's choice serve
    leaves alone, keeps it from limiting this process's malloc arenas."""
    monkeypatch.setenv("MALLOC_ARENA_MAX", "8")
    loop = asyncio.get_running_loop()
    ended: asyncio.Future[int] = loop.create_future()

    def serve() -> None:
        try:
            with logging_put_back():
                code = main(["serve"])
                gc.collect()
        except BaseException as error:
            loop.call_soon_threadsafe(ended.set_exception, error)
        else:
            loop.call_soon_threadsafe(ended.set_result, code)

    capsys.readouterr()
    before = set(threading.enumerate())
    threading.Thread(target=serve, name="askaround serve", daemon=True).start()
    try:
        code = await asyncio.wait_for(asyncio.shield(ended), within)
    except TimeoutError:
        raise AssertionError(f"serve ran on after {within:.0f} s") from None
    # a thread it left running would keep its process from exiting
    left = [t.name for t in threading.enumerate() if not t.daemon and t not in before]
    assert not left, left
    out, err = capsys.readouterr()
    return code, out, err
