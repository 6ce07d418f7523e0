"""What kudos needs from Slack, and how it tells people: look-ups, then shout-out, DMs and the
giver's confirmation. Shared by every way of giving."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import KudosRefused
from bot.kudos.records import Given
from bot.people import Profile
from bot.services import Services
from handlers.home import profile_from_slack
from handlers.kudos_blocks import (
    render_confirmation,
    render_received,
    render_seconded,
    render_shoutout,
)

log = logging.getLogger("askaround.kudos")
Reply = Callable[..., Awaitable[Any]]


async def lookup_profile(
    client: AsyncWebClient, services: Services, team_id: str, user_id: str
) -> Profile:
    """The person as Slack describes them now (bot? deactivated? time zone?), remembered."""
    try:
        info = await client.users_info(user=user_id)
    except SlackApiError:
        raise KudosRefused(f"I can't find <@{user_id}> in this workspace.", "recipients") from None
    profile = profile_from_slack(info["user"])
    await services.people.remember(team_id, profile)
    return profile


async def lookup_people(
    client: AsyncWebClient, services: Services, team_id: str, giver: str, recipients: list[str]
) -> tuple[Profile, tuple[Profile, ...]]:
    found = await asyncio.gather(
        *(lookup_profile(client, services, team_id, u) for u in [giver, *recipients])
    )
    return found[0], tuple(found[1:])


async def is_private(client: AsyncWebClient, channel_id: str | None) -> bool:
    """Whether kudos given here must stay here: private channels, DMs, and anything we cannot
    look at (which is private to us, so it is treated as private)."""
    if not channel_id:
        return False
    if channel_id.startswith("D"):
        return True
    try:
        info = await client.conversations_info(channel=channel_id)
    except SlackApiError:
        return True
    channel = info["channel"]
    return bool(channel.get("is_private") or channel.get("is_im") or channel.get("is_mpim"))


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
    except SlackApiError:
        return ""
    return str(found[0].get("text") or "") if found else ""


async def permalink(client: AsyncWebClient, channel_id: str, ts: str) -> str | None:
    try:
        answer = await client.chat_getPermalink(channel=channel_id, message_ts=ts)
    except SlackApiError:
        return None
    return str(answer["permalink"])


@dataclass(frozen=True)
class Where:
    """Where kudos were given: the conversation, its privacy, and a message to link back to."""

    channel_id: str | None
    private: bool
    message_link: str | None = None
    thread_ts: str | None = None  # seconding answers in the shout-out's thread


async def announce(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    given: Given,
    where: Where,
    *,
    confirm: Reply,
    in_channel: Reply | None = None,
    reaction: str = "kudos",
) -> None:
    """Shout-out, a DM to each recipient, then the giver's confirmation with Undo.

    Public kudos go to the workspace's kudos channel when one is set (with a link back);
    private ones stay in the conversation they were given in.
    """
    target = where.channel_id
    link_back = None
    if not where.private and given.kudos_channel_id and where.thread_ts is None:
        if given.kudos_channel_id != where.channel_id:
            target = given.kudos_channel_id
            if where.message_link:
                link_back = f"<{where.message_link}|in this conversation>"
            elif where.channel_id:
                link_back = f"in <#{where.channel_id}>"
    if where.thread_ts is None:
        shoutout = render_shoutout(given, link_back, reaction)
    else:
        shoutout = render_seconded(given)
    posted = None
    if target:
        try:
            posted = await client.chat_postMessage(
                channel=target, thread_ts=where.thread_ts, **shoutout
            )
        except SlackApiError as error:
            log.info("shout-out not posted in %s: %s", target, error.response.get("error"))
    if posted is not None:
        await services.kudos.record_shoutout(
            team_id, given.batch_key, posted["channel"], posted["ts"]
        )
    elif in_channel is not None:
        await in_channel(response_type="in_channel", **shoutout)  # the bot is not a member here
    place = None if where.private or not where.channel_id else f"<#{where.channel_id}>"
    for entry in given.entries:
        try:
            dm = await client.conversations_open(users=entry.receiver)
            await client.chat_postMessage(
                channel=dm["channel"]["id"], **render_received(entry, place)
            )
        except SlackApiError as error:
            log.info("kudos DM to %s failed: %s", entry.receiver, error.response.get("error"))
    await confirm(**render_confirmation(given))


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
