"""`askaround export kudos --since DATE [--until DATE] [--format csv|jsonl]`: the ledger, for
admins. Every workspace's live entries (undone ones are left out), private ones included."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TextIO

from bot import spreadsheet
from bot.runtime.cli.failures import UsageError
from bot.safe_text import quoted
from bot.settings import database_settings

COLUMNS = (
    "created_at",
    "team_id",
    "giver_user_id",
    "giver_name",
    "receiver_user_id",
    "receiver_name",
    "message",
    "values",
    "channel_id",
    "is_private",
    "source",
    "kudos_id",  # what `askaround kudos take-back` takes
)


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "export",
        examples=[
            "askaround export kudos --since 2026-01-01 > kudos.csv",
            "askaround export kudos --since 2026-11-01 --until 2026-11-30 --format jsonl",
        ],
        help="export the kudos ledger as CSV or JSON lines",
        description=(
            "Write the kudos given from --since to --until (whole days, UTC, both included) "
            "to standard output, oldest first: every workspace's in the database (its team_id "
            "column), private ones and their reasons included, kudos undone or taken back "
            "left out."
        ),
    )
    parser.add_argument("what", choices=["kudos"], metavar="kudos", help="the kudos ledger")
    parser.add_argument("--since", required=True, metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="last day (default: today)")
    parser.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="default: csv")
    return parser


def parse_day(option: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{option} {quoted(value, one_line=True)} is not a date: use YYYY-MM-DD"
        ) from None


def window(since: str, until: str | None) -> tuple[datetime, datetime | None]:
    first = parse_day("--since", since)
    last = parse_day("--until", until) if until else None
    if last is not None and last < first:
        raise UsageError(f"--until {until} is before --since {since}")
    start = datetime.combine(first, time(), UTC)
    # The calendar's last day has no day after it: up to it is no end at all.
    if last is None or last == date.max:
        return start, None
    return start, datetime.combine(last + timedelta(days=1), time(), UTC)


def write(rows: list[dict[str, Any]], form: str, out: TextIO) -> None:
    if form == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = spreadsheet.Writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([";".join(row[c]) if c == "values" else row[c] for c in COLUMNS])


async def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from bot.runtime.cli.database import open_services

    start, end = window(args.since, args.until)
    async with open_services(database_settings()) as services:
        found = await services.kudos.export(start, end)
    rows = [
        {
            "created_at": line.entry.created_at.isoformat(),
            "team_id": line.team_id,
            "giver_user_id": line.entry.giver,
            "giver_name": line.giver_name,
            "receiver_user_id": line.entry.receiver,
            "receiver_name": line.receiver_name,
            "message": line.entry.message,
            "values": list(line.entry.values),
            "channel_id": line.entry.channel_id or "",
            "is_private": line.entry.is_private,
            "source": line.entry.source,
            "kudos_id": line.entry.id,
        }
        for line in found
    ]
    write(rows, args.format, out or sys.stdout)
    print(f"askaround: exported {len(rows)} kudos", file=sys.stderr)
    return 0
