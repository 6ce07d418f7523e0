"""Finding a question or an offer for the person acting on it, inside the service's unit of
work, with the one error for "gone, or not yours"; and a question's offers by where they
stand (the pending ones closed, the accepted ones helping)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import UserError
from bot.questions import tell
from bot.worktime import WorkingHours
from storage import offers as offer_q
from storage import questions as q
from storage.models import Offer, Question

LIVE = ("open", "connected")  # a question being asked, or helped with


async def waiting(
    s: AsyncSession, team_id: str, question_ids: list[int], now: datetime, hours: WorkingHours
) -> set[int]:
    """Of these questions, those with requests waiting and none of them sent, each waiting
    for its colleague's working day to start (not merely its turn to be sent): nobody is
    asked now. Requests of earlier rounds, sent and answered or run out, were: they are not
    being asked now (the asker's list names only those still asked)."""
    offers = [
        o for o in await offer_q.offers_of_questions(s, question_ids) if o.status == "pending"
    ]
    due = await tell.due_at(s, team_id, sorted({o.candidate_user_id for o in offers}), now, hours)
    found = {o.question_id for o in offers}
    for offer in offers:
        if offer.dm_ts is not None or due[offer.candidate_user_id] <= now:
            found.discard(offer.question_id)
    return found


class QuestionNotFound(UserError):
    """The question (or offer) is gone, or belongs to someone else."""


async def question(s: AsyncSession, team_id: str, question_id: int) -> Question:
    found = await q.get_question(s, team_id, question_id)
    if found is None:
        raise QuestionNotFound(f"I can't find question #{question_id}.")
    return found


async def question_of_offer(s: AsyncSession, team_id: str, offer_id: int) -> Question:
    """The question one of its offers was made for; gone, the same error as `question`."""
    found = await q.question_of_offer(s, team_id, offer_id)
    if found is not None:
        return found
    offer = await offer_q.get_offer(s, team_id, offer_id)
    assert offer is not None, "offers are never deleted while their question lives"
    return await question(s, team_id, offer.question_id)


async def own_question(
    s: AsyncSession, team_id: str, question_id: int, user_id: str, to: str = "withdraw it"
) -> Question:
    """The question, when `user_id` asked it. Else they are told who alone may do what they
    tried (`to`): its Withdraw button is in its public thread, for anyone to press."""
    found = await question(s, team_id, question_id)
    if found.asker_user_id != user_id:
        raise QuestionNotFound(
            f"Question #{question_id} isn't yours: only the person who asked it can {to}."
        )
    return found


async def offer_for(
    s: AsyncSession, team_id: str, offer_id: int, user_id: str
) -> tuple[Offer, Question]:
    """The offer and its question, when the offer was made to `user_id`."""
    offer = await offer_q.get_offer(s, team_id, offer_id)
    if offer is None:  # removed with its question, the DM still in Slack
        raise QuestionNotFound("I no longer have that request, so there is nothing to answer.")
    if offer.candidate_user_id != user_id:
        raise QuestionNotFound("That request was not sent to you.")
    return offer, await question(s, team_id, offer.question_id)


async def close_others(
    s: AsyncSession, of: Question, keep: int | None, at: datetime
) -> list[Offer]:
    """Supersede the question's pending offers but `keep`; returns the ones this closed."""
    closed = []
    for other in await offer_q.offers_of(s, of.id):
        if other.id != keep and await offer_q.set_offer_status(
            s, other, "superseded", expected=("pending",), at=at
        ):
            closed.append(other)
    return closed


async def helping(s: AsyncSession, question: Question) -> list[Offer]:
    return [o for o in await offer_q.offers_of(s, question.id) if o.status == "accepted"]
