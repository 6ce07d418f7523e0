"""`askaround import people FILE`: people, org chart, skills and networks from CSV or YAML."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.directory.import_files import read_rows
from bot.directory.importer import import_people
from bot.runtime.cli.database import open_services
from bot.settings import Settings


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "import",
        help="import people, managers, skills and networks from a CSV or YAML file",
        description=(
            "Import people from FILE (.csv or .yaml; see the README). Emails are "
            "resolved to Slack users with users.lookupByEmail. Every row is validated and the "
            "run ends with a report; running the same file again changes nothing."
        ),
    )
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    people = what.add_parser("people", help="people and their profiles")
    people.add_argument("file", type=Path, metavar="FILE")
    people.add_argument(
        "--dry-run", action="store_true", help="show the report without writing anything"
    )
    return parser


async def run(args: argparse.Namespace) -> int:
    from handlers.client.directory import SlackResolver, directory_client

    rows = read_rows(args.file)  # a file that cannot be read fails before Slack is asked
    settings = Settings.from_env()
    async with open_services(settings) as services:
        resolver = await SlackResolver.connect(directory_client(settings))
        report = await import_people(services, rows, resolver, dry_run=args.dry_run)
    print(report.summary())
    return 1 if report.rejected else 0
