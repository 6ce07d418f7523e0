"""`askaround demo`: the whole bot against the local Slack emulator, with a sample company."""

from __future__ import annotations

import argparse
import importlib.util
from typing import Any

from bot.errors import AskaroundError


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "demo",
        help="try askaround with a sample company and a local Slack emulator, no Slack needed",
        description=(
            "Start the local Slack emulator and the real bot with a sample company, then read "
            "lines like '@alice: /kudos @bob thanks for the review #teamwork' from the keyboard "
            "or from stdin, and show what each person would see."
        ),
    )
    parser.add_argument(
        "--database",
        metavar="FILE",
        help=(
            "SQLite file to keep the demo's data in; a later demo on it carries on with that "
            "company (default: a temporary file)"
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
    from bot.runtime.demo import run_demo

    if args.database:  # a file that will not open is one line naming it, before the demo starts
        async with migrated(f"sqlite+aiosqlite:///{args.database}"):
            pass

    return await run_demo(database=args.database)
