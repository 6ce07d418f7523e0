"""*Suggest someone*: the colleague asked names another, who is asked in their place
(`QuestionService.refer` calls this with its unit of work)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import visibility
from bot.conversations import PrivateNow
from bot.errors import UserError
from bot.questions import lookup, rounds, tell
from bot.questions.indexes import IndexFor
from bot.questions.policy import OFF_HOURS, RoutingConfig, available, not_asked
from bot.questions.results import Moved
from bot.questions.rounds import Clock, Observe
from bot.questions.views import OfferView, QuestionView
from storage import offers as offer_q
from storage import people as people_queries
from storage import question_status

# `QuestionService.still_public`: those of the channels public still, the others stored so.
StillPublic = Callable[[str, list[str], PrivateNow | None], Awaitable[list[str]]]


async def refer(
    sessions: async_sessionmaker[AsyncSession],
    index_for: IndexFor,
    config: RoutingConfig,
    clock: Clock,
    observe: Observe,
    still_public: StillPublic,
    team_id: str,
    offer_id: int,
    user_id: str,
    referred_user_id: str,
    private_now: PrivateNow | None = None,
) -> Moved:
    """ "Suggest someone": the referred colleague gets an offer, introduced by the referrer.
    A question stored as public is checked against its channel as it is now first: one
    made private or shared since is private, and goes to nobody the asker did not agree
    to."""
    if referred_user_id == user_id:
        raise UserError("Pick someone other than yourself, or press *Not me*.")
    async with sessions() as s:
        _offer, asked = await lookup.offer_for(s, team_id, offer_id, user_id)
    if not asked.is_private:
        await still_public(team_id, [asked.channel_id], private_now)
    index = await index_for(team_id)
    async with sessions() as s, s.begin():
        offer, question = await lookup.offer_for(s, team_id, offer_id, user_id)
        await question_status.hold_question(s, question)  # before the offer, as `decline` does
        if referred_user_id == question.asker_user_id:
            raise UserError("That's the person asking. Pick someone else who might know.")
        if question.status != "open":
            return Moved(QuestionView.of(question), ended=offer.status)
        if not visibility.may_refer(is_private=question.is_private):
            raise UserError(
                "This question is private: it goes only to the colleagues the asker agreed "
                f"to. Tell <@{question.asker_user_id}> who might know, or press *Not me*."
            )
        people = await people_queries.people_by_id(s, team_id, [referred_user_id])
        if not available(people.get(referred_user_id), clock()):
            why = not_asked(people[referred_user_id])
            raise UserError(
                f"<@{referred_user_id}> {why}. Suggest someone else, or press *Not me*."
            )
        declined = await offer_q.set_offer_status(
            s, offer, "declined", expected=("pending", "expired"), at=clock()
        )
        if not declined:  # answered already: a second press
            return Moved(QuestionView.of(question), ended=offer.status)
        await tell.asking_moved(s, question, [offer], clock())
        offers = await offer_q.offers_of(s, question.id)
        existing = {o.candidate_user_id for o in offers}
        if referred_user_id in existing:
            [theirs] = [o for o in offers if o.candidate_user_id == referred_user_id]
            now = clock()
            due = await tell.due_at(s, team_id, [referred_user_id], now, config.hours)
            waits = theirs.status == "pending" and not theirs.dm_ts
            note = (  # chosen at night: their request waits for their morning
                f"Thanks: <@{referred_user_id}> is on my list already, and will get my "
                "request when their working day starts."
                if waits and due[referred_user_id] > now
                else f"Thanks: I tried to ask <@{referred_user_id}> already, but Slack "
                "refused to let me message them."
                if theirs.status == "refused"  # `request_given_up`: refused for good
                else f"Thanks: I tried to ask <@{referred_user_id}> already, but Slack "
                "kept failing to deliver my request."
                if theirs.status == "unsent"  # `request_given_up`: they never got it
                else f"Thanks: <@{referred_user_id}> has already been asked."
            )
            await tell.offers_closed(s, question, [offer], note, clock())
            # As after *Not me*: if nobody is left waiting, ask the next people or say so.
            return await rounds.move_on(s, index, question, [], config, clock, observe)
        load = await offer_q.pending_load(s, team_id, [referred_user_id])
        if load.get(referred_user_id, 0) >= config.limits.max_open_offers:
            raise UserError(  # rolls back the decline: the request stays theirs to answer
                f"<@{referred_user_id}> has enough requests waiting for an answer already. "
                "Suggest someone else, or press *Not me*."
            )
        now = clock()
        due = await tell.due_at(s, team_id, [referred_user_id], now, config.hours)
        waits = due[referred_user_id] > now  # for their morning (`tell.offers_made`), or not
        new = await offer_q.add_offer(
            s,
            team_id=team_id,
            question_id=question.id,
            candidate_user_id=referred_user_id,
            score=offer.score,
            # the asker's list says they get it then, as of a colleague routing chose so
            reason=f"suggested by <@{user_id}>{OFF_HOURS if waits else ''}",
            via_user_id=user_id,
            kind=offer_q.REFERRAL,
            rank=len(existing),
            created_at=now,
        )
        note = (
            f"Thanks: <@{referred_user_id}> will get my request when their working day starts."
            if waits
            else f"Thanks: I've asked <@{referred_user_id}>."
        )
        await tell.offers_closed(s, question, [offer], note, clock())
        await tell.offers_made(s, question, [new], clock(), config.hours, first=False)
        return Moved(QuestionView.of(question), new_offers=[OfferView.of(new)])
