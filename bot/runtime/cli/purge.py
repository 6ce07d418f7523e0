"""`askaround purge-workspace TEAM_ID`: delete everything askaround keeps about one workspace
now, instead of when its retention after an uninstall has passed. It cannot be undone, so it
shows what would go and asks for the workspace's id typed back; `--yes` is for scripts, and
without a terminal to ask in and without `--yes` nothing is deleted."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.clock import Clock
from bot.errors import AskaroundError
from bot.runtime.cli.failures import UsageError
from bot.runtime.cli.workspaces import checked_team_id, not_here
from bot.settings import database_url_from_env
from bot.words import plural


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "purge-workspace",
        examples=[
            "askaround purge-workspace T0123ABCD",
            "askaround purge-workspace T0123ABCD --yes",
        ],
        help="delete everything kept about one workspace (its tokens too), once confirmed",
        description=(
            "Delete every row askaround keeps for the workspace TEAM_ID: people, skills, "
            "networks, questions, kudos, deliveries, settings and its Slack tokens. It shows "
            "how many rows of each kind would go and asks you to type TEAM_ID back; --yes "
            "skips the question (for scripts). Needs only ASKAROUND_DATABASE_URL. Without "
            "this command, a workspace that uninstalled the app is purged once "
            "ASKAROUND_UNINSTALLED_RETENTION_DAYS have passed."
        ),
    )
    parser.add_argument("team_id", metavar="TEAM_ID", help="the workspace's id, T…")
    parser.add_argument(
        "--yes", action="store_true", help="purge without asking (nothing can undo it)"
    )
    return parser


async def run(args: argparse.Namespace) -> int:
    from bot.runtime.cli.database import migrated
    from bot.uninstalls import Uninstalls
    from storage.db import create_inbox_engine, create_sessions
    from storage.installations import installed_names
    from storage.workspace_settings import workspace_ids

    team_id = checked_team_id(str(args.team_id))
    async with migrated(database_url_from_env(), doing="purge in") as engine:
        # On SQLite the requests wait in a file of their own, with what people typed.
        inbox = create_inbox_engine(engine)
        if inbox is not None and not await asyncio.to_thread(Path(str(inbox.url.database)).exists):
            inbox = None
        try:
            sessions = create_sessions(engine, inbox)
            uninstalls = Uninstalls(sessions, Clock().now, timedelta(0))
            held = await uninstalls.held(team_id)
            if not held:  # a mistyped id, or one purged already
                async with sessions() as s:
                    raise not_here(team_id, await workspace_ids(s), await installed_names(s))
            await confirmed(team_id, held, yes=bool(args.yes))
            removed = await uninstalls.purge(team_id)
        finally:
            if inbox is not None:
                await inbox.dispose()
    print(f"askaround: workspace {team_id} purged ({plural(removed, 'row')} deleted)")
    return 0


async def confirmed(team_id: str, held: dict[str, int], *, yes: bool) -> None:
    """Returns when the purge may go ahead; otherwise raises, having deleted nothing."""
    total = plural(sum(held.values()), "row")
    if not yes and not sys.stdin.isatty():
        raise UsageError(
            f"nothing deleted from {team_id} ({total}): there is no terminal to confirm in; "
            "pass --yes to purge without asking"
        )
    kinds = ", ".join(f"{table.replace('_', ' ')} {n}" for table, n in sorted(held.items()))
    # What a person must read before deciding goes where they read it, stdout piped or not;
    # only the result line is the command's output.
    say = sys.stderr
    print(
        f"askaround: workspace {team_id} holds {total}: {kinds}; its Slack tokens go too.", file=say
    )
    if yes:
        return
    print(
        f"Type {team_id} to delete all of it now (it cannot be undone): ",
        end="",
        file=say,
        flush=True,
    )
    typed = await asyncio.to_thread(sys.stdin.readline)  # input() would prompt on stdout
    if not typed:  # end of input: the terminal did not echo a newline
        print(file=say)
    if typed.strip() != team_id:
        raise AskaroundError(f"not purged: {team_id} was not typed back")
