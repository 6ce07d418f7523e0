"""`askaround export kudos --since DATE [--until DATE] [--format csv|jsonl]`: the ledger, for
admins. Every workspace's live entries (undone ones are left out), private ones included."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TextIO

from bot.errors import AskaroundError
from bot.settings import Settings
from storage import kudos as ledger
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head

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
)


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "export",
        help="export the kudos ledger as CSV or JSON lines",
        description=(
            "Write the kudos given from --since to --until (whole days, UTC, both included) "
            "to standard output, oldest first."
        ),
    )
    parser.add_argument("what", choices=["kudos"], help="what to export")
    parser.add_argument("--since", required=True, metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="last day (default: today)")
    parser.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="default: csv")
    return parser


def parse_day(option: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise AskaroundError(f"{option} {value!r} is not a date: use YYYY-MM-DD") from None


def window(since: str, until: str | None) -> tuple[datetime, datetime | None]:
    first = parse_day("--since", since)
    last = parse_day("--until", until) if until else None
    if last is not None and last < first:
        raise AskaroundError(f"--until {until} is before --since {since}")
    start = datetime.combine(first, time(), UTC)
    end = datetime.combine(last + timedelta(days=1), time(), UTC) if last else None
    return start, end


def write(rows: list[dict[str, Any]], form: str, out: TextIO) -> None:
    if form == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "values": ";".join(row["values"])})


async def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    start, end = window(args.since, args.until)
    settings = Settings.from_env()
    engine = create_engine(settings.database_url)
    try:
        await upgrade_head(engine)
        async with create_sessions(engine)() as session:
            found = await ledger.export(session, start, end)
    finally:
        await engine.dispose()
    rows = [
        {
            "created_at": k.created_at.isoformat(),
            "team_id": k.team_id,
            "giver_user_id": k.giver_user_id,
            "giver_name": giver,
            "receiver_user_id": k.receiver_user_id,
            "receiver_name": receiver,
            "message": k.message,
            "values": list(k.values or ()),
            "channel_id": k.channel_id or "",
            "is_private": k.is_private,
            "source": k.source,
        }
        for k, giver, receiver in found
    ]
    write(rows, args.format, out or sys.stdout)
    print(f"askaround: exported {len(rows)} kudos", file=sys.stderr)
    return 0
