"""`askaround demo`: the real bot, over real sockets, against the local Slack emulator.

Nothing here is a second implementation of the bot: each line goes down the same signed
HTTP path Slack would use, and what the emulator records is printed back.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from bot.runtime.demo.company import create_slack_users, load_company, seed_bot
from bot.runtime.demo.session import DemoSession
from bot.runtime.demo.shell import BadLine, parse_line
from bot.runtime.logs import configure_logging
from bot.runtime.runner import Runner
from bot.settings import BOT_SCOPES, Settings
from slack_emulator import SlackEmulator

BANNER = """askaround demo: {people} people, the local Slack emulator at {api} and the bot at {bot}.
Type what someone does in Slack, for example:
  @alice: /askaround help
  @carol: @askaround hi            (a mention, answered in a thread)
  @bob dm: hello                   (a direct message to the bot)
  @maria home                      (open the App Home tab)
  @alice click Undo                (press a button @alice can see)
  @bob react :kudos:               (react to the last message in #general)
Add `in #channel` after the name to act elsewhere. `help` repeats this; Ctrl-D or `quit` ends."""


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
        async with SlackEmulator(signing_secret=secret, bot_scopes=BOT_SCOPES) as emu:
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
                },
                env_file=None,
            )
            configure_logging("WARNING", settings.secrets)
            async with Runner(settings) as runner:
                emu.request_url = runner.url
                emu.event_subscriptions = runner.bot.router.names("event")
                new = await seed_bot(runner.bot.services, emu.team_id, emu)
                session = DemoSession(emu, users, runner)
                session.news()
                banner = BANNER.format(people=len(company), api=emu.api_url, bot=runner.url)
                print(banner if new else f"{banner}\n{CARRIED_ON.format(file=db_file)}", file=out)
                return await _loop(session, stdin, out)


async def _loop(session: DemoSession, stdin: TextIO, out: TextIO) -> int:
    interactive = stdin.isatty()
    failures = 0
    while True:
        if interactive:
            print("> ", end="", file=out, flush=True)
        raw = stdin.readline()
        if not raw:
            break
        if raw.strip() in ("quit", "exit"):
            break
        if raw.strip() == "help":
            print(BANNER.split("\n", 1)[1], file=out)
            continue
        if not interactive and raw.strip():
            print(f"> {raw.rstrip()}", file=out)
        try:
            line = parse_line(raw.replace("@askaround", f"<@{session.emu.bot_user_id}>"))
            if line is None:
                continue
            news = await session.perform(line)
        except BadLine as error:
            failures += 1
            print(f"  ! {error}", file=out)
            continue
        print("\n".join(news) if news else "  (nothing visible happened)", file=out, flush=True)
    return 1 if failures and not interactive else 0
