"""A message kudos quote, edited or deleted: the kudos follow it. Shared by the kudos quotes
surface and the questions surface, which takes a question's edit or deletion first."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.safe_text import unescaped
from bot.services import Services
from handlers.blocks.message_text import typed_text
from handlers.client.conversations import is_private
from handlers.dispatch.router import deleted_ts, edit_ts, edited_message


async def follow_deletion(services: Services, team: str, event: dict[str, Any]) -> None:
    ts = deleted_ts(event)
    if ts is not None:
        deletion = str(event.get("ts") or event.get("event_ts"))
        await services.kudos.quoted_deleted(team, str(event.get("channel")), ts, deletion)


async def follow_edit(
    client: AsyncWebClient, services: Services, team: str, event: dict[str, Any]
) -> None:
    changed = edited_message(event)
    if changed is not None:
        # As typed, as a reaction's reason is read (`message_text`).
        words = unescaped(typed_text(changed))
        edit = edit_ts(event, changed)
        channel = str(event.get("channel"))
        private = await is_private(client, channel, services.conversations.of(team))
        await services.kudos.quoted_edited(
            team, channel, str(changed.get("ts")), words, edit, private=private
        )
