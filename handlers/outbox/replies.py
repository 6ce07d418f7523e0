"""What the bot says back to a message that asks nothing (`hi`, `thanks!`, `help`), sent
through the outbox rather than straight from the listener: a replica killed after saying it,
before closing the request, has the request replayed, and the delivery's key (the message's)
makes the replay's one a repeat; the outbox's mark on the post keeps a retried send from
posting twice. Help asked in a channel is the asker's alone (its delivery names them as
`user`): an ephemeral where they asked, their DM where Slack refuses that."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services
from handlers.blocks.elements import render_help
from handlers.blocks.greeting import (
    render_consent_reply,
    render_dm_reply,
    render_greeting,
    render_kudos_reply,
    render_offer_reply,
    render_question_reply,
    render_thanks_for_someone,
    render_typed_command,
)
from handlers.client.failures import USER_GONE, error_code
from handlers.client.messages import ephemeral_shown
from handlers.outbox.welcome import WELCOME

CHATTER_REPLY = "chatter.reply"
# One of the app's commands sent as a message; the delivery names it and its subcommand, and
# says whether more was typed (`message_kinds.TypedCommand`), never the person's words.
COMMAND = "command"
# Typed in a thread of the DM with the bot: of the person's own question, of a request to
# help, of news of kudos received, of the prompt about their question, of any other.
QUESTION_REPLY = "question_reply"
OFFER_REPLY = "offer_reply"
KUDOS_REPLY = "kudos_reply"
CONSENT_REPLY = "consent_reply"
DM_REPLY = "dm_reply"
# The kind a listener records for what it said in the DM about the person's question
# (`bot_dms`), when it asks their consent; the outbox records its deliveries' own kinds.
CONSENT_PROMPT = "question.consent"
ASKED_ALREADY = "question.already"
KUDOS_CONFIRMATION = "kudos.confirmation"  # the giver's, when it is a DM of its own
# What is told under each kind of the bot's DM; None asks: a question under its greeting,
# welcome or small talk is the one it invites. A kind not here is told DM_REPLY.
UNDER: dict[str, str | None] = {
    CHATTER_REPLY: None,
    WELCOME: None,
    "question.offer": OFFER_REPLY,
    "kudos.received": KUDOS_REPLY,
    CONSENT_PROMPT: CONSENT_REPLY,
}
# What was said, by its name in the delivery: small talk's kinds, and "words" for a few words
# ("thanks_someone", whose answer depends on the workspace's values, is answered in `reply`).
ANSWERS: dict[str, Callable[[], dict[str, Any]]] = {
    "help": render_help,
    # Queued before COMMAND, without the command's words: that command's help.
    "ask_command": lambda: render_typed_command("/ask help"),
    "kudos_command": lambda: render_typed_command("/kudos help"),
    "greeting": lambda: render_greeting("greeting"),
    "thanks": lambda: render_greeting("thanks"),
    "ack": lambda: render_greeting("ack"),
    "words": lambda: render_greeting(None),
    QUESTION_REPLY: render_question_reply,
    OFFER_REPLY: render_offer_reply,
    KUDOS_REPLY: render_kudos_reply,
    CONSENT_REPLY: render_consent_reply,
    DM_REPLY: render_dm_reply,
}


def said_under(kind: str) -> str | None:
    """What to tell someone who typed in the thread of the bot's DM of this kind; None: ask it."""
    return UNDER.get(kind, DM_REPLY)


async def reply(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    thread = payload.get("thread_ts")
    said = str(payload["said"])
    if said == "thanks_someone":  # its example names a #value only where there are values
        rules = await services.kudos.rules(team_id)
        message = render_thanks_for_someone(has_values=bool(rules.values))
    elif said == COMMAND:
        message = render_typed_command(str(payload["command"]), more=bool(payload.get("more")))
    else:
        message = ANSWERS[said]()
    channel = str(payload["channel"])
    asker = payload.get("user")
    if asker is not None:  # help asked in a channel: shown to the asker alone
        shown = {**message, "thread_ts": thread} if thread else message
        if await ephemeral_shown(client, channel, str(asker), shown):
            return
        try:  # Slack refused it there (the bot taken out of the channel): in their DM
            channel, thread = (await client.conversations_open(users=asker))["channel"]["id"], None
        except SlackApiError as error:
            if error_code(error) in USER_GONE:
                return
            raise
    await client.chat_postMessage(channel=channel, thread_ts=thread, **message)


DELIVERIES = {CHATTER_REPLY: reply}
