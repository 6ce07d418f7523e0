"""`askaround demo`: the whole bot against the local Slack emulator, with a sample company."""

from __future__ import annotations

import argparse
import importlib.util
from typing import Any

from bot.errors import AskaroundError


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "demo",
        examples=[
            "askaround demo",
            "askaround demo --database demo.db",
            "askaround demo < docs/demo-script.txt",
        ],
        help="try askaround with a sample company and a local Slack emulator, no Slack needed",
        description=(
            "Start the local Slack emulator and the real bot with a sample company, then read "
            "lines like '@alice: /kudos @bob thanks for the review #teamwork' from the keyboard "
            "or from stdin, and show what each person would see."
        ),
    )
    # Ctrl-C at its prompt ends it as it ends a shell: the prompt's line is all.
    parser.set_defaults(stopped="")
    parser.add_argument(
        "--database",
        metavar="FILE",
        help=(
            "SQLite file to keep the demo's data in; a later demo on it carries on with that "
            "company, and one holding a real workspace is refused (default: a temporary file)"
        ),
    )
    return parser


async def run(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("slack_emulator") is None:
        # The emulator is a distribution of its own, so a production install never ships it.
        raise AskaroundError(
            "the demo needs the local Slack emulator: run `bash scripts/demo` from a checkout, "
            "or `pip install -e ./emulator`"
        )
    from bot.runtime.cli.database import migrated
    from bot.runtime.demo import DEMO_TEAM_ID, run_demo
    from storage.db import create_sessions
    from storage.workspace_settings import workspace_ids

    if args.database:  # a file that will not open is one line naming it, before the demo starts
        async with migrated(f"sqlite+aiosqlite:///{args.database}", create=True) as engine:
            async with create_sessions(engine)() as s:
                others = [t for t in await workspace_ids(s) if t != DEMO_TEAM_ID]
        # A real workspace's file (askaround.db for demo.db): the demo's bot would work its
        # outbox and digests against the emulator, and add a fictional company beside it.
        if others:
            raise AskaroundError(
                f"{args.database} holds workspace {', '.join(others)}, not the demo's: give "
                "--database a file of its own (a new name starts a new demo company)"
            )

    return await run_demo(database=args.database)
