"""Accepting a request: the colleague who says they can help becomes the question's helper,
exactly one of simultaneous clicks winning (`QuestionService.accept` calls this with its unit
of work); so does one who answers in the question's thread instead (`answered_in_thread`)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import home
from bot.questions import lookup, tell
from bot.questions.results import Accepted
from bot.questions.rounds import Clock
from bot.questions.views import OfferView, QuestionView, offer_views
from storage import offers as offer_q
from storage import question_status
from storage import questions as q
from storage.models import Offer


class _OfferAnswered(Exception):
    """Accepting lost: the offer was answered, or the question taken, meanwhile. It carries
    the offer as read, for its row is expired once the transaction rolls back."""

    def __init__(self, offer: Offer) -> None:
        super().__init__(offer.id)
        self.offer = OfferView.of(offer)


async def accept(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    team_id: str,
    offer_id: int,
    user_id: str,
) -> Accepted:
    try:
        outcome = await _accept(sessions, clock, team_id, offer_id, user_id, in_thread=False)
    except _OfferAnswered as answered:  # the claim was rolled back with the rest
        outcome = answered.offer
    if isinstance(outcome, Accepted):
        return outcome
    offer = outcome
    async with sessions() as s:
        fresh = await q.get_question(s, team_id, offer.question_id)
    assert fresh is not None
    return Accepted(QuestionView.of(fresh), offer, fresh.helper_user_id)


async def _accept(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    team_id: str,
    offer_id: int,
    user_id: str,
    *,
    in_thread: bool,
) -> Accepted | OfferView:
    """Claim the question, then the offer (the offer as read when the question was taken
    already): a "Not me" on the same offer committed in between rolls the claim back. The
    question's row is locked before the offer's, here as in `decline` and `escalate_due`,
    so two of them never wait for each other."""
    async with sessions() as s, s.begin():
        offer, question = await lookup.offer_for(s, team_id, offer_id, user_id)
        if question.status == "open" and await question_status.claim_question(s, question, user_id):
            now = clock()
            if not await offer_q.set_offer_status(
                s, offer, "accepted", expected=("pending", "expired"), at=now
            ):
                raise _OfferAnswered(offer)
            closed = await lookup.close_others(s, question, keep=offer.id, at=now)
            if in_thread:  # they already met in the thread: no introduction posted there
                await tell.answered_in_thread(s, question, offer, now)
            else:
                await tell.helper_on_it(s, question, [offer], "offer_closed", now)
            await tell.offers_closed(s, question, closed, f"<@{user_id}> is on it — thanks!", now)
            if not in_thread:
                await tell.connected(s, question, user_id, now)
            await tell.asking_helper(s, question, user_id, "connected", now)
            # The asker's tab lists the question with who helps, and its Solved button.
            await home.changed(s, team_id, question.asker_user_id, now)
            return Accepted(
                QuestionView.of(question),
                OfferView.of(offer),
                user_id,
                offer_views(closed),
            )
        return OfferView.of(offer)


async def answered_in_thread(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    team_id: str,
    channel_id: str,
    thread_ts: str,
    user_id: str,
) -> list[Accepted]:
    """`user_id` replied in the thread of a question whose request still asks them: they
    took it on as *I can help* does (the others asked stand down, nobody new is asked),
    but nobody is introduced: the reply is in the thread already. Anyone else's reply (the
    asker's, a colleague not asked or whose request ended) changes nothing. A request
    answered meanwhile, or a question taken by someone else, loses as a click would."""
    async with sessions() as s:
        offers = await offer_q.pending_offers_in_thread(s, team_id, user_id, channel_id, thread_ts)
    taken: list[Accepted] = []
    for offer in offers:
        try:
            outcome = await _accept(sessions, clock, team_id, offer.id, user_id, in_thread=True)
        except _OfferAnswered:
            continue
        if isinstance(outcome, Accepted):
            taken.append(outcome)
    return taken
