"""The requests waiting for a colleague's answer, for their Home tab: what their DM showed
them and still asks them, and nothing else (`visibility.may_see_request`); and the questions
they are helping with now (`visibility.may_see_helping`)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import visibility
from bot.questions.views import OfferView, QuestionView, RequestsWaiting, Waiting
from storage import offers as offer_q
from storage import people as people_queries
from storage import questions as question_q


async def requests_waiting(
    sessions: async_sessionmaker[AsyncSession], team_id: str, user_id: str, limit: int
) -> RequestsWaiting:
    """The newest `limit` of them, and how many wait in all; none for a guest since."""
    async with sessions() as s:
        rows, total = await offer_q.requests_waiting_for(s, team_id, user_id, limit)
        person = (await people_queries.people_by_id(s, team_id, [user_id])).get(user_id)
    viewer = visibility.person(user_id, guest=person is not None and person.is_guest)
    newest = [
        Waiting(QuestionView.of(question), OfferView.of(offer), question.created_at)
        for offer, question in rows
        if visibility.may_see_request(viewer, offer.candidate_user_id, received=bool(offer.dm_ts))
    ]
    return RequestsWaiting(newest, total if len(newest) == len(rows) else len(newest))


async def helping_with(
    sessions: async_sessionmaker[AsyncSession], team_id: str, user_id: str, limit: int
) -> list[QuestionView]:
    """The newest `limit` questions they took on and that are still open; none for a guest
    since."""
    async with sessions() as s:
        rows = await question_q.helping_with(s, team_id, user_id, limit)
        person = (await people_queries.people_by_id(s, team_id, [user_id])).get(user_id)
    viewer = visibility.person(user_id, guest=person is not None and person.is_guest)
    return [
        QuestionView.of(question)
        for question in rows
        if visibility.may_see_helping(viewer, question.helper_user_id or "")
    ]
