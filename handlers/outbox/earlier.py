"""What an earlier attempt of the delivery being sent posted though Slack's answer was lost
(a timeout, a 5xx after it posted, a connection dropped): found by its mark (`marks`) before
the delivery decides anything else. A retry that returned early instead (its request answered,
its kudos undone meanwhile) left that post as it was first drawn, recorded nowhere, so that
nothing redrew or removed it."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from handlers.client.lookup import posted_before
from handlers.outbox import marks


async def posted_earlier(client: AsyncWebClient, args: dict[str, Any]) -> AsyncSlackResponse | None:
    """On a retry, the message an earlier attempt posted where `args` (a chat.postMessage's
    `channel`, and `thread_ts`) say, answered as if just posted; None on a first attempt, or
    when there is none. Looked for once: a post this attempt goes on to make does not look
    again."""
    attempt = marks.CURRENT.get()
    if attempt is None or not attempt.retry:
        return None
    found = await posted_before(client, args, attempt.key)
    attempt.retry = False
    if found is not None:
        marks.posted_in_dm(args, found)
    return found
