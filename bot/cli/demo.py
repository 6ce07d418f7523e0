"""`askaround demo`: the whole bot against the local Slack emulator, with a sample company."""

from __future__ import annotations

import argparse
from typing import Any


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
        help="SQLite file to keep the demo's data in (default: a temporary file)",
    )
    return parser


async def run(args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    return await run_demo(database=args.database)
