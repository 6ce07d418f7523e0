"""How a question is closed by its asker or its helper: *Solved*, *Withdraw* and "That
answers it" (`QuestionService` calls these with its unit of work)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import visibility
from bot.errors import UserError
from bot.questions import lookup, tell
from bot.questions.indexes import IndexFor
from bot.questions.lookup import LIVE
from bot.questions.results import Solved
from bot.questions.rounds import Clock
from bot.questions.views import QuestionView, offer_views
from storage import offers as offer_q
from storage import question_status

_DONE_WITH = {  # a closed question's status, as its asker reads it
    "solved": "is solved already",
    "withdrawn": "is withdrawn already",
    "unanswered": "is closed already, without a helper",
}


async def solve(
    sessions: async_sessionmaker[AsyncSession],
    index_for: IndexFor,
    clock: Clock,
    team_id: str,
    question_id: int,
    user_id: str,
) -> Solved:
    index = await index_for(team_id)
    async with sessions() as s, s.begin():
        question = await lookup.question(s, team_id, question_id)
        if user_id not in (question.asker_user_id, question.helper_user_id):
            raise UserError("Only the person who asked, or who helped, can mark it solved.")
        now = clock()
        # Unanswered: nobody could be found, and the asker found the answer elsewhere.
        if not await question_status.set_question_status(
            s,
            question,
            "solved",
            expected=(*LIVE, "unanswered"),
            resolved_at=now,
            solved_by=user_id,
        ):
            if question.status != "solved":
                done = _DONE_WITH.get(question.status, f"is already {question.status}")
                raise UserError(f"Question #{question_id} {done}: there is nothing to mark solved.")
            # A second Solved (or a double click): the first was answered, and counted.
            return Solved(
                QuestionView.of(question),
                question.helper_user_id,
                already=True,
                solved_by=question.solved_by,
                solved_at=question.resolved_at,
            )
        closed = await lookup.close_others(s, question, keep=None, at=now)
        await tell.offers_closed(s, question, closed, "Solved — thanks anyway!", now)
        if question.helper_user_id:  # the kudos invitation; else the list says it is solved
            await tell.asker(s, question, "solved", now)
        await tell.asking_closed(s, question, now)
    if question.helper_user_id:
        index.record_help(
            question.helper_user_id,
            question.asker_user_id,
            question.text,
            is_private=visibility.question_private(
                is_private=question.is_private, posted=question.message_ts is not None
            ),
            asked_at=question.created_at,
        )
    return Solved(QuestionView.of(question), question.helper_user_id, offer_views(closed))


async def withdraw(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    team_id: str,
    question_id: int,
    user_id: str,
) -> Solved:
    async with sessions() as s, s.begin():
        question = await lookup.own_question(s, team_id, question_id, user_id)
        now = clock()
        live = ("draft", *LIVE)
        if not await question_status.set_question_status(
            s, question, "withdrawn", expected=live, resolved_at=now
        ):
            done = _DONE_WITH.get(question.status, f"is already {question.status}")
            raise UserError(f"Question #{question_id} {done}: there is nothing to withdraw.")
        closed = await lookup.close_others(s, question, keep=None, at=now)
        await tell.offers_closed(s, question, closed, "The question was withdrawn.", now)
        await tell.asking_closed(s, question, now)
        helping = await lookup.helping(s, question)
        await tell.helpers_released(s, question, helping, now)
    return Solved(QuestionView.of(question), None, offer_views([*closed, *helping]))


async def answered(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    team_id: str,
    question_id: int,
    user_id: str,
) -> Solved:
    """ "That answers it": withdrawn as by Withdraw. Pressed again (a double click) on a
    question withdrawn with nobody asked, it answers the same, not "nothing to withdraw"
    to someone who never pressed Withdraw."""
    try:
        return await withdraw(sessions, clock, team_id, question_id, user_id)
    except UserError:
        async with sessions() as s:
            question = await lookup.own_question(s, team_id, question_id, user_id)
            if question.status != "withdrawn" or await offer_q.offers_of(s, question.id):
                raise
        return Solved(QuestionView.of(question), None)
