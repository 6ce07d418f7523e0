"""The DM telling whoever had a channel watched that askaround was removed from it
(`bot.questions.watching.WatchService.removed_from`)."""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.questions.watching import WATCH_UNHEARD
from bot.services import Services
from handlers.blocks.questions import render_watch_unheard
from handlers.client.conversations import conversation
from handlers.client.failures import USER_GONE, error_code


async def watch_unheard(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """Nothing when whoever had it watched has left the workspace since: the askaround
    admins' Home tab says it beside the channel all the same. Nothing either when askaround
    is in the channel again (Slack says so now): invited back before this was sent, or
    before Slack's retry of a removal whose first delivery failed came."""
    if (await conversation(client, str(payload["channel"]))).member:
        return
    try:
        dm = await client.conversations_open(users=str(payload["user"]))
    except SlackApiError as error:
        if error_code(error) in USER_GONE:
            return
        raise
    by = payload.get("by")
    await client.chat_postMessage(
        channel=dm["channel"]["id"],
        **render_watch_unheard(str(payload["channel"]), str(by) if by else None),
    )


DELIVERIES = {WATCH_UNHEARD: watch_unheard}
