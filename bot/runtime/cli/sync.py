"""`askaround sync [--team T…]`: refresh names, time zones and deactivations from Slack's
users.list, in the workspace whose SLACK_BOT_TOKEN it is given or, with OAuth, in an
installed workspace with the token its installation keeps."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from bot.runtime.cli.workspaces import checked_team_id
from bot.settings import Settings

if TYPE_CHECKING:
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.services import Services


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "sync",
        examples=[
            "askaround sync",
            "askaround sync --team T0123ABCD",
        ],
        help="pull the Slack directory now (the bot also does it daily)",
        description=(
            "Page through users.list and record everyone's name, time zone, whether they are "
            "a guest and whether they were deactivated. Someone Slack described before whom "
            "the whole list no longer names (removed from an Enterprise Grid workspace, or "
            "erased) is recorded as deactivated too and counted as no longer in the "
            "workspace; a list Slack fails part-way changes nobody. Deactivated people stop "
            "being asked questions, and their open questions and requests are closed. Needs "
            "SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (the workspace's); with OAuth "
            "(SLACK_CLIENT_ID) and no SLACK_BOT_TOKEN, it syncs the installed workspace "
            "--team names, or the only one, with the token its installation keeps."
        ),
    )
    parser.add_argument(
        "--team",
        metavar="T…",
        help=(
            "the workspace's id: with OAuth, which installed workspace to sync (needed when "
            "several are); with SLACK_BOT_TOKEN, it must be that token's"
        ),
    )
    return parser


async def run(args: argparse.Namespace) -> int:
    from bot.progress import progress_bar
    from bot.runtime.cli.database import open_services
    from handlers.client.directory import sync_directory

    team = checked_team_id(args.team) if args.team else None
    settings = Settings.from_env(one_workspace=True)
    async with open_services(settings, create=True) as services:
        client, team_id = await workspace_client(settings, services, team)
        with progress_bar("reading Slack users", "user") as bar:
            report = await sync_directory(client, services, team_id, on_page=bar.update)
    print(report.summary())
    return 0


async def workspace_client(
    settings: Settings, services: Services, team: str | None
) -> tuple[AsyncWebClient, str]:
    """The workspace to sync and a Web API client with its token: SLACK_BOT_TOKEN's (`team`,
    if given, must be it), else (OAuth) the installed workspace `team` names or the only one."""
    from bot.runtime.cli.workspaces import choose_workspace, token_is_for
    from handlers.client.directory import SlackResolver, directory_client
    from storage.installations import installed_names

    if settings.bot_token:
        client = directory_client(settings)
        team_id = (await SlackResolver.connect(client)).team_id
        token_is_for(team, team_id)
        return client, team_id
    async with services.sessions() as s:
        names = await installed_names(s, settings.client_id)
    team_id = choose_workspace(team, list(names), names)
    return directory_client(settings, await services.installations.bot_token(team_id)), team_id
