"""How what an admin's take-back queued (`bot.kudos.tell.taken_back`) is sent: the shout-out
and the recipients' DMs redrawn in place with `chat.update`, and a DM to the giver and to each
recipient. Rendered from the ledger as it is now; a retry redraws the same words."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services
from handlers.blocks.kudos import place
from handlers.blocks.kudos_taken_back import (
    render_taken_back_received,
    render_taken_back_shoutout,
    render_taken_back_told,
)
from handlers.client.failures import error_code, is_transient, refused_for_good
from handlers.client.messages import update_message

log = logging.getLogger("askaround.kudos")


async def taken_back(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """A shout-out posted through a command's reply_url (where the bot is not a member) has
    no ts to update, nor could the bot change it there: it is left, and the DMs say so
    (`taken_back_told`)."""
    entries = await services.kudos.batch(team_id, str(payload["batch_key"]))
    if not entries:
        return  # forgotten with the workspace's data since
    first = entries[0]
    if first.shoutout_channel_id and first.shoutout_ts:
        message = render_taken_back_shoutout(entries)
        await update_message(client, first.shoutout_channel_id, first.shoutout_ts, message)
    for entry in entries:
        if entry.dm_channel_id and entry.dm_ts:
            message = render_taken_back_received(entry)
            await update_message(client, entry.dm_channel_id, entry.dm_ts, message)


async def taken_back_told(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """One person's DM; one Slack refuses for good (they left, a bot) is left in the log."""
    entries = await services.kudos.batch(team_id, str(payload["batch_key"]))
    if not entries:
        return  # forgotten with the workspace's data since
    user, batch_key = str(payload["user"]), str(payload["batch_key"])
    why = await services.kudos.why_taken_back(team_id, batch_key)
    first = entries[0]
    left_in = None
    if first.shoutout_reply_url and not first.shoutout_ts:  # not redrawn (`taken_back`)
        group_dm = await services.kudos.given_in_group_dm(team_id, batch_key)
        left_in = place(first.shoutout_channel_id, first, group_dm=group_dm)
    message = render_taken_back_told(entries, user, why, left_in)
    try:
        dm = await client.conversations_open(users=user)
        await client.chat_postMessage(channel=dm["channel"]["id"], **message)
    except SlackApiError as failure:
        if is_transient(failure) or not refused_for_good(failure):
            raise
        log.info("kudos taken back: %s not told: %s", user, error_code(failure))


DELIVERIES = {"kudos.taken_back": taken_back, "kudos.taken_back_told": taken_back_told}
