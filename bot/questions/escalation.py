"""Escalation, the scheduler's pass over questions: an offer that had its working time (in
the asked person's own hours) expires, and the next people are asked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.questions import lookup, tell
from bot.questions.indexes import IndexFor
from bot.questions.policy import RoutingConfig
from bot.questions.results import Moved
from bot.questions.rounds import Clock, Observe, move_on
from bot.worktime import working_minutes
from storage import offers as offer_q
from storage import people as people_queries
from storage import question_status
from storage.models import Offer, Question

# Whether a question stored as public is private now (its channel made private or shared
# since, the app not told), storing it so: `QuestionService.made_private_since`.
PrivateSince = Callable[[Question], Awaitable[bool]]


async def escalate_due(
    sessions: async_sessionmaker[AsyncSession],
    index_for: IndexFor,
    config: RoutingConfig,
    clock: Clock,
    observe: Observe,
    private_since: PrivateSince | None = None,
) -> list[Moved]:
    """Expire offers that had their working time, and ask the next people; one pass. A
    question stored as public is looked at against its channel first (`private_since`): one
    private now is stored as made private, and goes to nobody new (`rounds.move_on`)."""
    now = clock()
    async with sessions() as s:
        candidates = await offer_q.open_questions_with_pending_offers(
            s, now - timedelta(minutes=config.offer_minutes)
        )
    by_question: dict[tuple[str, int], list[Offer]] = {}
    for offer in candidates:
        by_question.setdefault((offer.team_id, offer.question_id), []).append(offer)
    moved: list[Moved] = []
    for (team_id, question_id), pending in by_question.items():
        async with sessions() as s:
            people = await people_queries.people_by_id(
                s, team_id, [o.candidate_user_id for o in pending]
            )
        due = [o for o in pending if _out_of_time(o, people, now, config)]
        if not due:
            continue
        await _look_at_channel(sessions, team_id, question_id, private_since)
        index = await index_for(team_id)
        async with sessions() as s, s.begin():
            question = await lookup.question(s, team_id, question_id)
            await question_status.hold_question(s, question)  # before the offers, as `accept` does
            expired = [o for o in due if await offer_q.set_offer_status(s, o, "expired", at=now)]
            if not expired:
                continue
            went = await move_on(s, index, question, expired, config, clock, observe)
            moved.append(went)
            # True either way: others may still be waiting to answer, with nobody new asked.
            note = await _what_next(s, team_id, went, now, config)
            await tell.offers_ran_out(s, question, expired, note, now)
            await tell.asking_moved(s, question, expired, now)
    return moved


async def _look_at_channel(
    sessions: async_sessionmaker[AsyncSession],
    team_id: str,
    question_id: int,
    private_since: PrivateSince | None,
) -> None:
    async with sessions() as s:
        question = await lookup.question(s, team_id, question_id)
    if private_since is not None and not question.is_private:
        await private_since(question)


async def _what_next(
    s: AsyncSession, team_id: str, went: Moved, now: datetime, config: RoutingConfig
) -> str:
    """What a colleague whose request ran out is told: someone else is asked, or will be
    when their working day starts (their request waits for it, as the asker's list says),
    or nobody is."""
    if not went.new_offers:
        return "No worries: I've stopped waiting on you for this one."
    users = [o.candidate_user_id for o in went.new_offers]
    due = await tell.due_at(s, team_id, users, now, config.hours)
    if any(at <= now for at in due.values()):
        return "No worries: I've asked someone else."
    return "No worries: someone else will get my request when their working day starts."


def _out_of_time(
    offer: Offer, people: Mapping[str, Any], now: datetime, config: RoutingConfig
) -> bool:
    person = people.get(offer.candidate_user_id)
    tz = person.tz if person is not None else "UTC"
    minutes = working_minutes(offer.created_at, now, tz, config.hours)
    return minutes >= config.offer_minutes
