"""An ephemeral shown or refused, a message read by its ts, a message's link, whether a file
was shared already, updating a message that may be gone, and deleting the bot's own
messages: one at a time, or all it posted in a thread."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.client.failures import (
    RETRIED_STATUSES,
    back_off,
    error_code,
    explained,
    is_transient,
    refused_for_good,
)
from handlers.client.identity import bot_user_of
from handlers.client.lookup import POST_RETRIES
from handlers.client.pages import listed, pages

log = logging.getLogger("askaround.messages")
# A thread the bot can no longer read (it left the channel, the channel went) has nothing left
# that the bot could delete.
GONE = {"thread_not_found", "channel_not_found", "not_in_channel"}
# How far back after its message an earlier attempt's upload is looked for.
HISTORY_LOOKBACK = 50


async def ephemeral_shown(
    client: AsyncWebClient, channel: str, user: str, message: dict[str, Any]
) -> bool:
    """Show `message` to `user` alone in `channel`; False when Slack refuses to (they are not
    in it, it is gone), for the caller to say it elsewhere. A failure that passes is no
    refusal: the client waits out 429s, 500s and 503s itself, and the others that pass (a
    502, `internal_error`) are tried again as those are; one that lasts is raised."""
    tried = 0
    while True:
        try:
            await client.chat_postEphemeral(channel=channel, user=user, **message)
            return True
        except SlackApiError as failure:
            if not is_transient(failure):
                return False
            status = failure.response.status_code
            if status == 429 or status in RETRIED_STATUSES or tried >= POST_RETRIES:
                raise
        await back_off(client, tried)
        tried += 1


async def update_message(
    client: AsyncWebClient, channel: str, ts: str, message: dict[str, Any]
) -> None:
    """A message gone meanwhile (deleted by an admin, its channel archived) is left."""
    try:
        await client.chat_update(channel=channel, ts=ts, **message)
    except SlackApiError as failure:
        if is_transient(failure):
            raise
        log.info("message %s in %s not updated: %s", ts, channel, error_code(failure))


async def message_link(client: AsyncWebClient, channel: str, ts: str) -> str | None:
    """chat.getPermalink's link; None when Slack has none to give (the message or its channel
    gone, a Slack without the method, an answer without the link) or keeps failing to (5xx
    after the client's own retries): a link is a nicety, and a colleague asked without one
    is better than a request given up for it. A rate limit raises, to be waited out."""
    try:
        answer = await client.chat_getPermalink(channel=channel, message_ts=ts)
    except SlackApiError as error:
        if error.response.status_code == 429 or error_code(error) == "ratelimited":
            raise
        if is_transient(error):
            log.info("no link to %s in %s: %s", ts, channel, explained(error))
        return None
    link = answer.get("permalink")
    return str(link) if link else None


async def message_of(client: AsyncWebClient, channel_id: str, ts: str) -> dict[str, Any] | None:
    """A message as Slack gives it, its metadata included, by its timestamp, whether at the
    top of the channel or in a thread; empty when there is none; None when Slack will not
    let the bot read it (a conversation it is not in)."""
    try:
        _, history = await listed(
            client.conversations_history,
            "messages",
            up_to=1,
            channel=channel_id,
            latest=ts,
            oldest=ts,
            inclusive=True,
            limit=1,
            include_all_metadata=True,
        )
        found = [m for m in history if m.get("ts") == ts]
        if not found:  # a reply: its thread, a page at a time, oldest first
            async for replies in pages(
                client.conversations_replies, channel=channel_id, ts=ts, include_all_metadata=True
            ):
                found = [m for m in replies.get("messages") or [] if m.get("ts") == ts]
                if found:
                    break
    except SlackApiError as error:
        # Slack refusing the method or a scope is not the bot being out of the conversation:
        # said as Slack's refusal (`handlers.dispatch.friendly`), not as "I'm not in it".
        if is_transient(error) or refused_for_good(error):
            raise
        return None
    return dict(found[0]) if found else {}


async def message_shown(client: AsyncWebClient, channel: str, ts: str) -> dict[str, Any] | None:
    """A message of the bot's reacted to, as Slack gives it; None when Slack will not show it
    (`message_of`), or refuses the read for good: the ledger alone says what it was, and
    its reactor is answered at the channel's top level."""
    try:
        return await message_of(client, channel, ts)
    except SlackApiError as error:
        if not refused_for_good(error):
            raise
        return None


async def file_shared(client: AsyncWebClient, channel: str, oldest: str, name: str) -> bool:
    """Whether a file of this name was shared in the conversation after `oldest` (an earlier
    attempt's upload). False when Slack will not show the conversation (no such method, a
    missing scope): shared again, rather than never. A transient failure raises."""
    try:
        _, messages = await listed(
            client.conversations_history,
            "messages",
            up_to=HISTORY_LOOKBACK,
            channel=channel,
            oldest=oldest,
            limit=HISTORY_LOOKBACK,
        )
    except SlackApiError as error:
        if is_transient(error):
            raise
        return False
    return any(f.get("name") == name for m in messages for f in m.get("files") or [])


async def delete_message(
    client: AsyncWebClient, channel: str, ts: str, *, retried: bool = False
) -> bool:
    """Delete one of the bot's messages; True when it is gone (or was already). `retried`:
    Slack failing in a way that passes raises, for the outbox to try again."""
    try:
        await client.chat_delete(channel=channel, ts=ts)
    except SlackApiError as failure:
        if retried and is_transient(failure):
            raise
        return error_code(failure) == "message_not_found"
    return True


async def delete_own_replies(client: AsyncWebClient, channel: str, thread_ts: str) -> int:
    """Delete every reply the bot posted in a thread; how many it found. A retry after a
    partial run finds only those left."""
    me = await bot_user_of(client)
    try:
        _, messages = await listed(
            client.conversations_replies, "messages", channel=channel, ts=thread_ts, limit=200
        )
    except SlackApiError as failure:
        if error_code(failure) in GONE:
            return 0
        raise
    mine = [str(m["ts"]) for m in messages if m.get("user") == me and m.get("ts") != thread_ts]
    for ts in mine:
        try:
            await client.chat_delete(channel=channel, ts=ts)
        except SlackApiError as failure:
            if is_transient(failure):
                raise
    return len(mine)
