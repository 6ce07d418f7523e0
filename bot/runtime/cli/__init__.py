"""The `askaround` command line. Each subcommand lives in its own module with its help text.

A subcommand module exposes `add_parser(subparsers)` and `async run(args) -> int`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from types import ModuleType

from bot.errors import AskaroundError, ConfigError
from bot.runtime.cli import (
    demo,
    evaluate,
    export,
    migrate,
    outbox,
    people,
    purge,
    report,
    serve,
    skills,
    sync,
)

EXIT_CONFIG = 2
EXIT_FAILED = 1
SUBCOMMANDS: tuple[ModuleType, ...] = (
    serve, migrate, demo, people, sync, skills, export, report, evaluate, outbox, purge,
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="askaround",
        description="Find who knows, thank who helped: a Slack app you run yourself.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in SUBCOMMANDS:
        module.add_parser(sub).set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(asyncio.run(args.run(args)))
    except ConfigError as error:
        print(f"askaround: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except AskaroundError as error:
        print(f"askaround: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
