"""`/askaround insights`: the insights a viewer may see (admins the workspace,
managers their org), ephemeral, once the team-to-team picture is uploaded to their DM with
the bot (a picture shared in the channel would be seen by everyone there).

The listener acks at once, saying nothing: someone who may not see the insights is told so
alone, before anyone is told they are being looked at. The analysis runs after the ack, in its
turn, from the service's cache when a recent one exists. `/askaround network`, its name until
December 2026 (when "network" came to mean only the people someone knows, `/skills network`),
is told the new name and shown the insights, for one release."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from bot.insights import outline
from bot.insights.service import NOT_FOR_YOU, Shown
from bot.services import Services
from handlers.blocks.elements import render_error
from handlers.blocks.insights import PICTURE_HERE, PICTURE_IN_DM, render_insights
from handlers.client.admins import slack_admin_heard
from handlers.client.conversations import private_now
from handlers.client.directory import members_only
from handlers.client.failures import explained, method_of, refused_for_good
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of

_INSIGHTS = re.compile(r"^\s*(insights|network)\s*$", re.IGNORECASE)
RENAMED = "`/askaround network` is now `/askaround insights`."
PICTURE, TABLE = "insights.png", "insights.csv"
UNSHARED = (
    "Slack refused me the upload (`{method}`), so I can't share the picture of how help "
    "flows between teams; here is what it shows, in words."
)
log = logging.getLogger("askaround.insights")


async def insights(
    services: Services,
    client: AsyncWebClient,
    team_id: str,
    user_id: str,
    channel_id: str,
    respond: AsyncRespond,
) -> None:
    """`channel_id`: where the command was typed; in the DM with askaround, the files shared
    there are "here", not "in your DM with me"."""
    await members_only(client, services, team_id, user_id)
    admin = await slack_admin_heard(client, services, team_id, user_id)  # a guest now reads as one
    if not await services.insights.may_see(team_id, user_id, slack_admin=admin):
        await respond(response_type="ephemeral", **render_error(NOT_FOR_YOU))
        return
    await respond(response_type="ephemeral", text="Looking at how help flows here…")
    try:
        shown = await services.insights.for_viewer(
            team_id,
            user_id,
            slack_admin=admin,
            private_now=private_now(client, services.conversations.of(team_id)),
        )
    except UserError as error:
        await respond(response_type="ephemeral", **render_error(error))
        return
    try:
        dm = await _upload(services, client, team_id, user_id, shown)
    except SlackApiError as error:
        if not refused_for_good(error):
            raise
        method = method_of(error)
        log.warning("insights picture not shared: Slack refused %s: %s", method, explained(error))
        await respond(response_type="ephemeral", text=UNSHARED.format(method=method))
        parts = outline.sections(shown.view, shown.names, None)
        await respond(response_type="ephemeral", **render_insights(parts, None))
        return
    # Said once true: an upload Slack refused would leave "in your DM" beside its error.
    here = dm == channel_id
    table = f"{TABLE}, shared here," if here else f"{TABLE} in your DM with me"
    parts = outline.sections(shown.view, shown.names, table)
    note = PICTURE_HERE if here else PICTURE_IN_DM
    await respond(response_type="ephemeral", **render_insights(parts, note))


async def _upload(
    services: Services, client: AsyncWebClient, team_id: str, user_id: str, shown: Shown
) -> str:
    """The picture (and the table of every risk, where some are left out) to the viewer's
    DM with the bot; that DM's id."""
    opened = await client.conversations_open(users=user_id)
    files = [
        {
            "content": await shown.png(),
            "filename": PICTURE,
            "title": "Help between teams",
            "alt_txt": "Teams as circles, arrows from the team that helped to the team helped",
        }
    ]
    if outline.more_risks(shown.view):
        table = await services.insights.csv(team_id, shown)
        files.append({"content": table, "filename": TABLE, "title": "Insights"})
    dm = str(opened["channel"]["id"])
    await client.files_upload_v2(channel=dm, file_uploads=files)
    return dm


async def _is_insights(command: dict[str, Any]) -> bool:
    return bool(_INSIGHTS.match(str(command.get("text", ""))))


def register(router: Router, services: Services) -> None:
    @router.command("/askaround", matchers=[_is_insights])
    async def insights_command(
        ack: AsyncAck,
        command: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        await ack()  # nothing yet: who may see it decides what is said first
        if str(command.get("text", "")).strip().lower() == "network":
            await respond(response_type="ephemeral", text=RENAMED)
        await insights(
            services,
            client,
            workspace_of(context),
            str(command["user_id"]),
            str(command.get("channel_id", "")),
            respond,
        )
