"""The sample company: Slack users in the emulator, and the same people known to the bot."""

from __future__ import annotations

from importlib.resources import as_file, files
from typing import Any

import yaml
from slack_sdk.web.async_client import AsyncWebClient

from bot.directory.importer import import_people
from bot.services import Services
from handlers.client.directory import SlackResolver, sync_directory
from slack_emulator import SlackEmulator

COMPANY_FILE = files("bot.runtime.demo").joinpath("company.yaml")


def load_company() -> list[dict[str, Any]]:
    return list(yaml.safe_load(COMPANY_FILE.read_text())["people"])


def create_slack_users(emu: SlackEmulator, company: list[dict[str, Any]]) -> dict[str, str]:
    """Slack's side: one user per person, a private team channel, #random and #design."""
    ws = emu.workspace
    users: dict[str, str] = {}
    for person in company:
        user = ws.add_user(
            person["handle"],
            real_name=person["name"],
            email=person["email"],
            tz=person["tz"],
            title=person.get("title", ""),
            # An askaround admin in the company file is a workspace admin in Slack too, so
            # users.info says is_admin, as it would for the person who installed the app.
            is_admin="admin" in person.get("roles", ()),
        )
        users[person["handle"]] = user.id
    platform = [users[p["handle"]] for p in company if p.get("team") == "Platform"]
    ws.add_channel("platform", is_private=True, members=platform)
    ws.add_channel("random", members=list(users.values()))
    # A public channel the bot never joined: a kudos shout-out is posted there all the same.
    ws.add_channel("design", members=list(users.values()), include_bot=False)
    return users


async def seed_bot(services: Services, team_id: str, emu: SlackEmulator) -> bool:
    """The bot's side: a directory sync, then `askaround import people company.yaml`. False
    when the database knew the company already (a `--database` an earlier demo kept)."""
    client = AsyncWebClient(token=emu.bot_token, base_url=emu.api_url)
    synced = await sync_directory(client, services, team_id)
    with as_file(COMPANY_FILE) as path:
        report = await import_people(
            services, path, SlackResolver(client, team_id), dry_run=False, progress=False
        )
    if report.rejected:
        raise RuntimeError(f"the sample company does not import cleanly:\n{report.summary()}")
    return bool(synced.added)
