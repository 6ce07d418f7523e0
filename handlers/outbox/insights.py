"""The monthly insights DM to an admin, rendered from the cached analysis when it is
sent: the outline as a message (marked, so a retry finds it instead of posting again), then
the picture, unless an earlier attempt's upload is already in the DM."""

from __future__ import annotations

import json
import logging
from datetime import UTC
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from bot.insights import outline
from bot.insights.measures import Analysis
from bot.insights.tell import FILES_ELSEWHERE, MONTHLY_DM, monthly_key
from bot.reliability.delivery import NotYet
from bot.services import Services
from handlers.blocks.insights import render_insights
from handlers.client import marks
from handlers.client.admins import slack_admin_heard
from handlers.client.conversations import private_now
from handlers.client.failures import is_transient
from handlers.client.lookup import latest_marked
from handlers.client.messages import file_shared, update_message

log = logging.getLogger("askaround.insights")
# Where the risks a message leaves out are, when its own CSV failed again and again (Slack
# may take the next one, `/askaround insights`'s).
ELSEWHERE = "the insights.csv `/askaround insights` sends you"


async def monthly_dm(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    admin, month = str(payload["admin"]), str(payload["month"])
    due = await services.insights.monthly_due_at(team_id, admin, month)
    if services.clock.now() < due:
        raise NotYet(due)
    try:
        # Slack's word on them now, stored: a guest since, the `user_change` lost, is one.
        now_admin = await slack_admin_heard(client, services, team_id, admin)
        shown = await services.insights.for_viewer(
            team_id,
            admin,
            slack_admin=now_admin,
            private_now=private_now(client, services.conversations.of(team_id)),
        )
    except UserError:
        return  # no longer an admin since it was queued
    channel = str((await client.conversations_open(users=admin))["channel"]["id"])
    name, table = f"insights-{month}.png", f"insights-{month}.csv"
    note = _covered(shown.view.analysis)
    parts = outline.sections(shown.view, shown.names, _below(month))
    posted = await client.chat_postMessage(channel=channel, **render_insights(parts, note=note))
    if not await file_shared(client, channel, str(posted["ts"]), name):
        files = [{"content": await shown.png(), "filename": name, "title": "Help between teams"}]
        if outline.more_risks(shown.view):
            content = await services.insights.csv(team_id, shown)
            files.append({"content": content, "filename": table, "title": "Insights"})
        try:
            await client.files_upload_v2(channel=channel, file_uploads=files)
        except SlackApiError as refused:
            # Slack will not take files in this DM, `/askaround insights`'s either: the message
            # no longer says the rest is "below", nor anywhere the admin could not get it.
            if not is_transient(refused) and outline.more_risks(shown.view):
                parts = outline.sections(shown.view, shown.names, None)
                message = render_insights(parts, note=note)
                await update_message(client, channel, str(posted["ts"]), message)
            raise
    log.info("insights %s for %s sent", month, admin)


def _covered(analysis: Analysis) -> str:
    """What the monthly DM covers: from where its heading starts ("since … (UTC)", or
    "counted since" askaround's start) to when it was analysed, not the month it is keyed by
    (`month`, in its files' names)."""
    return (
        f"Your monthly insights: help from {analysis.starts.astimezone(UTC):%Y-%m-%d} to "
        f"{analysis.computed_at.astimezone(UTC):%Y-%m-%d} (UTC)."
    )


def _below(month: str) -> str:
    """How the monthly DM names its CSV, in the risks it leaves out (`outline.sections`)."""
    return f"insights-{month}.csv, below,"


async def given_up(services: Services, team_id: str, payload: dict[str, Any]) -> None:
    """The outbox gave the monthly DM up, refused or after its retries: it may be in the DM
    without its files."""
    await services.insights.monthly_given_up(team_id, str(payload["admin"]), str(payload["month"]))


async def files_elsewhere(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """A monthly DM given up on without its CSV says where the risks it leaves out are, not
    "below": the message as posted (found by its delivery's mark), that one clause changed.
    Nothing when it was never posted or its CSV is there after all."""
    admin, month = str(payload["admin"]), str(payload["month"])
    channel = str((await client.conversations_open(users=admin))["channel"]["id"])
    _, history = await latest_marked(client, channel)
    posted = marks.find_mark(history, monthly_key(team_id, admin, month))
    if posted is None or _below(month) not in json.dumps(posted.get("blocks") or []):
        return
    if await file_shared(client, channel, str(posted["ts"]), f"insights-{month}.csv"):
        return
    # Slack takes no block_id a message had before (blocks/actions-block): let it make new.
    blocks = [{k: v for k, v in b.items() if k != "block_id"} for b in posted["blocks"]]
    said = json.loads(json.dumps(blocks).replace(_below(month), ELSEWHERE))
    message = {"text": str(posted.get("text", "")), "blocks": said}
    await update_message(client, channel, str(posted["ts"]), message)


DELIVERIES = {MONTHLY_DM: monthly_dm, FILES_ELSEWHERE: files_elsewhere}
# What a delivery the outbox gives up on does instead, to keep what its words promised.
GIVEN_UP = {MONTHLY_DM: given_up}
