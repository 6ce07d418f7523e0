"""`askaround report --week 'last week' --manager WHO [--format text|csv|png] [--output FILE]`:
a manager's report of a week from the command line, the same one their digest DM shows.
`askaround report insights …` is the insights (`insights_report.py`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, BinaryIO

from bot.digests.weeks import Period
from bot.errors import AskaroundError, UserError
from bot.runtime.cli import insights_report
from bot.runtime.cli.failures import UsageError
from bot.safe_text import quoted
from bot.settings import database_settings

RENAMED = "`report network` is now `report insights`."


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "report",
        examples=[
            "askaround report --week 'last week' --manager maria@example.com",
            "askaround report --week W47 --manager maria@example.com --format csv",
            "askaround report --week W47 --manager U0123MARIA --team T0123ABCD",
            "askaround report insights --format csv > insights.csv",
        ],
        help="print a manager's report of a week (text, CSV or the PNG chart)",
        description=(
            "The report of one week for the team below a manager, in the manager's own "
            "time zone: `this week`, `last week`, an ISO week (2026-W47) or W47 (the latest "
            "week 47), as `/kudos report` takes. Private kudos are counted, never shown. "
            "--team picks the workspace when the manager is known in several (an Enterprise "
            "Grid org's). `report insights` prints a whole workspace's insights instead."
        ),
    )
    parser.add_argument(
        "what",
        nargs="?",
        choices=["insights", "network"],  # network: its name until December 2026, for one release
        metavar="insights",
        help="the insights instead of a manager's week",
    )
    parser.add_argument(
        "--week",
        metavar="WEEK",
        help="this week, last week, 2026-W47 or W47 (required but for insights)",
    )
    parser.add_argument(
        "--manager",
        metavar="WHO",
        help="the manager's Slack user id, email or @name (required but for insights)",
    )
    insights_report.add_arguments(parser)
    parser.add_argument(
        "--format",
        choices=["text", "csv", "png"],
        default="text",
        help="text (the default), csv, or png (the chart)",
    )
    parser.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    parser.add_argument(
        "--show-private",
        action="store_true",
        help=(
            "a week's report: name every channel a reason links; without it a private one "
            "reads 'a private channel' and one askaround knows nothing of its id, as a report "
            "may be pasted anywhere"
        ),
    )
    return parser


def week_option(text: str) -> Period:
    """Read as `/kudos report` reads it; placed in the manager's zone once they are found."""
    try:
        return Period.parse(text)
    except UserError:
        raise UsageError(
            f"--week {quoted(text, one_line=True)} is not a week: say {quoted('this week')}, "
            f"{quoted('last week')}, YYYY-Www or Www (2026-W47, W47)"
        ) from None


async def run(args: argparse.Namespace, out: BinaryIO | None = None) -> int:
    from bot.digests import outline
    from bot.digests.chart import draw
    from bot.digests.csv import summary_csv
    from bot.runtime.cli.database import open_services
    from bot.runtime.cli.workspaces import chosen_workspace

    _check_output(args.output)
    if args.format == "png" and not args.output and out is None and sys.stdout.isatty():
        raise UsageError("a PNG would garble the terminal: add --output FILE.png")
    if args.what == "network":
        print(RENAMED, file=sys.stderr)
        args.what = "insights"
    if args.what == "insights":
        if args.week or args.manager:
            raise UsageError(
                "report insights covers the whole workspace over a period: it takes --since and "
                "--team, not --week or --manager"
            )
        if args.show_private:
            raise UsageError(
                "report insights names no channel: --show-private is for a week's report"
            )
        _emit(await insights_report.render(args), args.output, out or sys.stdout.buffer)
        return 0
    if args.since:
        raise UsageError("--since is for report insights; a week takes --week")
    if not (args.week and args.manager):
        raise UsageError("a weekly report needs --week and --manager")
    period = week_option(args.week)
    async with open_services(database_settings()) as services:
        team = None
        if args.team:  # one of an Enterprise Grid org's workspaces, where the manager is
            async with services.sessions() as s:
                team = await chosen_workspace(s, args.team)
        summary = await services.digests.report_for(
            args.manager, period, team=team, show_private=args.show_private
        )
    if args.format == "png":
        data = await draw(summary)
    elif args.format == "csv":
        data = summary_csv(summary, every_channel_named=args.show_private).encode()
    else:
        data = outline.as_text(summary).encode()
    _emit(data, args.output, out or sys.stdout.buffer)
    return 0


def _check_output(output: str | None) -> None:
    """Said before the week is computed, not after."""
    if output and Path(output).is_dir():
        raise AskaroundError(f"--output {output} is a folder: name a file in it")
    folder = Path(output or ".").absolute().parent
    if not folder.is_dir():
        raise AskaroundError(f"--output {output}: the folder {folder} does not exist")


def _emit(data: bytes, output: str | None, out: BinaryIO) -> None:
    if output:
        Path(output).write_bytes(data)
        print(f"askaround: wrote {output}", file=sys.stderr)
    else:
        out.write(data)
        out.flush()
