"""`/ask`: a question typed as a command, and its subcommands (`mine`, `withdraw`, `watch`,
`unwatch`, `help`)."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from bot.help import ASK_SUBCOMMANDS, did_you_mean, subcommand
from bot.questions.lookup import QuestionNotFound
from bot.questions.results import AskRequest
from bot.services import Services
from bot.words import first_word
from handlers.blocks.elements import conversation_named, render_help
from handlers.blocks.greeting import render_empty_command
from handlers.blocks.question_ends import render_withdrawn
from handlers.blocks.questions import render_mine, render_told_privately
from handlers.blocks.workspace_settings import watch_words
from handlers.client.admins import standing
from handlers.client.conversations import is_group_dm, is_private, watch_refusal
from handlers.dispatch.inbox import command_key
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of
from handlers.surfaces.asking import ask

# A question as askaround names it and a person types it back: `12`, `#12`, `question #12`,
# `q12`; ASCII digits, few enough for an id (`²` or twenty digits get the hint).
_QUESTION_NUMBER = re.compile(r"(?:(?:question|q)\s*)?#?\s*([0-9]{1,9})[.!]?", re.IGNORECASE)


def register(router: Router, services: Services) -> None:
    @router.command("/ask")
    async def ask_command(
        ack: AsyncAck,
        command: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond,
        context: Any,
    ) -> None:
        text = command.get("text", "").strip()
        _, rest = first_word(text)
        team_id, user_id = workspace_of(context), command["user_id"]
        sub = subcommand(text, ASK_SUBCOMMANDS)
        if not text or sub == "help":
            await ack(**(render_help("/ask") if text else render_empty_command("/ask")))
            return
        await ack()
        if sub == "mine":
            mine = await services.questions.mine(team_id, user_id)
            await respond(**render_mine(mine.newest, mine.total, mine.waiting))
        elif sub == "withdraw":
            await _withdraw(services, respond, team_id, user_id, rest.strip())
        elif sub in ("watch", "unwatch"):
            words = watch_words(sub, rest, command["channel_id"])
            if words is not None:
                await respond(text=words, response_type="ephemeral")
                return
            watch = sub == "watch"
            changed = await watch_channel(
                services, client, team_id, user_id, command["channel_id"], sub
            )
            said = {
                (True, True): "I'm watching {} for questions.",
                (True, False): "I'm already watching {} for questions.",
                (False, True): "I'm no longer watching {} for questions.",
                (False, False): "I wasn't watching {}, so nothing changed.",
            }[watch, changed]
            here = str(command["channel_id"])
            group_dm = is_group_dm(here, str(command.get("channel_name") or ""))
            await respond(
                text=said.format(conversation_named(here, group_dm=group_dm)),
                response_type="ephemeral",
            )
        elif (meant := did_you_mean("/ask", text, ASK_SUBCOMMANDS, questions=True)) is not None:
            raise UserError(meant)
        else:
            private = await is_private(
                client, command["channel_id"], services.conversations.of(workspace_of(context))
            )

            async def reply(message: dict[str, Any]) -> None:
                await respond(**message, response_type="ephemeral")

            request = AskRequest(
                team_id=team_id,
                asker_user_id=user_id,
                channel_id=command["channel_id"],
                text=text,
                is_private=private,
                source="command",
                key=command_key(command),
            )
            known = services.conversations.of(team_id)
            elsewhere = await ask(services, client, request, reply, known)
            if elsewhere is not None and not private:
                # Its news goes to the asker's DM (here, only when Slack refuses the DM): the
                # channel typed in would show nothing.
                await reply(render_told_privately(elsewhere))


async def _withdraw(
    services: Services, respond: AsyncRespond, team_id: str, user_id: str, said: str
) -> None:
    """`/ask withdraw N`; without a number, the asker's only open question, saying which,
    or, of several, the list of them to choose from."""
    number = _QUESTION_NUMBER.fullmatch(said)
    if number is not None:
        question_id = int(number[1])
    else:
        mine = await services.questions.mine(team_id, user_id)
        which = _which_question([q.id for q in mine.newest], mine.total)
        if mine.total > 1:
            listed = render_mine(mine.newest, mine.total, mine.waiting, heading=which)
            await respond(**listed, response_type="ephemeral")
            return
        if said or not mine.newest:
            raise UserError(which)
        question_id = mine.newest[0].id  # the only one: nothing to choose between
    try:
        done = await services.questions.withdraw(team_id, question_id, user_id)
    except QuestionNotFound as error:  # a number mistyped: where to find the right one
        raise UserError(f"{error} `/ask mine` lists yours.") from None
    await respond(**render_withdrawn(done, quoted=number is None), response_type="ephemeral")


def _which_question(open_ids: list[int], total: int) -> str:
    """What `/ask withdraw` without a number is told: the asker's own question to name, not
    the help's `12`, which is nobody's in particular."""
    if not open_ids:
        return "Say which question: you have none open to withdraw now (`/ask mine` lists yours)."
    newest = max(open_ids)
    if total == 1:
        return (
            f"Say which question: `/ask withdraw {newest}` withdraws your open question #{newest}."
        )
    return (
        f"Say which question: `/ask withdraw {newest}` for #{newest}, your newest, or press "
        f"*Withdraw* on one of your {total}:"
    )


async def watch_channel(
    services: Services,
    client: AsyncWebClient,
    team_id: str,
    user_id: str,
    channel_id: str,
    verb: str,
) -> bool:
    """Watch or unwatch the channel; whether that changed anything."""
    slack_admin, nameable = await standing(client, team_id, user_id)
    admin = await services.workspace_settings.is_admin(
        team_id, user_id, slack_admin=slack_admin, nameable=nameable
    )
    if not admin:  # the same people as may change the settings, where watched channels are too
        raise UserError(
            "Only askaround admins can choose which channels I watch: Slack's workspace admins "
            "and owners, people with the `admin` role, and the people they name."
        )
    # Unwatching goes on where watching is refused now (a channel made private since), but
    # not in a DM, which was never watched.
    unwatching = verb == "unwatch" and not channel_id.startswith("D")
    refusal = None if unwatching else await watch_refusal(client, channel_id)
    if refusal:
        raise UserError(refusal)
    return await services.watching.set_watching(team_id, channel_id, user_id, verb == "watch")
