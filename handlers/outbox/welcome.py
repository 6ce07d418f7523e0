"""The welcome someone gets in their DM with askaround the first time they open its Messages
tab (`handlers.surfaces.home`). Slack's `app_home_opened` says nothing of whether it is the
first opening, and comes on every one, and again as a retry: the delivery's key, one per
person and workspace, is the mark that it was said (a sent delivery's row is kept until the
workspace's data is deleted), and the conversation's history, read when it is sent, whether
they talk with askaround already, as Slack's guidance has it: then nothing is said."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services
from handlers.blocks.greeting import render_welcome
from handlers.client.failures import USER_GONE, error_code, explained, is_transient
from handlers.client.pages import listed

log = logging.getLogger("askaround.outbox")
WELCOME = "home.welcome"


def welcome_key(team_id: str, user_id: str) -> str:
    return f"{WELCOME}:{team_id}:{user_id}"


async def welcome(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """Posted at the top of the DM when nothing was ever said there; a retry whose first
    attempt posted it finds it there, and says nothing more."""
    channel = payload.get("channel")
    if not channel:  # an event naming no conversation: the DM is opened
        try:
            channel = (await client.conversations_open(users=str(payload["user"])))["channel"]["id"]
        except SlackApiError as error:
            if error_code(error) in USER_GONE:
                return
            raise
    if await conversation_begun(client, str(channel)):
        return
    await client.chat_postMessage(channel=str(channel), **render_welcome())


async def conversation_begun(client: AsyncWebClient, channel: str) -> bool:
    """Whether anything was said in the DM yet. Slack refusing to show it (a missing scope,
    the conversation gone) leaves it unknown, taken as begun: a welcome is a nicety, never
    said into a conversation that may have begun. A transient failure raises, to be tried
    again."""
    try:
        _, said = await listed(
            client.conversations_history, "messages", up_to=1, channel=channel, limit=1
        )
    except SlackApiError as error:
        if is_transient(error):
            raise
        log.info("no welcome in %s: Slack will not show it (%s)", channel, explained(error))
        return True
    return bool(said)


DELIVERIES = {WELCOME: welcome}
