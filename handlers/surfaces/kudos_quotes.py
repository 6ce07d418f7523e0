"""A message kudos quote (given by reacting to it, and their seconds), edited or deleted by
its author: the kudos quote its edited words, or, deleted, quote it nowhere again (the kudos
stay), and their shout-out and DMs already posted are updated to say so. Only what Slack
sends where the bot hears messages (the `message.*` subscriptions) is acted on.

Registered after the questions surface: Bolt gives an event to the first listener that takes
it, and a question's edit or deletion is the questions surface's, which tells kudos too
(`quoted_messages`).
"""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services
from handlers.dispatch.inbox import forget_message
from handlers.dispatch.router import Router, deleted_ts, edited_message
from handlers.dispatch.workspace import workspace_of
from handlers.surfaces.quoted_messages import follow_deletion, follow_edit


def register(router: Router, services: Services) -> None:
    async def a_quoted_deletion(body: dict[str, Any], context: Any) -> bool:
        event = body["event"]
        ts = deleted_ts(event)
        return ts is not None and await services.kudos.quotes(
            workspace_of(context), str(event.get("channel")), ts
        )

    @router.deletions(matchers=[a_quoted_deletion])
    async def quoted_deleted(event: dict[str, Any], context: Any) -> None:
        await follow_deletion(services, workspace_of(context), event)
        ts = deleted_ts(event)
        assert ts is not None, "the matchers took only deletions"
        await forget_message(services, context, str(event.get("channel")), ts, deleted=True)

    async def a_quoted_edit(body: dict[str, Any], context: Any) -> bool:
        event = body["event"]
        changed = edited_message(event)
        return changed is not None and await services.kudos.quotes(
            workspace_of(context), str(event.get("channel")), str(changed.get("ts"))
        )

    @router.edits(matchers=[a_quoted_edit])
    async def quoted_edited(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        await follow_edit(client, services, workspace_of(context), event)
        changed = edited_message(event)
        assert changed is not None, "the matchers took only edits"
        channel, ts = str(event.get("channel")), str(changed.get("ts"))
        await forget_message(services, context, channel, ts, deleted=False)
