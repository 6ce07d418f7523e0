"""Where a message to a question's asker is posted: in the question's thread when it came from
a message and the thread may read it (`visibility.asker_told_in_thread`) and still takes
posts, otherwise in their DM; and whether the asker alone reads it there. The messages
themselves are sent by `questions.py`."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import visibility
from bot.questions.views import QuestionView
from handlers.blocks.elements import Message
from handlers.blocks.questions import in_dm_instead
from handlers.client.failures import (
    CLOSED_TO_POSTS,
    error_code,
    explained,
    is_transient,
    method_of,
    refused_for_good,
)

log = logging.getLogger("askaround.outbox")
Posted = tuple[str, str]  # where a message went: its channel and ts
# Where the asker was told: no ts when in an ephemeral (`_ephemeral_instead`), never edited.
Told = tuple[str, str | None]


async def post_in_thread(
    client: AsyncWebClient, question: QuestionView, message: Message
) -> Posted | None:
    """Post in the question's thread; None when its conversation takes no more posts
    (archived, deleted, the bot removed), for the caller to say it another way."""
    assert question.thread_ts is not None
    try:
        sent = await client.chat_postMessage(
            channel=question.channel_id, thread_ts=question.thread_ts, **message
        )
    except SlackApiError as error:
        if error_code(error) in CLOSED_TO_POSTS:
            return None
        raise
    return sent["channel"], sent["ts"]


def _in_bot_dm(question: QuestionView) -> bool:
    return question.source == "message" and question.channel_id.startswith("D")


def thread_first(question: QuestionView) -> bool:
    """Whether `tell_asker` posts in the question's thread (unless it takes no more posts)."""
    return bool(
        question.thread_ts
        and question.source != "command"
        and visibility.asker_told_in_thread(
            is_private=question.is_private, in_bot_dm=_in_bot_dm(question)
        )
    )


def asker_alone(question: QuestionView, channel: str | None = None) -> bool:
    """Whether the asker alone reads a message to them in `channel` (None: wherever
    `tell_asker` would post it): anywhere but the question's conversation, or that
    conversation when it is their DM with the bot."""
    in_thread = thread_first(question) if channel is None else channel == question.channel_id
    return not in_thread or _in_bot_dm(question)


async def tell_asker(
    client: AsyncWebClient, question: QuestionView, message: Message, payload: dict[str, Any]
) -> Told:
    """In the question's thread when it came from a message and the thread may read it
    (`visibility.asker_told_in_thread`) and still takes posts, otherwise in a DM; one the
    thread no longer takes (archived, deleted, the bot removed), or that Slack kept failing
    there until the outbox gave it up, says in the DM which question it is about
    (`in_dm_instead`)."""
    if payload.get("in_dm"):
        message = in_dm_instead(question, message)
    elif thread_first(question):
        if posted := await post_in_thread(client, question, message):
            return posted
        # The thread takes no more posts: in the DM it says which question it is about.
        message = in_dm_instead(question, message)
    try:
        dm = await client.conversations_open(users=question.asker_user_id)
        sent = await client.chat_postMessage(channel=dm["channel"]["id"], **message)
    except SlackApiError as error:
        if not refused_for_good(error) or question.source != "command":
            raise
        return await _ephemeral_instead(client, question, message, error)
    return sent["channel"], sent["ts"]


async def _ephemeral_instead(
    client: AsyncWebClient, question: QuestionView, message: Message, refused: SlackApiError
) -> Told:
    """An asker with `/ask` whom Slack will never let the bot DM (no `im:write`, no
    chat.postMessage) reads it where they asked, as only they can; or, should Slack refuse
    that too, the log says in one line who was not told (nothing a retry changes). Either
    way no ts: an ephemeral cannot be edited, and a retry must not tell them again."""
    try:
        await client.chat_postEphemeral(
            channel=question.channel_id, user=question.asker_user_id, **message
        )
    except SlackApiError as error:
        if is_transient(error):
            raise
        log.warning(
            "question %s: its asker could not be told: Slack refused %s: %s, then %s: %s",
            question.id,
            method_of(refused),
            explained(refused),
            method_of(error),
            explained(error),
        )
    return question.channel_id, None


def thread_closed_to_asker(question: QuestionView, channel: str | None) -> bool:
    """Whether a message in `channel` is in the question's thread, where the asker may no
    longer be told who is asked or how it goes: its conversation was made private, or shared
    with another organisation, since (`visibility.asker_told_in_thread`)."""
    return (
        channel == question.channel_id and not _in_bot_dm(question) and not thread_first(question)
    )


def told_alone(question: QuestionView, payload: dict[str, Any]) -> bool:
    """Whether the asker alone reads what `tell_asker` posts for this delivery."""
    return bool(payload.get("in_dm")) or asker_alone(question)
