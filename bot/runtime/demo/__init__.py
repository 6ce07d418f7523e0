"""`askaround demo`: the real bot, over real sockets, against the local Slack emulator.

Nothing here is a second implementation of the bot: each line goes down the same signed
HTTP path Slack would use, and what the emulator records is printed back.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, TextIO

from bot.runtime.demo.company import create_slack_users, load_company, seed_bot
from bot.runtime.demo.session import DemoSession
from bot.runtime.demo.shell import BadLine, parse_line
from bot.runtime.logs import configure_logging
from bot.runtime.runner import Runner
from bot.settings import BOT_SCOPES, Settings
from bot.words import and_list
from bot.worktime import ROUND_THE_CLOCK
from handlers.dispatch.after_ack import ack_within
from slack_emulator import SlackEmulator

BANNER = """askaround demo: the real bot and a company of {people} in a local Slack emulator.
{cast}; `people` lists everyone.
Type what someone does in Slack, for example:
  @alice: /kudos @bob thanks for the review #teamwork    (a command, in #general)
  @carol: @askaround how do we unlock a stuck terraform state?    (a mention)
  @bob dm: hello                   (a direct message to the bot)
  @dev reply: try force-unlock     (reply in the thread of the last message by someone else)
  @maria home                      (open the App Home tab)
  @dev click I can help            (press a button @dev can see)
  @dev pick Suggest someone @bob   (pick in a menu @dev can see; `Menu=option` for an option)
  @bob react :kudos:               (react to the last message by someone else in #general)
  @alice shortcut give_kudos on last    (a message shortcut, on the last message by someone else)
  @alice shortcut give_kudos_global      (a shortcut used on no message)
  @alice submit Field=value; Other field=value    (fill in and submit the open modal;
                                   `\\n` starts a new line in a long field)
  wait 2 hours                     (time passes: unanswered requests move on, digests come due;
                                   in minutes, hours, days, weeks or months: `wait an hour`,
                                   `wait 1 month`)
Add `in #channel` after the name to act elsewhere. `help` repeats this; Ctrl-D or `quit` ends."""


# The demo's Slack runs on this machine, which may be busy: it waits 15 s for an ack, and the bot
# acks empty half a second before, as before Slack's 3 s. With Slack's own, a settings form
# submitted on a loaded machine was acked empty, its confirmation never shown.
SLACK_WAITS_SECONDS = 15.0

# The demo company's workspace: a --database holding any other is a real one, left alone.
DEMO_TEAM_ID = "T0EMULATE"

CARRIED_ON = """Carrying on with the company kept in {file}: its kudos, questions and settings
count, but this Slack starts empty, so earlier messages are not here to click or react to."""


async def run_demo(
    database: str | None = None, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="askaround-demo-") as tmp:
        db_file = Path(database) if database else Path(tmp) / "demo.db"
        secret = secrets.token_hex(16)
        async with SlackEmulator(
            signing_secret=secret,
            team_id=DEMO_TEAM_ID,
            bot_scopes=BOT_SCOPES,
            ack_timeout=SLACK_WAITS_SECONDS,
        ) as emu:
            company = load_company()
            users = create_slack_users(emu, company)
            settings = Settings.from_env(
                {
                    "SLACK_BOT_TOKEN": emu.bot_token,
                    "SLACK_SIGNING_SECRET": secret,
                    "SLACK_API_URL": emu.api_url,
                    "ASKAROUND_DATABASE_URL": f"sqlite:///{db_file}",
                    "ASKAROUND_HOST": "127.0.0.1",
                    "ASKAROUND_PORT": "0",
                    "ASKAROUND_LOG_LEVEL": "WARNING",
                    # The company spans Los Angeles to Sydney, and a demo runs on the real clock:
                    # its people work round the clock, so every request is seen as it is sent.
                    "ASKAROUND_WORKING_HOURS": ROUND_THE_CLOCK,
                },
                env_file=None,
            )
            configure_logging("WARNING", settings.secrets)
            async with Runner(settings, ack_within=ack_within(SLACK_WAITS_SECONDS)) as runner:
                emu.request_url = runner.url
                emu.event_subscriptions = runner.bot.router.names("event")
                # Time moves only when someone types `wait …`: the jobs run then, not while
                # the newcomer reads.
                await runner.bot.scheduler.stop()
                new = await seed_bot(runner.bot.services, emu.team_id, emu)
                session = DemoSession(emu, users, runner)
                await session.begin()
                banner = BANNER.format(people=len(company), cast=cast(company))
                carried = f"{banner}\n{CARRIED_ON.format(file=db_file)}"
                print(banner if new else carried, file=out, flush=True)
                return await _loop(session, _lines(stdin), stdin.isatty(), out, company)


def cast(company: list[dict[str, Any]]) -> str:
    """Who to try the admin's and the managers' views with, and who gets a weekly summary:
    whoever has people reporting to them, the managers' own manager too."""

    def first(people: list[dict[str, Any]]) -> str:
        return and_list([p["name"].split()[0] for p in people])

    def with_role(role: str) -> list[dict[str, Any]]:
        return [p for p in company if role in p.get("roles", ())]

    heads = {p.get("manager") for p in company}
    above = [p for p in company if p["handle"] in heads and p not in with_role("manager")]
    theirs = f", {first(above)} theirs" if above else ""
    return (
        f"{first(with_role('admin'))} is the admin; {first(with_role('manager'))} are "
        f"managers{theirs}; each gets a weekly digest of their people"
    )


def people(company: list[dict[str, Any]]) -> str:
    teams: dict[str, list[str]] = {}
    for p in company:
        roles = "".join(f" ({r})" for r in p.get("roles", ()))
        teams.setdefault(p["team"], []).append(f"@{p['handle']}{roles}")
    lines = [f"  {team}: {' '.join(handles)}" for team, handles in teams.items()]
    return "\n".join(
        [
            *lines,
            "Channels: #general (where lines happen), #random, #design (askaround is not in it)"
            " and #platform (private, the Platform team).",
            "`@alice: /skills @bob` shows someone's title and skills; "
            "`@alice: /skills who terraform` who knows a topic.",
        ]
    )


def _lines(stdin: TextIO) -> asyncio.Queue[str]:
    """Lines as they are typed, read off the event loop: waiting for the keyboard must not
    stop the bot, and Ctrl-C must reach the loop (a read on it left Ctrl-C unheard)."""
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str] = asyncio.Queue()

    def read() -> None:
        while True:
            raw = stdin.readline()
            try:
                loop.call_soon_threadsafe(lines.put_nowait, raw)
            except RuntimeError:  # the demo ended while this line was typed
                return
            if not raw:
                return

    threading.Thread(target=read, name="demo-input", daemon=True).start()
    return lines


