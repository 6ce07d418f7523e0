"""`askaround sync`: refresh names, time zones and deactivations from Slack's users.list."""

from __future__ import annotations

import argparse
from typing import Any

from bot.settings import Settings


def add_parser(sub: Any) -> argparse.ArgumentParser:
    return sub.add_parser(
        "sync",
        examples=[
            "askaround sync",
        ],
        help="pull the Slack directory now (the bot also does it daily)",
        description=(
            "Page through users.list and record everyone's name, time zone, whether they are "
            "a guest and whether they were deactivated. Someone Slack described before whom "
            "the whole list no longer names (removed from an Enterprise Grid workspace, or "
            "erased) is recorded as deactivated too and counted as no longer in the "
            "workspace; a list Slack fails part-way changes nobody. Deactivated people stop "
            "being asked questions, and their open questions and requests are closed. Needs "
            "SLACK_BOT_TOKEN (the workspace's) and SLACK_SIGNING_SECRET."
        ),
    )


async def run(args: argparse.Namespace) -> int:
    from bot.progress import progress_bar
    from bot.runtime.cli.database import open_services
    from handlers.client.directory import SlackResolver, directory_client, sync_directory

    settings = Settings.from_env(one_workspace=True)
    client = directory_client(settings)
    async with open_services(settings, create=True) as services:
        team_id = (await SlackResolver.connect(client)).team_id
        with progress_bar("reading Slack users", "user") as bar:
            report = await sync_directory(client, services, team_id, on_page=bar.update)
    print(report.summary())
    return 0
