"""`askaround report insights [--since YYYY-MM-DD] [--team T…] [--format text|csv|png]
[--output FILE]`: the insights of a whole workspace, as an admin sees them, from the
database alone (issue 17). `report.py` hands over to `render` when its first word is `insights`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.clock import Clock
from bot.runtime.cli.failures import UsageError
from bot.runtime.cli.workspaces import chosen_workspace
from bot.safe_text import quoted
from bot.settings import database_url_from_env


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        metavar="YYYY-MM-DD",
        help="insights: from this day, a whole day in UTC (default: 90 days ago)",
    )
    parser.add_argument(
        "--team",
        metavar="T…",
        help="the workspace, when the database has several (a week's: the manager's)",
    )


def _since(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        since = datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise UsageError(
            f"--since {quoted(text, one_line=True)} is not a date: use YYYY-MM-DD"
        ) from None
    if since > Clock().now():
        raise UsageError(
            f"--since {text} is in the future (days are UTC here): nothing has happened since"
        )
    return since


async def render(args: argparse.Namespace) -> bytes:
    """The insights in the chosen format; `report.py` writes them where they go."""
    from bot.insights.outline import as_csv
    from bot.insights.service import InsightsService
    from bot.runtime.cli.database import migrated
    from storage.db import create_sessions

    since = _since(args.since)
    async with migrated(database_url_from_env()) as engine:
        sessions = create_sessions(engine)
        async with sessions() as s:
            team = await chosen_workspace(s, args.team)
        insights = InsightsService(sessions, Clock().now)
        shown = await insights.whole(team, since)
        if args.format == "png":
            return await shown.png()
        if args.format == "csv":
            return as_csv(shown.view, shown.names).encode()
        return shown.text().encode()
