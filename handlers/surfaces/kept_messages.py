"""Any message the bot heard, edited or deleted by its author: the inbox entries carrying its
words are emptied at once (`handlers.dispatch.inbox.forget_message`), not kept the day a
handled request is. Every message of a public channel the bot is in is stored before it is
looked at (a question? a watched channel?), so a password pasted there by mistake and deleted
at once stayed a day in the inbox, where a question's or a quoted message's did not.

Registered after the questions and the kudos quotes surfaces: Bolt gives an event to the first
listener that takes it, and theirs forget their own messages' words after their work.
"""

from __future__ import annotations

from typing import Any

from bot.services import Services
from handlers.dispatch.inbox import forget_message
from handlers.dispatch.router import Router, deleted_ts, edited_message
from handlers.dispatch.workspace import workspace_of


def changed_ts(event: dict[str, Any]) -> str | None:
    """The ts of the message an event says was deleted or edited, if it says either."""
    deleted = deleted_ts(event)
    if deleted is not None:
        return deleted
    changed = edited_message(event)
    return str(changed["ts"]) if changed is not None else None


def register(router: Router, services: Services) -> None:
    async def a_kept_message(body: dict[str, Any], context: Any) -> bool:
        event = body["event"]
        ts = changed_ts(event)
        return ts is not None and await services.inbox.holds(
            workspace_of(context), (str(event.get("channel")), ts)
        )

    async def forget(event: dict[str, Any], context: Any) -> None:
        ts = changed_ts(event)
        assert ts is not None, "the matchers took only deletions and edits"
        deleted = deleted_ts(event) is not None
        await forget_message(services, context, str(event.get("channel")), ts, deleted=deleted)

    router.deletions(matchers=[a_kept_message])(forget)
    router.edits(matchers=[a_kept_message])(forget)
