"""`askaround serve`: run the bot."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings


def add_parser(sub: Any) -> argparse.ArgumentParser:
    return sub.add_parser(
        "serve",
        help="run the bot (Socket Mode if SLACK_APP_TOKEN is set, otherwise HTTP)",
        description="Run the bot. Migrations run first. Configuration comes from the environment.",
    )


async def run(args: argparse.Namespace) -> int:
    from bot.runtime.cli.database import migrated
    from bot.runtime.logs import configure_logging
    from bot.runtime.runner import serve_forever

    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.secrets, fmt=settings.log_format)
    async with migrated(settings.database_url):  # a database that will not open is one line
        pass
    await serve_forever(settings)
    return 0
