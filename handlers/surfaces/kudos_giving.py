"""What kudos needs from Slack: look-ups of people and conversations, and the giver's
confirmation. Shared by every way of giving."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import KudosRefused
from bot.kudos.records import Given
from bot.people import Profile
from bot.services import Services
from handlers.blocks.kudos import render_confirmation
from handlers.client.directory import profile_from_slack
from handlers.client.failures import is_transient

log = logging.getLogger("askaround.kudos")
Reply = Callable[..., Awaitable[Any]]


async def lookup_profile(
    client: AsyncWebClient, services: Services, team_id: str, user_id: str
) -> Profile:
    """The person as Slack describes them now (bot? deactivated? time zone?), remembered."""
    try:
        info = await client.users_info(user=user_id)
    except SlackApiError as error:
        if is_transient(error):
            raise
        raise KudosRefused(f"I can't find <@{user_id}> in this workspace.", "recipients") from None
    profile = profile_from_slack(info["user"])
    await services.people.remember(team_id, profile)
    return profile


async def lookup_people(
    client: AsyncWebClient, services: Services, team_id: str, giver: str, recipients: list[str]
) -> tuple[Profile, tuple[Profile, ...]]:
    """The giver and the recipients as Slack describes them, one look-up each: so no more
    recipients than the giver has kudos left are looked up (one request, bounded calls)."""
    await services.kudos.check_room(team_id, giver, len(recipients))
    found = await asyncio.gather(
        *(lookup_profile(client, services, team_id, u) for u in [giver, *recipients])
    )
    return found[0], tuple(found[1:])


async def message_text(client: AsyncWebClient, channel_id: str, ts: str) -> str:
    """A message's text by its timestamp, whether at the top of the channel or in a thread."""
    try:
        history = await client.conversations_history(
            channel=channel_id, latest=ts, oldest=ts, inclusive=True, limit=1
        )
        found = [m for m in history.get("messages") or [] if m.get("ts") == ts]
        if not found:
            replies = await client.conversations_replies(channel=channel_id, ts=ts)
            found = [m for m in replies.get("messages") or [] if m.get("ts") == ts]
    except SlackApiError as error:
        if is_transient(error):
            raise
        return ""
    return str(found[0].get("text") or "") if found else ""


async def permalink(client: AsyncWebClient, channel_id: str, ts: str) -> str | None:
    try:
        answer = await client.chat_getPermalink(channel=channel_id, message_ts=ts)
    except SlackApiError:
        return None
    return str(answer["permalink"])


async def confirm_to_giver(reply: Reply, given: Given) -> None:
    """The giver's own confirmation with Undo; the shout-out and DMs go through the outbox."""
    await reply(**render_confirmation(given))


def ephemeral_or_dm(client: AsyncWebClient, channel_id: str | None, user_id: str) -> Reply:
    """A reply only this person sees: ephemeral where they are, else in their DM with the bot."""

    async def reply(**message: Any) -> None:
        if channel_id:
            try:
                await client.chat_postEphemeral(channel=channel_id, user=user_id, **message)
                return
            except SlackApiError:
                pass
        dm = await client.conversations_open(users=user_id)
        await client.chat_postMessage(channel=dm["channel"]["id"], **message)

    return reply
