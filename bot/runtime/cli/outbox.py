"""`askaround outbox [retry]`: what the bot could not deliver to Slack, and sending it again."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from bot.settings import database_settings
from bot.words import plural

LATE = timedelta(minutes=10)


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "outbox",
        examples=[
            "askaround outbox",
            "askaround outbox retry",
        ],
        help="list deliveries to Slack that failed or are late; `outbox retry` resends failed ones",
        description=(
            "List outbox deliveries that gave up after their retries, or that have waited more "
            "than 10 minutes. With `retry`, put every failed delivery back in the queue; a "
            "running bot finds them within 5 seconds and sends them, but for a kudos shout-out "
            "whose giver was told it could not be posted (its kudos were made private). `list` "
            "exits 1 when any delivery failed."
        ),
    )
    parser.add_argument(
        "action",
        nargs="?",
        choices=["list", "retry"],
        default="list",
        metavar="ACTION",
        help="list (the default): show them; retry: queue the failed ones again",
    )
    return parser


async def run(args: argparse.Namespace) -> int:
    from bot.runtime.cli.database import open_services

    async with open_services(database_settings()) as services:
        now = services.clock.now()
        if args.action == "retry":
            kinds = await services.outbox.retry_failed(now)
            count = plural(len(kinds), "failed delivery", "failed deliveries")
            print(f"askaround: {count} queued again")
            if shoutouts := kinds.count("kudos.shoutout"):
                print(
                    f"askaround: {plural(shoutouts, 'kudos shout-out')} among them; one whose "
                    "giver was told it could not be posted is not posted now (its kudos were "
                    "made private)"
                )
            return 0
        items = await services.outbox.stuck(now - LATE)
    if not items:
        print("askaround: nothing stuck in the outbox")
        return 0
    print("id\tstatus\tattempts\tkind\tteam\tcreated (UTC)\tlast error")
    for item in items:
        print(
            f"{item.id}\t{item.status}\t{item.attempts}\t{item.kind}\t{item.team_id}\t"
            f"{item.created_at:%Y-%m-%d %H:%M}\t{item.last_error or ''}"
        )
    return 1 if any(item.status == "failed" for item in items) else 0
