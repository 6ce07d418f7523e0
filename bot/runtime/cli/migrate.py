"""`askaround migrate`: bring the schema up to date without starting the bot."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings
from storage.db import create_engine
from storage.migrate import upgrade_head


def add_parser(sub: Any) -> argparse.ArgumentParser:
    return sub.add_parser(
        "migrate",
        help="bring the database schema up to date and exit",
        description="Apply every pending database migration to ASKAROUND_DATABASE_URL.",
    )


async def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    engine = create_engine(settings.database_url)
    try:
        await upgrade_head(engine)
    finally:
        await engine.dispose()
    print("askaround: database is up to date")
    return 0
