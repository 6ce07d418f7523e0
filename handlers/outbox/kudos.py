"""How each kudos message in the outbox is sent: rendered from the ledger as it is now, so
kudos undone while their shout-out waited are never announced."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.kudos.records import Given
from bot.services import Services
from handlers.blocks.kudos import render_received, render_seconded, render_shoutout
from handlers.client.failures import ReplyFailed, is_transient

log = logging.getLogger("askaround.kudos")


async def shoutout(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """In the chosen channel; where the bot may not post, through the command's reply_url."""
    entries = await services.kudos.batch(team_id, str(payload["batch_key"]))
    live = tuple(e for e in entries if not e.undone)
    if not live or live[0].shoutout_ts:
        return  # undone meanwhile, or posted by an earlier attempt that recorded it
    given = Given(live)
    thread_ts = payload.get("thread_ts")
    if thread_ts:
        message = render_seconded(given)
    else:
        message = render_shoutout(given, payload.get("link_back"), str(payload["reaction"]))
    channel = payload.get("channel")
    if channel:
        try:
            posted = await client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message)
        except SlackApiError as error:
            if is_transient(error):
                raise
            log.info("shout-out not posted in %s: %s", channel, error.response.get("error"))
        else:
            await services.kudos.record_shoutout(
                team_id, given.batch_key, posted["channel"], posted["ts"]
            )
            return
    if payload.get("reply_url"):
        await _reply_in_channel(str(payload["reply_url"]), message)


async def _reply_in_channel(url: str, message: dict[str, Any]) -> None:
    answer = await AsyncWebhookClient(url).send_dict({"response_type": "in_channel", **message})
    if answer.status_code == 404:
        log.info("shout-out not posted: the reply_url has expired")
    elif answer.status_code >= 300:
        raise ReplyFailed(answer.status_code)


async def received(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    entry = await services.kudos.entry(team_id, int(payload["kudos_id"]))
    if entry is None or entry.undone:
        return
    dm = await client.conversations_open(users=entry.receiver)
    await client.chat_postMessage(
        channel=dm["channel"]["id"], **render_received(entry, payload.get("place"))
    )


DELIVERIES = {"kudos.shoutout": shoutout, "kudos.received": received}
