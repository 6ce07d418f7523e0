"""Someone left the workspace: the questions they asked are closed, a request to them is
withdrawn as if they had said *Not me*, and a question they were helping with goes on to
someone else (`QuestionService.person_left` calls these with its unit of work)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.questions import lookup, rounds, tell
from bot.questions.indexes import IndexFor
from bot.questions.lookup import LIVE
from bot.questions.policy import RoutingConfig
from bot.questions.results import Moved
from bot.questions.rounds import Clock, Observe
from storage import offers as offer_q
from storage import question_status
from storage import questions as q

# `QuestionService.decline`: *Not me* on a request, for one sent to someone who left.
Decline = Callable[[str, int, str], Awaitable[Moved]]


async def person_left(
    sessions: async_sessionmaker[AsyncSession],
    index_for: IndexFor,
    config: RoutingConfig,
    clock: Clock,
    observe: Observe,
    decline: Decline,
    team_id: str,
    user_id: str,
) -> None:
    """`user_id` left the workspace: their own questions are closed (`asker_left`), a
    request to them is withdrawn as if they had said "Not me", and a question they were
    helping with is open again, its asker told, and goes on to someone else. No question
    is offered to them (`policy.available` reads who left); the routing index of the
    process that heard it drops them in place (`IndexCache.people_changed`), other
    replicas' at their next rebuild, where counting it as a deletion from profiles made
    every replica's next question wait for a whole rebuild (30-50 s at 100,000 people)."""
    await asker_left(sessions, clock, team_id, user_id)
    await requests_withdrawn(sessions, decline, team_id, user_id)
    async with sessions() as s:
        helped = await question_status.questions_helped_by(s, team_id, user_id)
    if not helped:
        return
    index = await index_for(team_id)
    async with sessions() as s, s.begin():
        now = clock()
        for question in await question_status.questions_helped_by(s, team_id, user_id):
            await question_status.hold_question(s, question)
            connected = (question.connected_message_channel, question.connected_message_ts)
            if await question_status.release_question(s, question, user_id):
                await tell.helper_left(s, question, user_id, now)
                await tell.asking_helper(s, question, user_id, "released", now)
                await rounds.move_on(s, index, question, [], config, clock, observe)
                await tell.connection_left(s, question, user_id, connected, now)


async def requests_withdrawn(
    sessions: async_sessionmaker[AsyncSession], decline: Decline, team_id: str, user_id: str
) -> None:
    """Each request still waiting for `user_id` is withdrawn as if they had said "Not me",
    and its question goes on to others: they left, or may be asked no more (made a guest of
    the workspace, `visibility.may_be_asked`). A question they took on stays theirs."""
    async with sessions() as s:
        pending = await offer_q.pending_offers_to(s, team_id, user_id)
    for offer in pending:
        await decline(team_id, offer.id, user_id)


async def guests_withdrawn(
    sessions: async_sessionmaker[AsyncSession], decline: Decline, team_id: str
) -> None:
    """Each request still waiting for someone stored as a guest of the workspace now is
    withdrawn (`requests_withdrawn`): the directory sync found them made one, their
    `user_change` lost."""
    async with sessions() as s:
        pending = await offer_q.pending_offers_to_guests(s, team_id)
    for offer in pending:
        await decline(team_id, offer.id, offer.candidate_user_id)


async def asker_left(
    sessions: async_sessionmaker[AsyncSession], clock: Clock, team_id: str, user_id: str
) -> int:
    """`user_id` left the workspace: nobody goes on being asked their questions, and those
    waiting or helping are told why. How many questions it closed."""
    closed = 0
    live = ("draft", *LIVE)
    async with sessions() as s, s.begin():
        now = clock()
        while questions := await q.questions_of(s, team_id, user_id, live):
            for question in questions:
                if not await question_status.set_question_status(
                    s, question, "withdrawn", expected=live, resolved_at=now
                ):
                    continue
                waiting = await lookup.close_others(s, question, keep=None, at=now)
                await tell.offers_closed(s, question, waiting, tell.ASKER_LEFT, now)
                await tell.asking_closed(s, question, now, asker_left=True)
                helping = await lookup.helping(s, question)
                await tell.helpers_released(s, question, helping, now, left=True)
                closed += 1
    return closed
