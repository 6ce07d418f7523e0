"""`askaround skills alias|merge [--team T…]`: curate a workspace's skill vocabulary with the
database URL alone, as `askaround settings`: the workspace named with --team, or the
database's only one (`chosen_workspace`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from bot.clock import Clock
from bot.settings import database_url_from_env

if TYPE_CHECKING:
    from bot.directory.profiles import ProfileService


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "skills",
        examples=[
            "askaround skills alias infra terraform",
            "askaround skills merge terraform-cloud terraform",
        ],
        help="add skill aliases and merge duplicate skills",
        description=(
            "Curate a workspace's skill vocabulary. Needs only ASKAROUND_DATABASE_URL; "
            "--team is needed when the database holds more than one workspace."
        ),
    )
    _team_option(parser, default=None)
    action = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    alias = action.add_parser(
        "alias",
        examples=[
            "askaround skills alias infra terraform",
            "askaround skills alias iac terraform --team T0123ABCD",
        ],
        help="make ALIAS mean SKILL (`k8s` → Kubernetes)",
        description=(
            "Make ALIAS another name for SKILL in the workspace (SKILL is added if it is new); "
            "a skill the workspace already has (people declared it, or an alias means it) is "
            "refused as an ALIAS: `askaround skills merge` folds it into SKILL."
        ),
    )
    alias.add_argument("alias", metavar="ALIAS", help="the other name, e.g. k8s")
    alias.add_argument("skill", metavar="SKILL", help="the skill it means, e.g. kubernetes")
    _team_option(alias, default=argparse.SUPPRESS)
    merge = action.add_parser(
        "merge",
        examples=[
            "askaround skills merge terraform-cloud terraform",
            "askaround skills merge on-call incident-management --team T0123ABCD",
        ],
        help="move everyone's FROM skill onto INTO and make FROM an alias",
        description=(
            "Fold the duplicate skill FROM into INTO: everyone who declared FROM has INTO "
            "instead, and FROM becomes an alias of INTO."
        ),
    )
    merge.add_argument("source", metavar="FROM", help="the duplicate skill, which goes away")
    merge.add_argument("target", metavar="INTO", help="the skill that stays")
    _team_option(merge, default=argparse.SUPPRESS)
    return parser


def _team_option(parser: argparse.ArgumentParser, default: str | None) -> None:
    """Before the action or after it (SUPPRESS keeps one given before)."""
    parser.add_argument(
        "--team",
        metavar="T…",
        default=default,
        help="the workspace's id",
    )


async def run(args: argparse.Namespace) -> int:
    print(await _in_database(args))
    return 0


async def _in_database(args: argparse.Namespace) -> str:
    from bot.directory.profiles import ProfileService
    from bot.runtime.cli.database import migrated
    from bot.runtime.cli.workspaces import chosen_workspace
    from storage.db import create_sessions

    async with migrated(database_url_from_env()) as engine:
        sessions = create_sessions(engine)
        async with sessions() as s:
            team_id = await chosen_workspace(s, args.team)
        return await _curate(ProfileService(sessions, Clock()), team_id, args)


async def _curate(directory: ProfileService, team_id: str, args: argparse.Namespace) -> str:
    from bot.directory.admin import add_alias, merge_skills

    if args.action == "alias":
        return await add_alias(directory, team_id, args.alias, args.skill)
    return await merge_skills(directory, team_id, args.source, args.target)
