"""The monthly network insights DM to an admin, rendered from the cached analysis when it is
sent: the outline as a message (marked, so a retry finds it instead of posting again), then
the picture, unless an earlier attempt's upload is already in the DM."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from bot.insights import outline
from bot.insights.tell import MONTHLY_DM
from bot.reliability.delivery import NotYet
from bot.services import Services
from handlers.blocks.network import render_network
from handlers.client.admins import slack_admin
from handlers.client.failures import is_transient
from handlers.client.messages import file_shared, update_message

log = logging.getLogger("askaround.insights")
# Where the risks a message leaves out are, when its own CSV could not be attached.
ELSEWHERE = "the network.csv `/askaround network` sends you"


async def monthly_dm(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    admin, month = str(payload["admin"]), str(payload["month"])
    due = await services.insights.monthly_due_at(team_id, admin, month)
    if services.clock.now() < due:
        raise NotYet(due)
    try:
        shown = await services.insights.for_viewer(
            team_id, admin, slack_admin=await slack_admin(client, team_id, admin)
        )
    except UserError:
        return  # no longer an admin since it was queued
    channel = str((await client.conversations_open(users=admin))["channel"]["id"])
    name, table = f"network-{month}.png", f"network-{month}.csv"
    note = f"Your monthly network insights, {month}."
    parts = outline.sections(shown.view, shown.names, f"{table}, below,")
    posted = await client.chat_postMessage(channel=channel, **render_network(parts, note=note))
    if not await file_shared(client, channel, str(posted["ts"]), name):
        files = [{"content": await shown.png(), "filename": name, "title": "Help between teams"}]
        if outline.more_risks(shown.view):
            content = await services.insights.csv(team_id, shown)
            files.append({"content": content, "filename": table, "title": "Network insights"})
        try:
            await client.files_upload_v2(channel=channel, file_uploads=files)
        except SlackApiError as refused:
            # Slack will not take the files: the message says where the rest is, not "below".
            if not is_transient(refused) and outline.more_risks(shown.view):
                parts = outline.sections(shown.view, shown.names, ELSEWHERE)
                message = render_network(parts, note=note)
                await update_message(client, channel, str(posted["ts"]), message)
            raise
    log.info("network insights %s for %s sent", month, admin)


DELIVERIES = {MONTHLY_DM: monthly_dm}
