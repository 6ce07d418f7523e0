"""Whether Slack posted a message whose answer was lost: a retry looks for its mark (Slack
message metadata, `handlers.client.marks`) in the conversation before posting again."""

from __future__ import annotations

import uuid
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from handlers.client import marks
from handlers.client.failures import RETRIED_STATUSES, back_off, is_transient
from handlers.client.pages import listed

# A listener's post is tried this often more, as slack_sdk's server error handler is told
# for the other calls (`bot/runtime/app.py`); its mark's key starts with this.
POST_RETRIES = 3
LISTENER_MARK = "listener"


async def latest_marked(
    client: AsyncWebClient, channel: str
) -> tuple[AsyncSlackResponse, list[dict[str, Any]]]:
    """The conversation's last `marks.LOOKBACK` messages, newest first, with their metadata
    (where marks are), and the last page of them Slack answered."""
    return await listed(
        client.conversations_history,
        "messages",
        up_to=marks.LOOKBACK,
        channel=channel,
        limit=marks.LOOKBACK,
        include_all_metadata=True,
    )


async def posted_before(
    client: AsyncWebClient, args: dict[str, Any], key: str
) -> AsyncSlackResponse | None:
    """The message marked with `key` that an earlier attempt of this chat.postMessage (its
    `args`) posted, answered as if just posted; None when there is none to be found."""
    channel, thread_ts = str(args.get("channel", "")), args.get("thread_ts")
    if not channel:
        return None
    try:
        if thread_ts:
            found, message = await _marked_in_thread(client, channel, str(thread_ts), key)
        else:
            found, messages = await latest_marked(client, channel)
            message = marks.find_mark(messages, key)
    except SlackApiError as error:
        # A Slack that will not show the bot the conversation (no such method, a
        # missing scope) cannot say whether it was posted: post, rather than never.
        if is_transient(error):
            raise
        return None
    if message is None:
        return None
    found.data = {"ok": True, "channel": channel, "ts": message["ts"], "message": message}
    return found


async def _marked_in_thread(
    client: AsyncWebClient, channel: str, thread_ts: str, key: str
) -> tuple[AsyncSlackResponse, dict[str, Any] | None]:
    """The thread's reply marked with `key`, read page by page: Slack gives a thread
    oldest first, so a reply just posted is on its last page, not its first. A post
    answering a reply (a seconding of a seconding, reacted to in the thread) names the
    reply's ts, which Slack's conversations.replies answers with that reply alone: the
    thread is then read by its parent's ts, which the reply names."""
    cursor: str | None = None
    redirected = False
    while True:
        found = await client.conversations_replies(
            channel=channel,
            ts=thread_ts,
            limit=marks.LOOKBACK,
            include_all_metadata=True,
            cursor=cursor,
        )
        messages: list[dict[str, Any]] = list(found.get("messages") or [])
        message = marks.find_mark(messages, key)
        cursor = (found.get("response_metadata") or {}).get("next_cursor")
        parent = _parent_of_reply(messages, thread_ts)
        if message is None and parent is not None and not cursor and not redirected:
            thread_ts, redirected = parent, True  # once more, the whole thread this time
            continue
        if message is not None or not cursor:
            return found, message


def _parent_of_reply(messages: list[dict[str, Any]], ts: str) -> str | None:
    """The thread's parent ts when conversations.replies answered `ts` as one reply alone."""
    if len(messages) != 1 or messages[0].get("ts") != ts:
        return None
    parent = messages[0].get("thread_ts")
    return str(parent) if parent and parent != ts else None


async def post_once(client: AsyncWebClient, **args: Any) -> AsyncSlackResponse:
    """chat.postMessage from a listener, tried again after Slack's 500 or 503 as slack_sdk's
    own handler did, but marked, and looking first for what the failed try may have posted:
    Slack sometimes posts and then fails to answer, and the retry posted it a second time."""
    key = f"{LISTENER_MARK}:{uuid.uuid4().hex}"
    args.setdefault("metadata", marks.mark(key))
    tried = 0
    while True:
        try:
            return await client.chat_postMessage(**args)
        except SlackApiError as error:
            if error.response.status_code not in RETRIED_STATUSES or tried >= POST_RETRIES:
                raise
        await back_off(client, tried)
        tried += 1
        if (earlier := await posted_before(client, args, key)) is not None:
            return earlier
