"""`askaround outbox [retry]`: what the bot could not deliver to Slack, and sending it again."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.settings import Settings
from storage import outbox
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head

LATE = timedelta(minutes=10)


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "outbox",
        help="list deliveries to Slack that failed or are late; `outbox retry` resends failed ones",
        description=(
            "List outbox deliveries that gave up after their retries, or that have waited more "
            "than 10 minutes. With `retry`, put every failed delivery back in the queue; a "
            "running bot sends them within a second."
        ),
    )
    parser.add_argument("action", nargs="?", choices=["list", "retry"], default="list")
    return parser


async def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    engine = create_engine(settings.database_url)
    try:
        await upgrade_head(engine)
        sessions = create_sessions(engine)
        now = datetime.now(UTC)
        async with sessions() as s, s.begin():
            if args.action == "retry":
                count = await outbox.retry_failed(s, now)
                print(f"askaround: {count} failed deliveries queued again")
                return 0
            items = await outbox.stuck(s, now - LATE)
    finally:
        await engine.dispose()
    if not items:
        print("askaround: nothing stuck in the outbox")
        return 0
    print("id\tstatus\tattempts\tkind\tteam\tcreated\tlast error")
    for item in items:
        print(
            f"{item.id}\t{item.status}\t{item.attempts}\t{item.method}\t{item.team_id}\t"
            f"{item.created_at:%Y-%m-%d %H:%M}\t{item.last_error or ''}"
        )
    return 1 if any(item.status == "failed" for item in items) else 0
