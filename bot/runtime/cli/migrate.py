"""`askaround migrate`: bring the schema up to date without starting the bot."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import database_settings


def add_parser(sub: Any) -> argparse.ArgumentParser:
    return sub.add_parser(
        "migrate",
        examples=[
            "askaround migrate",
        ],
        help="bring the database schema up to date and exit",
        description="Apply every pending database migration to ASKAROUND_DATABASE_URL.",
    )


async def run(args: argparse.Namespace) -> int:
    from bot.runtime.cli.database import migrating

    url = database_settings().database_url
    async with migrating(url, create=True) as (_engine, (before, after)):
        pass
    if before is None:
        print(f"askaround: database created (schema {after})")
    elif before != after:
        print(f"askaround: database migrated from schema {before} to {after}")
    else:
        print(f"askaround: database is up to date (schema {after})")
    return 0
