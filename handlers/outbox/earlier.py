"""What an earlier attempt of the delivery being sent posted though Slack's answer was lost
(a timeout, a 5xx after it posted, a connection dropped): found by its mark (`marks`) before
the delivery decides anything else. A retry that returned early instead (its request answered,
its kudos undone meanwhile) left that post as it was first drawn, recorded nowhere, so that
nothing redrew or removed it. One found on a retry long after (given up, then `askaround
outbox retry`) may have missed changes whose redraws ran meanwhile: the asker's list of who
is asked and the reply connecting asker and helper are drawn again (`found_earlier`)."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from handlers.client import marks
from handlers.client.lookup import posted_before


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


def found_earlier() -> bool:
    """After the delivery being attempted made its post: whether what it got was a message an
    earlier attempt posted (taken by the paced client, or `posted_earlier`) rather than one
    posted now. That one was drawn as things stood then; redraws of changes made since may
    have run while it was recorded nowhere (the delivery given up in between) and found
    nothing, so the delivery draws it again."""
    attempt = marks.CURRENT.get()
    return attempt is not None and not attempt.posted
