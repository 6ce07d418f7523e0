"""`askaround skills alias|merge`: curate the workspace's skill vocabulary."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "skills",
        help="add skill aliases and merge duplicate skills",
        description=(
            "Curate the skill vocabulary of the workspace SLACK_BOT_TOKEN belongs to "
            "(SLACK_SIGNING_SECRET is needed too)."
        ),
    )
    action = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    alias = action.add_parser(
        "alias",
        help="make ALIAS mean SKILL (`k8s` → Kubernetes)",
        description=(
            "Make ALIAS another name for SKILL in the workspace the bot token belongs to (SKILL "
            "is added if it is new); a skill people already declared is refused as an ALIAS: "
            "`askaround skills merge` folds it into SKILL."
        ),
    )
    alias.add_argument("alias", metavar="ALIAS", help="the other name, e.g. k8s")
    alias.add_argument("skill", metavar="SKILL", help="the skill it means, e.g. kubernetes")
    merge = action.add_parser(
        "merge",
        help="move everyone's FROM skill onto INTO and make FROM an alias",
        description=(
            "Fold the duplicate skill FROM into INTO: everyone who declared FROM has INTO "
            "instead, and FROM becomes an alias of INTO."
        ),
    )
    merge.add_argument("source", metavar="FROM", help="the duplicate skill, which goes away")
    merge.add_argument("target", metavar="INTO", help="the skill that stays")
    return parser


async def run(args: argparse.Namespace) -> int:
    from bot.directory.admin import add_alias, merge_skills
    from bot.runtime.cli.database import open_services
    from handlers.client.directory import SlackResolver, directory_client

    settings = Settings.from_env(one_workspace=True)
    async with open_services(settings) as services:
        team_id = (await SlackResolver.connect(directory_client(settings))).team_id
        if args.action == "alias":
            message = await add_alias(services.directory, team_id, args.alias, args.skill)
        else:
            message = await merge_skills(services.directory, team_id, args.source, args.target)
    print(message)
    return 0
