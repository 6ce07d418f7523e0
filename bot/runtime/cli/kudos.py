"""`askaround kudos take-back KUDOS_ID [--reason TEXT] [--team T…]` and `askaround kudos
taken-back [--team T…]`: an admin takes back kudos after Undo's 5 minutes, and lists those
taken back, with the database URL alone, as `askaround settings`. A running bot routes
without them from its next question and tells the giver and the receivers
(`bot.kudos.taking_back`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from bot.runtime.cli.workspaces import chosen_workspace
from bot.settings import database_url_from_env

LISTED = 50


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "kudos",
        examples=[
            "askaround kudos take-back 42 --reason 'Finn meant to thank Dev'",
            "askaround kudos taken-back",
        ],
        help="take back kudos (admins), and list those taken back",
        description=(
            "Take back kudos after Undo's 5 minutes (inappropriate or mistaken "
            "ones), or list the kudos taken back, newest first. Needs only "
            "ASKAROUND_DATABASE_URL; --team is needed when the database holds more than one "
            "workspace."
        ),
    )
    action = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    take = action.add_parser(
        "take-back",
        examples=[
            "askaround kudos take-back 42",
            "askaround kudos take-back 42 --reason 'Finn meant to thank Dev'",
        ],
        help="take back the kudos KUDOS_ID was given with",
        description=(
            "Take back the kudos KUDOS_ID (the kudos_id column of `askaround export kudos`, "
            "or an id `kudos taken-back` lists) was given with: every person thanked in the "
            "same shout-out. They leave the leaderboards, /kudos views, Home, digests, "
            "reports, insights and routing; the running bot redraws the shout-out to say an "
            "admin took them back and tells the giver and the receivers in a DM, with "
            "--reason."
        ),
    )
    take.add_argument("kudos_id", type=kudos_id, metavar="KUDOS_ID", help="one entry of the kudos")
    take.add_argument(
        "--reason",
        metavar="TEXT",
        # bot.kudos.taking_back.REASON_CHARS, not imported: it would load the database layer
        # for every `--help` (tests/domain/test_cli_help.py checks the two agree)
        help="why, for the giver and the receivers (500 characters at most)",
    )
    take.add_argument("--team", metavar="T…", help="the workspace's id")
    listed = action.add_parser(
        "taken-back",
        examples=[
            "askaround kudos taken-back",
            "askaround kudos taken-back --team T0123ABCD",
        ],
        help="list the kudos taken back: who took them back, when and why",
        description=(
            f"The newest {LISTED} kudos entries taken back, with who took them back (`the "
            "command line` for this command), when (UTC) and why. For admins: it shows "
            "private kudos."
        ),
    )
    listed.add_argument("--team", metavar="T…", help="the workspace's id")
    return parser


# The largest id `kudos.id` holds: an INTEGER, 32 bits on PostgreSQL (past 64 bits SQLite
# raised OverflowError, past 32 PostgreSQL would refuse the query).
LARGEST_ID = 2**31 - 1


def kudos_id(text: str) -> int:
    """A kudos entry's id as the database can hold one: a whole number from 1."""
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= LARGEST_ID:
        raise argparse.ArgumentTypeError(
            f"{text} is not a kudos id: one from the kudos_id column of `askaround export "
            "kudos`, or that `askaround kudos taken-back` lists"
        )
    return int(text)


async def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from bot import mentions
    from bot.kudos.service import KudosService
    from bot.runtime.cli.database import migrated
    from bot.safe_text import one_line, plain_text, quoted
    from bot.workspace_settings.service import CLI, CLI_SHOWN
    from storage.db import create_sessions
    from storage.people import display_names

    shown = out or sys.stdout
    async with migrated(database_url_from_env()) as engine:
        sessions = create_sessions(engine)
        async with sessions() as s:
            team = await chosen_workspace(s, args.team)
        kudos = KudosService(sessions)
        if args.action == "take-back":
            done = await kudos.take_back(team, CLI, args.reason, kudos_id=args.kudos_id)
            ids = ", ".join(str(e.id) for e in done.entries)
            first = done.entries[0]
            people = [first.giver, *dict.fromkeys(e.receiver for e in done.entries)]
            async with sessions() as s:  # named as `taken-back` names them, not by member id
                names = await display_names(s, team, people)
            giver, *receivers = (names.get(p, p) for p in people)
            what = f"kudos {ids} ({giver} to {', '.join(receivers)}, {first.created_at:%Y-%m-%d})"
            if done.already:
                print(f"{what}: already undone or taken back; nothing done", file=shown)
            else:
                print(f"took back {what}; the running bot tells them", file=shown)
            return 0
        lines, names = await kudos.taken_back(team, LISTED)
        for line in lines:
            e = line.entry
            # The modal's reason field takes line breaks; each kudos keeps one line.
            why = one_line(line.reason or "") or "(no reason given)"
            # As Slack shows it, on the line.
            said = one_line(plain_text(mentions.named(e.message, names)))
            by = CLI_SHOWN if line.by == CLI else names.get(line.by, line.by)  # as Slack says
            print(
                f"{line.at:%Y-%m-%d %H:%M} UTC  kudos {e.id}  by {by}  "
                f"{names.get(e.giver, e.giver)} → {names.get(e.receiver, e.receiver)}"
                f"{' (private)' if e.is_private else ''}: {quoted(said)}  reason: {why}",
                file=shown,
            )
        if not lines:
            print("no kudos taken back", file=shown)
    return 0
