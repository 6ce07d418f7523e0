"""`askaround serve`: run the bot."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import threading
from typing import Any

from bot.settings import Settings, unknown_settings

log = logging.getLogger("askaround")


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "serve",
        examples=[
            "askaround serve",
            "askaround serve --debug",
        ],
        help="run the bot (Socket Mode if SLACK_APP_TOKEN is set, otherwise HTTP)",
        description=(
            "Run the bot: HTTP at /slack/events, or Socket Mode when SLACK_APP_TOKEN is set. "
            "Migrations run first. Needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or, for "
            "OAuth installs, SLACK_CLIENT_ID and SLACK_CLIENT_SECRET), from the environment "
            "or a .env file."
        ),
    )
    # serve's start migrates in a process of its own (`migrated_apart`): this is that process.
    parser.add_argument("--migrate-only", action="store_true", help=argparse.SUPPRESS)
    return parser


async def run(args: argparse.Namespace) -> int:
    # Heard from here on, through the migration (its process gets a terminal's Ctrl-C too),
    # as once serving: a stop asked for while starting is one "stopped" line and exit 0.
    stop = None if args.migrate_only else stop_asked()
    from bot.runtime.cli.database import migrated_apart, migrating, refuse_in_memory
    from bot.runtime.cli.migrate import schema_change
    from bot.runtime.logs import configure_logging

    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.secrets, fmt=settings.log_format)
    if stop is None:
        if settings.log_level != "DEBUG":
            # Alembic's INFO was some 45 lines, many running over several: one of ours says it
            logging.getLogger("alembic").setLevel(logging.WARNING)
        # a database that will not open is one line
        async with migrating(settings.database_url, create=True) as (_engine, (before, after)):
            log.info(schema_change(before, after))
        return 0
    from sqlalchemy.engine import make_url

    from bot.runtime.allocator import limit_arenas
    from bot.runtime.runner import serve_forever
    from bot.runtime.version import installed_version

    refuse_in_memory(settings.database_url)  # told alone, not after a line naming no file
    # which release, on which database: a setting read from elsewhere than meant shows here
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    log.info("version %s starting on %s", installed_version(), shown)
    for line in unknown_settings():
        log.warning(line)

    limit_arenas()  # before the first thread: the database's
    debug = ["--debug"] if args.debug else []
    failed = await migrated_apart(settings.database_url, ["serve", "--migrate-only", *debug])
    if failed and not stop.is_set():
        return failed  # the child said why, on standard error
    if not settings.oauth and not stop.is_set():
        await check_bot_token(settings)
    if stop.is_set():
        log.info("stopped")
        return 0
    await serve_forever(settings, stop)
    return 0


def stop_asked() -> asyncio.Event:
    """An event SIGINT and SIGTERM set, in place of Python's KeyboardInterrupt and exit;
    none reaches a `main` run in another thread (a test's), whose event nothing sets."""
    stop = asyncio.Event()
    if threading.current_thread() is threading.main_thread():
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def check_bot_token(settings: Settings) -> None:
    """A token Slack refuses stops start-up in one line, as a bad setting does (the bot
    would otherwise listen and fail at every answer); a Slack that does not answer now is
    only logged: `/readyz` says when it does."""
    import aiohttp
    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.reliability.delivery import TOKEN_REFUSED
    from handlers.client.failures import error_code

    client = AsyncWebClient(token=settings.bot_token, base_url=settings.api_url, timeout=10)
    try:
        await client.auth_test()
    except SlackApiError as error:
        if error_code(error) in TOKEN_REFUSED:
            raise
        log.warning("Slack answered auth.test with %s", error)
    except (aiohttp.ClientError, TimeoutError) as error:  # not the token's fault
        log.warning("cannot check SLACK_BOT_TOKEN with Slack now (%s); starting anyway", error)
