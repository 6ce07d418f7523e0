"""Asking: `/ask`, mentions, DMs to the bot, the "Find an expert" shortcut, watched channels."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.context.say.async_say import AsyncSay
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import mentions, visibility
from bot.conversations import Conversation
from bot.questions.results import AskRequest, message_key
from bot.services import Services
from handlers.blocks.message_text import readable_text, typed_text
from handlers.blocks.questions import (
    asks_consent,
    render_nudge,
    render_on_behalf,
)
from handlers.client.conversations import conversation_or_dm
from handlers.client.failures import error_code, is_transient
from handlers.client.lookup import post_once
from handlers.dispatch.inbox import forget_message, forget_refused
from handlers.dispatch.router import (
    Router,
    conversation_type,
    deleted_ts,
    edit_ts,
    edited_message,
    is_notice,
    is_thread_reply,
)
from handlers.dispatch.workspace import by_askaround, from_elsewhere, workspace_of
from handlers.outbox.question_reads import names_of
from handlers.outbox.replies import (
    ASKED_ALREADY,
    CHATTER_REPLY,
    COMMAND,
    CONSENT_PROMPT,
    QUESTION_REPLY,
    said_under,
)
from handlers.surfaces.asking import FROM_ELSEWHERE, ask
from handlers.surfaces.message_kinds import (
    a_persons_dm,
    is_chatter,
    looks_like_question,
    small_talk,
    strip_bot,
    thanks_someone,
    typed_command,
    wants_help,
    would_ask,
)
from handlers.surfaces.quoted_messages import follow_deletion, follow_edit

log = logging.getLogger("askaround.questions")

OWN_MESSAGE = (
    "That's my own message: use *Find an expert* on a colleague's question, or `/ask` with yours."
)
NOTICE = (
    "That message is a channel notice, not a question: use *Find an expert* on a colleague's "
    "question, or `/ask` with yours."
)


async def _tell_author(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    channel_id: str,
    thread_ts: str,
    author: str,
    presser: str,
) -> None:
    """The author of a message a colleague used *Find an expert* on, told in its thread,
    where the list of who is asked follows and whoever can help is introduced: their
    problem is being asked about, by whom. Only in a public conversation, whose thread all
    may read (`visibility.asker_told_in_thread`): in a private one the presser alone agreed
    to take it out. Refused (a thread that takes no posts, Slack failing), it is left unsaid:
    the question is asked already, and goes on."""
    try:
        names = await names_of(client, services, team_id, [presser])
        message = render_on_behalf(author, presser, names)
        await post_once(client, channel=channel_id, thread_ts=thread_ts, **message)
    except SlackApiError as error:
        log.info("author not told in the thread: %s", error_code(error))


async def tell_guest(client: AsyncWebClient, channel_id: str, user_id: str, thread: str) -> None:
    """Say why a guest from another organisation gets no help, if Slack lets us tell them."""
    try:
        await client.chat_postEphemeral(
            channel=channel_id, user=user_id, thread_ts=thread, text=FROM_ELSEWHERE
        )
    except SlackApiError as error:
        if is_transient(error):
            raise


def register(router: Router, services: Services) -> None:
    async def from_message(
        event: dict[str, Any], client: AsyncWebClient, context: Any, say: AsyncSay
    ) -> None:
        # Its words wherever Slack put them: a message forwarded to the bot has empty `text`
        # and the message in an attachment, after any comment the person added.
        text = strip_bot(readable_text(event), context.bot_user_id)
        thread = event.get("thread_ts") or event["ts"]
        edit = (event.get("edited") or {}).get("ts")
        if edit and await services.questions.edited(
            workspace_of(context), event["channel"], event["ts"], text, str(edit)
        ):
            return  # asked when first posted: its words are now the edited ones

        async def answer_once(said: str, thread_ts: str | None, **fields: str | bool) -> None:
            await services.outbox.once(
                workspace_of(context),
                CHATTER_REPLY,
                {"channel": event["channel"], "thread_ts": thread_ts, "said": said, **fields},
                key=f"{CHATTER_REPLY}:{workspace_of(context)}:{event['channel']}:{event['ts']}",
                at=services.clock.now(),
            )

        chatter = wants_help(text) or is_chatter(text)
        command = typed_command(text, few_words=chatter)
        if command is not None or chatter:
            if event.get("edited"):  # answered when it was posted, or never a question
                return
            # In the DM, at its top, unless typed in a thread of it: then in that thread.
            under = thread if conversation_type(event) != "im" else event.get("thread_ts")
            if command is not None:
                await answer_once(COMMAND, under, command=command.command, more=command.more)
                return
            if wants_help(text) and conversation_type(event) != "im":
                # Usage help is the asker's: shown to them alone where they asked, in the
                # thread they asked in, not posted in the channel (`replies.reply`).
                await answer_once("help", event.get("thread_ts"), user=event["user"])
                return
            said = (
                "help"
                if wants_help(text)
                else "thanks_someone"
                if thanks_someone(text)
                else small_talk(text) or "words"
            )
            await answer_once(said, under)
            return
        if (about := await replied_to(event, context)) is not None:
            if not event.get("edited"):  # told when it was posted
                await answer_once(about, thread)
            return
        where = await conversation_of(client, event["channel"], context)
        if from_elsewhere(event, context, shared=where.shared):
            await forget_refused(services, context)
            if not event.get("edited"):
                await tell_guest(client, event["channel"], event["user"], thread)
            return

        async def reply(message: dict[str, Any]) -> None:
            if not event["channel"].startswith("D"):
                await client.chat_postEphemeral(
                    channel=event["channel"], user=event["user"], thread_ts=thread, **message
                )
                return
            posted = await post_once(client, channel=event["channel"], **message)
            kind = CONSENT_PROMPT if asks_consent(message) else ASKED_ALREADY
            await services.bot_dms.posted(
                workspace_of(context), kind, [(str(posted["channel"]), str(posted["ts"]))]
            )

        request = AskRequest(
            team_id=workspace_of(context),
            asker_user_id=event["user"],
            channel_id=event["channel"],
            text=text,
            is_private=where.private,
            source="message",
            key=message_key(event["channel"], event["ts"]),
            message_ts=event["ts"],
            thread_ts=thread,
        )
        known = services.conversations.of(workspace_of(context))
        await ask(services, client, request, reply, known)

    async def replied_to(event: dict[str, Any], context: Any) -> str | None:
        """What to tell someone who typed in a thread of their DM with the bot, when that is
        no question of theirs: under their own question, whose thread the bot tells them of
        it in (`QUESTION_REPLY`: what they forgot), or under a message the bot posted there,
        by what it recorded that message to be (`bot_dms`, `said_under`: a request to help,
        kudos news, the prompt about their question, a digest…). Under the bot's greeting, or
        a message it has no record of, a question is asked. Slack tells a reply by its
        `thread_ts` not being its `ts`, and names the author of what it replies to in
        `parent_user_id`, never that message's words or metadata."""
        thread, channel = event.get("thread_ts"), str(event["channel"])
        if not channel.startswith("D") or not is_thread_reply(event):
            return None
        team, thread = workspace_of(context), str(thread)
        # A reply also sent to the conversation names no parent, only its thread's `root`.
        parent = event.get("parent_user_id") or (event.get("root") or {}).get("user")
        if parent and parent != context.bot_user_id:
            asked = await services.questions.asked_in(team, channel, thread)
            return QUESTION_REPLY if asked else None
        kind = await services.bot_dms.kind_at(team, channel, thread)
        return None if kind is None else said_under(kind)

    async def conversation_of(
        client: AsyncWebClient, channel_id: str, context: Any
    ) -> Conversation:
        return await conversation_or_dm(
            client, channel_id, services.conversations.of(workspace_of(context))
        )

    @router.event("app_mention")
    async def mentioned(
        event: dict[str, Any], client: AsyncWebClient, context: Any, say: AsyncSay
    ) -> None:
        """Slack sends a mention again, `edited`, each time its message is edited: a question
        is asked once (its key is the message's), help and greetings are not said again.
        Another app's post that mentions the bot (a `bot_id`, often no `user`) is not a
        question from a person."""
        if event.get("bot_id") or not event.get("user"):
            return
        await from_message(event, client, context, say)

    @router.message("im")
    async def direct_message(
        event: dict[str, Any], client: AsyncWebClient, context: Any, say: AsyncSay
    ) -> None:
        if event.get("bot_id"):
            return
        await from_message(event, client, context, say)

    async def on_its_way(event: dict[str, Any], context: Any) -> AskRequest | None:
        """`would_ask`, but not for a reply in a thread of the DM that never asks (one of the
        person's own question, of a request to help, of kudos news: `replied_to`)."""
        unasked = would_ask(event, context)
        if unasked is None:
            return None
        before = event.get("previous_message") or {}
        reply = {**before, "channel": unasked.channel_id, "ts": unasked.message_ts}
        return None if await replied_to(reply, context) else unasked

    async def a_question(body: dict[str, Any], context: Any) -> bool:
        event = body["event"]
        ts = deleted_ts(event)
        return ts is not None and (
            await on_its_way(event, context) is not None
            or await services.questions.asked_in(
                workspace_of(context), str(event.get("channel")), ts
            )
        )

    @router.deletions(matchers=[a_question])
    async def question_deleted(event: dict[str, Any], context: Any) -> None:
        """A question's message deleted: it is asked no further, and its words are dropped;
        one still on its way is never asked."""
        ts = deleted_ts(event)
        assert ts is not None, "the matchers took only deletions"
        await services.questions.deleted(
            workspace_of(context), str(event["channel"]), ts, await on_its_way(event, context)
        )
        await follow_deletion(services, workspace_of(context), event)  # kudos quoting it
        await forget_message(services, context, str(event["channel"]), ts, deleted=True)

    async def a_question_edited(body: dict[str, Any], context: Any) -> bool:
        event = body["event"]
        changed = edited_message(event)
        return changed is not None and (
            a_persons_dm(event, changed)
            or await services.questions.asked_in(
                workspace_of(context), str(event.get("channel")), str(changed.get("ts"))
            )
        )

    @router.edits(matchers=[a_question_edited])
    async def question_edited(
        event: dict[str, Any], client: AsyncWebClient, context: Any, say: AsyncSay
    ) -> None:
        """A question's message edited (a DM to the bot, a message "Find an expert" was used
        on, a mention): the question's words become the edited ones."""
        changed = edited_message(event)
        assert changed is not None, "the matchers took only edits"
        if a_persons_dm(event, changed):
            # A DM's edit comes as this event alone (a mention's, as `app_mention` too): one
            # not asked yet, since Slack delivers or retries it late, is asked in the edited
            # words, as an edited mention is, and the late message is then a repeat.
            dm = {**changed, "channel": event["channel"], "channel_type": "im"}
            await from_message(dm, client, context, say)
            await forget_message(
                services, context, str(event["channel"]), str(changed["ts"]), deleted=False
            )
            return
        text = strip_bot(readable_text(changed), context.bot_user_id)
        edit = edit_ts(event, changed)
        await services.questions.edited(
            workspace_of(context), str(event["channel"]), str(changed["ts"]), text, edit
        )
        await follow_edit(client, services, workspace_of(context), event)  # kudos quoting it
        await forget_message(
            services, context, str(event["channel"]), str(changed["ts"]), deleted=False
        )

    @router.message("channels")
    async def channel_message(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        """Watched channels: offer help in the thread, only when confident, never to the quiet.
        A thread reply is no question of its own: it may answer one (`thread_reply`).

        The offer is a hint nobody asked for: when Slack fails any step of it, it is left
        unsaid, never an error told to someone who only posted a message."""
        if is_thread_reply(event):
            await thread_reply(event, context)
            return
        text = typed_text(event)
        if (
            event.get("bot_id")
            or event.get("thread_ts")
            or context.bot_user_id in mentions.people(text)
        ):
            return
        if not looks_like_question(text):
            return
        try:
            await nudge(event, client, context)
        except SlackApiError as refused:
            log.info("nudge not shown: %s", error_code(refused) or refused.response.status_code)

    async def a_thread_reply(body: dict[str, Any]) -> bool:
        return is_thread_reply(body.get("event") or {})

    @router.message("groups", matchers=[a_thread_reply])
    async def private_channel_reply(event: dict[str, Any], context: Any) -> None:
        """A private channel's thread replies, for `thread_reply`; nothing else said there is
        listened to (nor stored)."""
        await thread_reply(event, context)

    async def thread_reply(event: dict[str, Any], context: Any) -> None:
        """A reply in a thread, by a person: one a question asked there still waits on took
        it on, as *I can help* would (`QuestionService.answered_in_thread`). Another app's
        says nothing of anyone; an edit or a deletion is no reply (`Router.message`), and
        Slack's retry finds the request answered already."""
        if event.get("bot_id") or not event.get("user"):
            return
        await services.questions.answered_in_thread(
            workspace_of(context), str(event["channel"]), str(event["thread_ts"]), event["user"]
        )

    async def nudge(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        where = await conversation_of(client, event["channel"], context)
        if from_elsewhere(event, context, shared=where.shared) or (
            where.private and conversation_type(event) is None  # no type named: never watched
        ):
            return
        if not await services.watching.should_nudge(
            workspace_of(context), event["channel"], event["user"], typed_text(event)
        ):
            return
        await client.chat_postEphemeral(
            channel=event["channel"],
            user=event["user"],
            thread_ts=event["ts"],
            **render_nudge(event["ts"]),
        )

    @router.message_shortcut("find_expert")
    async def find_expert(
        ack: AsyncAck,
        shortcut: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond,
        context: Any,
    ) -> None:
        await ack()
        message = shortcut["message"]
        channel_id = shortcut["channel"]["id"]
        user_id = shortcut["user"]["id"]
        where = await conversation_of(client, channel_id, context)
        if from_elsewhere(shortcut, context, shared=where.shared):
            await forget_refused(services, context)
            await respond(text=FROM_ELSEWHERE, response_type="ephemeral")
            return
        if by_askaround(message, context):
            await respond(text=OWN_MESSAGE, response_type="ephemeral")
            return
        if is_notice(message):
            await respond(text=NOTICE, response_type="ephemeral")
            return

        async def reply(answer: dict[str, Any]) -> None:
            # Through the shortcut's response_url: it works in any conversation, also a
            # private channel or a DM the bot is not in, where chat.postEphemeral cannot.
            await respond(**answer, response_type="ephemeral")

        request = AskRequest(
            team_id=workspace_of(context),
            asker_user_id=user_id,
            channel_id=channel_id,
            text=strip_bot(readable_text(message), None),
            is_private=where.private,
            source="shortcut",
            key=f"shortcut:{channel_id}:{message['ts']}:{user_id}",
            message_ts=message["ts"],
            thread_ts=message.get("thread_ts") or message["ts"],
        )
        known = services.conversations.of(workspace_of(context))
        asked = await ask(services, client, request, reply, known)
        author = message.get("user")
        if (
            asked is not None
            and author not in (None, user_id)
            and visibility.asker_told_in_thread(is_private=where.private, in_bot_dm=False)
        ):
            thread_ts = request.thread_ts or message["ts"]
            await _tell_author(
                client, services, workspace_of(context), channel_id, thread_ts, author, user_id
            )
