"""*Take back kudos*, the message shortcut on a shout-out (or on a seconding's reply under it):
an askaround admin, decided as for the settings (`bot.visibility.may_configure`, through
`WorkspaceSettingsService.is_admin`), is asked an optional reason in a modal, and its
submission takes the kudos back (`bot.kudos.taking_back`). Anyone may see a message shortcut
in Slack's menu; someone else is told privately who can. The submission asks again, so a
forged one is refused; it is checked and done before its ack, as Slack shows a modal's errors
and its next view only from the ack. A second submission (a double click, Slack's retry)
finds nothing left to take back and tells nobody anything."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import KudosRefused
from bot.services import Services
from handlers.blocks.kudos_taken_back import (
    TAKE_BACK_MODAL,
    render_take_back_modal,
    render_taken_back_done,
)
from handlers.client import marks
from handlers.client.admins import standing
from handlers.client.messages import message_shown
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import by_askaround, workspace_of

SHORTCUT = "take_back_kudos"
NOT_AN_ADMIN = (
    "Only askaround admins can take back kudos: Slack's workspace admins and owners, people "
    "with the `admin` role, and the people they name. If these kudos should not stand, ask "
    "one of them."
)
ALREADY = "These kudos were already undone or taken back: there is nothing left to take back."


async def _is_admin(services: Services, client: AsyncWebClient, team_id: str, user: str) -> bool:
    admin, nameable = await standing(client, team_id, user)
    return await services.workspace_settings.is_admin(
        team_id, user, slack_admin=admin, nameable=nameable
    )


def register(router: Router, services: Services) -> None:
    @router.message_shortcut(SHORTCUT)
    async def on_shortcut(
        ack: AsyncAck, shortcut: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        await ack()
        team, user = workspace_of(context), shortcut["user"]["id"]
        if not await _is_admin(services, client, team, user):
            raise KudosRefused(NOT_AN_ADMIN)
        message = shortcut.get("message") or {}
        channel = shortcut["channel"]["id"]
        ts = str(message.get("ts") or shortcut.get("message_ts"))
        ours = by_askaround(message, context)
        # The outbox's mark names the kudos of a shout-out whose answer was lost, recorded
        # nowhere; Slack leaves its key out of the shortcut's message: read again.
        if ours and marks.mark_withheld(message):
            message = await message_shown(client, channel, ts) or message
        marked = marks.marked_with(message)
        found = await services.kudos.to_take_back(team, channel, ts, ours=ours, marked=marked)
        if found.already:
            raise KudosRefused(ALREADY)
        metadata = {"batch": found.entries[0].batch_key}
        view = render_take_back_modal(found.entries, metadata)
        await client.views_open(trigger_id=shortcut["trigger_id"], view=view)

    @router.view(TAKE_BACK_MODAL)
    async def on_submit(
        ack: AsyncAck,
        body: dict[str, Any],
        view: dict[str, Any],
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        team, user = workspace_of(context), body["user"]["id"]
        if not await _is_admin(services, client, team, user):
            await ack(response_action="errors", errors={"reason": NOT_AN_ADMIN})
            return
        batch_key = str(json.loads(view.get("private_metadata") or "{}").get("batch") or "")
        said = ((view["state"]["values"].get("reason") or {}).get("text") or {}).get("value")
        try:
            done = await services.kudos.take_back(team, user, said, batch_key=batch_key)
        except KudosRefused as refused:
            await ack(response_action="errors", errors={"reason": str(refused)})
            return
        shown = render_taken_back_done(done.entries, already=done.already)
        await ack(response_action="update", view=shown)
