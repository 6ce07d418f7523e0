"""Asking colleagues, as every way of asking ends: `/ask`, a mention or DM, the "Find an
expert" shortcut, the button under a nudge in a watched channel."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.conversations import KnownConversations
from bot.questions.results import AskRequest
from bot.questions.solved import SolvedMatch
from bot.services import Services
from handlers.blocks.questions import render_already_asked, render_consent, render_solved_first
from handlers.client.conversations import private_now
from handlers.client.directory import describe_asker
from handlers.client.messages import message_link

FROM_ELSEWHERE = (
    "I can only find help for people of the workspace that installed me, and you're a guest "
    "here from another organisation."
)


async def ask(
    services: Services,
    client: AsyncWebClient,
    request: AskRequest,
    reply: Any,
    known: KnownConversations,
) -> int | None:
    """Route a question and tell the asker; `reply` shows a message only they see. Solved
    questions like it come first; people are asked only when the asker says so. `known` is
    what the workspace's conversations are, to see whether a solved question's channel was
    made private since. Someone who may not ask is refused (`NotAMember`), their request's
    words not kept even in the inbox. The question's number when the asker's answer goes
    elsewhere (the question's thread, their DM), nothing shown by `reply`."""
    await describe_asker(client, services, request, FROM_ELSEWHERE)
    asked = await services.questions.ask(request, private_now(client, known))
    if asked.repeated:
        return None
    if asked.already:
        await reply(render_already_asked(asked.question, waiting=asked.waiting))
        return None
    if asked.solved:
        links = {m.question_id: await _permalink(client, m) for m in asked.solved}
        await reply(
            render_solved_first(
                asked.question, asked.solved, links, asked.would_ask, asked.others_after
            )
        )
    elif asked.needs_consent:
        where = known.get(request.channel_id)
        unsure = where is not None and where.unsure
        await reply(
            render_consent(asked.question, asked.would_ask, asked.others_after, unsure=unsure)
        )
    else:
        return asked.question.id
    return None


async def _permalink(client: AsyncWebClient, match: SolvedMatch) -> str | None:
    """A link to the solved question's message, when it has one Slack still finds."""
    if match.message_ts is None:
        return None
    return await message_link(client, match.channel_id, match.message_ts)
