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
    print(f"askaround: {schema_change(before, after)}")
    return 0


def schema_change(before: str | None, after: str | None) -> str:
    """What a migration did, in one line: `migrate`'s output, and serve's log as it starts."""
    if before is None:
        return f"database created (schema {after})"
    if before != after:
        return f"database migrated from schema {before} to {after}"
    return f"database is up to date (schema {after})"
