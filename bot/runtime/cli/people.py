"""`askaround import people FILE`: people, org chart, skills and networks from CSV or YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.errors import ConfigError
from bot.runtime.cli.workspaces import checked_team_id, token_is_for
from bot.settings import Settings, database_settings


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "import",
        examples=[
            "askaround import people people.csv --dry-run",
            "askaround import people people.yaml",
        ],
        help="import people, managers, skills and networks from a CSV or YAML file",
        description=(
            "Bring people into askaround from a file; WHAT says what the file holds (only "
            "`people` so far), and `askaround import WHAT --help` what it takes."
        ),
    )
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    people = what.add_parser(
        "people",
        examples=[
            "askaround import people people.csv --dry-run",
            "askaround import people people.csv",
            "askaround import people people.yaml --team T0123ABCD",
        ],
        help="people and their profiles",
        description=(
            "Add or update people from FILE: name, time zone, title, team, manager, roles, "
            "skills, interests and network, one person a row (CSV) or an item of `people:` "
            "(YAML); the formats are in docs/directory.md. An empty cell keeps what is known, "
            "and `none` clears roles, interests or a manager. Emails are resolved to Slack users "
            "with users.lookupByEmail; without Slack settings, with the people already in the "
            "database. Every row is validated and the run ends with a report: rejected rows "
            "are listed with their line and the exit code is 1. Running the same file again "
            "changes nothing."
        ),
    )
    people.set_defaults(stopped=STOPPED)
    people.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="a .csv file with a header row (or Excel's Unicode Text, .txt), or a .yaml file",
    )
    people.add_argument(
        "--dry-run", action="store_true", help="show the report without writing anything"
    )
    people.add_argument(
        "--team",
        metavar="T…",
        help=(
            "the workspace's id; without Slack settings, needed when the database holds no "
            "workspace yet (the import adds it) or several"
        ),
    )
    return parser


async def run(args: argparse.Namespace) -> int:
    from bot.directory.import_files import read_rows
    from bot.directory.import_resolver import database_resolver
    from bot.directory.importer import UserResolver, import_people
    from bot.runtime.cli.database import open_services

    team = checked_team_id(args.team) if args.team else None
    rows = read_rows(args.file)  # a file that cannot be read fails before anything is opened
    settings = slack_if_set()
    async with open_services(settings or database_settings(), create=True) as services:
        if settings is None:
            resolver: UserResolver = await database_resolver(services, team)
            print(OFFLINE, file=sys.stderr)
        else:
            from handlers.client.directory import SlackResolver, directory_client

            resolver = await SlackResolver.connect(directory_client(settings))
            token_is_for(team, resolver.team_id)
        report = await import_people(services, rows, resolver, dry_run=args.dry_run)
    print(report.summary())
    return 1 if report.rejected else 0


# The import is one transaction: a Ctrl-C before its report rolls it back.
STOPPED = "stopped: nothing was imported (an import writes all or nothing)"
OFFLINE = (
    "askaround: no Slack settings: a slack_id is taken as given and an email is matched with "
    "the people already in the database (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to ask Slack)"
)


def slack_if_set() -> Settings | None:
    """The settings with Slack's, or None when they are not set: `import` then runs from the
    file and the database alone, `settings set` checks a channel's id by its form alone. A
    malformed value is still an error."""
    try:
        settings = Settings.from_env()
    except ConfigError as error:
        if error.variable.startswith("SLACK_") and "is missing" in str(error):
            return None
        raise
    return settings if settings.bot_token else None
