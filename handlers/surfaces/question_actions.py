"""Buttons on questions: accept, decline, refer, consent, solved, withdraw, thank, nudges."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from bot.questions.results import AskRequest, Solved, message_key
from bot.services import Services
from handlers.blocks.message_text import typed_text
from handlers.blocks.offers import offer_of_block, render_request_ended
from handlers.blocks.question_ends import (
    render_answered,
    render_solved_already,
    render_withdrawn,
)
from handlers.blocks.questions import (
    CONSENT_BLOCK,
    WITHDRAW_ACTION,
    asks_consent,
    render_not_now,
    render_told_privately,
)
from handlers.client.conversations import is_private, private_now
from handlers.client.directory import lookup_profile
from handlers.client.failures import error_code, is_transient
from handlers.client.pages import listed
from handlers.dispatch.friendly import tell
from handlers.dispatch.router import Router
from handlers.dispatch.shape import clicked_in
from handlers.dispatch.workspace import workspace_of
from handlers.outbox.asker_posts import thread_first
from handlers.surfaces.asking import ask
from handlers.surfaces.kudos_giving import open_give_kudos
from handlers.surfaces.message_kinds import strip_bot

MESSAGE_GONE = "That message was deleted, so there's nothing left to ask about."
# Removed from the channel since the offer: the message may well be there still.
NOT_IN_CHANNEL = (
    "I'm no longer in this channel, so I can't read that message: invite me with "
    "`/invite @askaround`, then press *Find an expert* again."
)
# A private channel's answer once the bot is out of it, as a deleted channel's is.
UNREADABLE = (
    "I can't read that message any more: it was deleted, or I was removed from its channel."
)


def _value(body: dict[str, Any]) -> str:
    return str(body["actions"][0].get("value", ""))


async def _ended(
    respond: AsyncRespond | None,
    body: dict[str, Any],
    client: AsyncWebClient,
    message: dict[str, Any],
) -> None:
    """Told to whoever pressed a request's button, to them alone: under the request in their
    DM, or, pressed on the Home tab, which has no message to answer under, in the DM."""
    if respond is not None and body.get("response_url"):
        await respond(**message, response_type="ephemeral", replace_original=False)
    else:
        await tell(message, body, None, client)


def register(router: Router, services: Services) -> None:
    questions = services.questions

    # What people are told goes through the outbox, written by the service with each change;
    # these listeners only ack, call the service and tidy the clicked message.

    @router.action("offer_accept")
    async def accept(
        ack: AsyncAck,
        body: dict[str, Any],
        respond: AsyncRespond,
        context: Any,
        client: AsyncWebClient,
    ) -> None:
        """Pressed in the request's DM or on the Home tab, which lists it as the DM does."""
        await ack()
        user = body["user"]["id"]
        done = await questions.accept(workspace_of(context), int(_value(body)), user)
        if done.helper_user_id != user:  # the request had ended: its buttons outlived it
            declined = done.offer.status == "declined"
            ended = render_request_ended(done.question, declined=declined)
            await _ended(respond, body, client, ended)

    @router.action("offer_decline")
    async def decline(
        ack: AsyncAck,
        body: dict[str, Any],
        respond: AsyncRespond,
        context: Any,
        client: AsyncWebClient,
    ) -> None:
        """Pressed in the request's DM or on the Home tab, as *I can help*."""
        await ack()
        user, team = body["user"]["id"], workspace_of(context)
        asked = private_now(client, services.conversations.of(team))
        done = await questions.decline(team, int(_value(body)), user, private_now=asked)
        if done.ended not in (None, "declined"):  # ended otherwise: its buttons outlived it
            await _ended(respond, body, client, render_request_ended(done.question))

    @router.action("offer_refer")
    async def refer(
        ack: AsyncAck,
        body: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond,
        context: Any,
    ) -> None:
        await ack()
        action = body["actions"][0]
        referred = action.get("selected_user")
        if not referred:  # the choice cleared: nobody suggested yet
            return
        offer_id = offer_of_block(action["block_id"])
        team = workspace_of(context)
        # Known before asked: someone never synced may be an app or have left.
        await lookup_profile(client, services, team, referred, acting=False)
        asked = private_now(client, services.conversations.of(team))
        done = await questions.refer(team, offer_id, body["user"]["id"], referred, asked)
        if done.ended not in (None, "declined"):  # ended otherwise: its buttons outlived it
            await _ended(respond, body, client, render_request_ended(done.question))

    @router.action("question_consent")
    async def consent(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, context: Any
    ) -> None:
        await ack()
        asked = await questions.consent(
            workspace_of(context), int(_value(body)), body["user"]["id"]
        )
        if asked.repeated:
            return
        if thread_first(asked.question):  # who is asked is told right here, in its thread
            await respond(delete_original=True)
        else:  # in the asker's DM: the prompt's place says so, lest the press seem lost
            await respond(replace_original=True, **render_told_privately(asked.question.id))

    @router.action("question_solved")
    async def solved(
        ack: AsyncAck,
        body: dict[str, Any],
        respond: AsyncRespond,
        client: AsyncWebClient,
        context: Any,
    ) -> None:
        """Pressed in the question's thread, in `/ask mine` or on the Home tab, which has no
        message to answer under: a second press is told so in the DM (`tell`)."""
        await ack()
        user = body["user"]["id"]
        done = await questions.solve(workspace_of(context), int(_value(body)), user)
        if done.already:  # its first press closed it; this one is told so, and adds nothing
            await tell(render_solved_already(done, user), body, respond, client)

    async def close(body: dict[str, Any], context: Any) -> Solved:
        return await questions.withdraw(
            workspace_of(context), int(_value(body)), body["user"]["id"]
        )

    @router.action(WITHDRAW_ACTION)
    async def withdraw(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, context: Any
    ) -> None:
        """Pressed in `/ask mine`, or on the Home tab, which has no message to answer under:
        there the tab, rebuilt without the question, is the answer. *Don't ask*, on the
        prompt to ask colleagues, is answered in the prompt's place: its buttons would only
        say the question was withdrawn; `/ask mine` stays for its other questions."""
        await ack()
        done = await close(body, context)
        pressed = body["actions"][0].get("block_id")
        if pressed == CONSENT_BLOCK or asks_consent(body.get("message") or {}):
            await respond(**render_withdrawn(done), replace_original=True)
        elif body.get("response_url"):
            await respond(
                **render_withdrawn(done), response_type="ephemeral", replace_original=False
            )

    @router.action("question_answered")
    async def answered(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, context: Any
    ) -> None:
        await ack()
        done = await questions.answered(
            workspace_of(context), int(_value(body)), body["user"]["id"]
        )
        # In the place of the solved question shown first, whose buttons would only say so.
        await respond(**render_answered(done), replace_original=True)

    @router.action("nudge_ask")
    async def nudge_ask(
        ack: AsyncAck,
        body: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond,
        context: Any,
    ) -> None:
        await ack()
        channel_id = str(clicked_in(body))
        user_id = body["user"]["id"]
        try:
            _, thread = await listed(
                client.conversations_replies,
                "messages",
                up_to=1,
                channel=channel_id,
                ts=_value(body),
                limit=1,
            )
        except SlackApiError as error:
            if is_transient(error):
                raise
            code = error_code(error)
            if code == "not_in_channel":
                raise UserError(NOT_IN_CHANNEL) from None
            raise UserError(MESSAGE_GONE if code == "thread_not_found" else UNREADABLE) from None
        if not thread:
            raise UserError(MESSAGE_GONE)
        original = thread[0]
        if original.get("subtype") == "tombstone":  # deleted, with replies left under it
            raise UserError(MESSAGE_GONE)
        if original.get("user") != user_id:  # the offer went to the message's author alone
            raise UserError("That offer was for the person who wrote the message.")
        await respond(delete_original=True)

        async def reply(message: dict[str, Any]) -> None:
            await client.chat_postEphemeral(channel=channel_id, user=user_id, **message)

        known = services.conversations.of(workspace_of(context))
        request = AskRequest(
            team_id=workspace_of(context),
            asker_user_id=user_id,
            channel_id=channel_id,
            text=strip_bot(typed_text(original), None),
            is_private=await is_private(client, channel_id, known),
            source="message",
            key=message_key(channel_id, original["ts"]),
            message_ts=original["ts"],
            thread_ts=original["ts"],
        )
        await ask(services, client, request, reply, known)

    @router.action("nudge_not_now")
    async def not_now(
        ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, context: Any
    ) -> None:
        await ack()
        until = await services.watching.not_now(workspace_of(context), body["user"]["id"])
        await respond(replace_original=True, **render_not_now(until))

    @router.action("question_thank")
    async def thank(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        """The Give kudos button under a solved question, which everyone in its channel sees:
        the helper is told it is not theirs, rather than given a form to thank themselves."""
        await ack()
        question_id, _, helper = _value(body).partition(":")
        if body["user"]["id"] == helper:
            raise UserError(
                f"You helped with question #{question_id}: that button is for others to "
                "thank you. To thank someone yourself, use `/kudos @name for …`."
            )
        await open_give_kudos(
            client,
            services,
            workspace_of(context),
            body["trigger_id"],
            giver=body["user"]["id"],
            recipients=[helper],
            channel_id=(body.get("channel") or {}).get("id"),
            source="question",
            question_id=int(question_id) if question_id.isdigit() else None,
        )
