"""`askaround purge-workspace TEAM_ID`: delete everything askaround keeps about one workspace
now, instead of when its retention after an uninstall has passed."""

from __future__ import annotations

import argparse
import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.clock import Clock
from bot.runtime.cli.workspaces import checked_team_id, not_here
from bot.settings import database_url_from_env
from bot.words import plural


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "purge-workspace",
        help="delete everything kept about one workspace (its tokens too), now",
        description=(
            "Delete every row askaround keeps for the workspace TEAM_ID: people, skills, "
            "networks, questions, kudos, deliveries, settings and its Slack tokens. Needs only "
            "ASKAROUND_DATABASE_URL. Without it, a workspace that uninstalled the app is "
            "purged once ASKAROUND_UNINSTALLED_RETENTION_DAYS have passed."
        ),
    )
    parser.add_argument("team_id", metavar="TEAM_ID", help="the workspace's id, T…")
    return parser


async def run(args: argparse.Namespace) -> int:
    from bot.runtime.cli.database import migrated
    from bot.uninstalls import Uninstalls
    from storage.db import create_inbox_engine, create_sessions
    from storage.workspace_settings import workspace_ids

    team_id = checked_team_id(str(args.team_id))
    async with migrated(database_url_from_env(), doing="purge in") as engine:
        # On SQLite the requests wait in a file of their own, with what people typed.
        inbox = create_inbox_engine(engine)
        if inbox is not None and not await asyncio.to_thread(Path(str(inbox.url.database)).exists):
            inbox = None
        try:
            sessions = create_sessions(engine, inbox)
            removed = await Uninstalls(sessions, Clock().now, timedelta(0)).purge(team_id)
            if removed == 0:  # a mistyped id, or one purged already: nothing was deleted
                async with sessions() as s:
                    raise not_here(team_id, await workspace_ids(s))
        finally:
            if inbox is not None:
                await inbox.dispose()
    print(f"askaround: workspace {team_id} purged ({plural(removed, 'row')} deleted)")
    return 0