async def _loop(
    session: DemoSession,
    lines: asyncio.Queue[str],
    interactive: bool,
    out: TextIO,
    company: list[dict[str, Any]],
) -> int:
    failures = 0
    while True:
        if interactive:
            print("> ", end="", file=out, flush=True)
        try:
            raw = await lines.get()
        except asyncio.CancelledError:  # Ctrl-C: the shell's prompt goes on a line of its own
            print(file=out, flush=True)
            raise
        if not raw:
            if interactive:
                print(file=out)
            break
        if raw.strip() in ("quit", "exit"):
            break
        if raw.strip() in ("help", "?", "people"):
            if not interactive:
                print(f"> {raw.rstrip()}", file=out)
            shown = people(company) if raw.strip() == "people" else BANNER.split("\n", 2)[2]
            print(shown, file=out)
            continue
        if not interactive and raw.strip():
            print(f"> {raw.rstrip()}", file=out)
        try:
            bot = f"<@{session.emu.bot_user_id}>"
            line = parse_line(re.sub(r"@askaround\b", bot, raw, flags=re.IGNORECASE))
            if line is None:
                continue
            news = await session.perform(line)
        except BadLine as error:
            failures += 1
            print(f"  ! {error}", file=out)
            continue
        print("\n".join(news) if news else "  (nothing visible happened)", file=out, flush=True)
    return 1 if failures and not interactive else 0
