"""`askaround migrate`: bring the schema up to date without starting the bot."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import database_settings


def add_parser(sub: Any) -> argparse.ArgumentParser:
    return sub.add_parser(
        "migrate",
        help="bring the database schema up to date and exit",
        description="Apply every pending database migration to ASKAROUND_DATABASE_URL.",
    )


async def run(args: argparse.Namespace) -> int:
    from bot.runtime.cli.database import migrated

    async with migrated(database_settings().database_url):
        pass
    print("askaround: database is up to date")
    return 0
