"""`/kudos report [this week|last week|YYYY-Www|Www] [@manager]`: a manager's summary, ephemeral.

The summary is the weekly digest's (same service, same renderer). This surface registers a
`/kudos` listener that only matches `report …`, ahead of `handlers/surfaces/kudos.py`, whose general
listener keeps every other `/kudos` invocation.
"""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot import mentions
from bot.errors import UserError
from bot.help import help_lines
from bot.services import Services
from handlers.blocks.digests import has_more, render_digest
from handlers.client.admins import slack_admin_heard
from handlers.client.conversations import private_now
from handlers.client.directory import lookup_profile, members_only
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of
from handlers.outbox.digests import csv_uploads

_REPORT = re.compile(r"^\s*report\b", re.IGNORECASE)
IN_YOUR_DM = "in the CSV files I've sent you in a direct message"
# `/kudos report help`: the report's line of `/kudos help`, whoever asks (it was refused as
# no team of the asker's).
REPORT_HELP = next(line for line in help_lines("/kudos") if line.startswith("`/kudos report"))


def parse_report(text: str) -> tuple[str, str | None]:
    """(period words, manager user id or None) from `report [period] [@manager]`."""
    rest = _REPORT.sub("", text, count=1)
    managers = mentions.people(rest)
    if len(managers) > 1:
        raise UserError("One manager at a time, please: `/kudos report last week @maria`.")
    words = mentions.without_people(rest)
    if "@" in words:
        raise UserError("I can't tell who that is: pick the manager from Slack's @-suggestions.")
    return " ".join(words.split()), (managers[0] if managers else None)


async def kudos_report(
    services: Services,
    client: AsyncWebClient,
    team_id: str,
    command: dict[str, Any],
    respond: AsyncRespond,
) -> None:
    """Answer `/kudos report …` (already acked): the summary, or why not, only to the asker."""
    period, manager = parse_report(str(command.get("text", "")))
    if period.lower() in ("help", "?"):
        await respond(response_type="ephemeral", text=REPORT_HELP)
        return
    viewer = str(command["user_id"])
    await members_only(client, services, team_id, viewer)
    if manager is not None and manager != viewer:
        # Someone Slack says is nobody, or a member of another organisation, has no report:
        # said so, not as outside the viewer's org or without a team.
        await lookup_profile(client, services, team_id, manager, acting=False)
    summary = await services.digests.report(
        team_id,
        viewer,
        slack_admin=await slack_admin_heard(client, services, team_id, viewer),
        manager_user_id=manager,
        period=period,
        private_now=private_now(client, services.conversations.of(team_id)),
    )
    own = viewer == summary.manager_user_id
    cut = has_more(summary, for_manager=own, rest=IN_YOUR_DM)
    if cut:  # sent before the reply says they were
        opened = await client.conversations_open(users=viewer)
        await client.files_upload_v2(
            channel=str(opened["channel"]["id"]), file_uploads=csv_uploads(summary)
        )
    reply = render_digest(summary, for_manager=own, rest=IN_YOUR_DM)
    await respond(response_type="ephemeral", **reply)


async def _is_report(command: dict[str, Any]) -> bool:
    return bool(_REPORT.match(str(command.get("text", ""))))


def register(router: Router, services: Services) -> None:
    @router.command("/kudos", matchers=[_is_report])
    async def report_command(
        ack: AsyncAck,
        command: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        await ack()
        await kudos_report(services, client, workspace_of(context), command, respond)
