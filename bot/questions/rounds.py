"""Who is asked next about a question: its first round, the next round once nobody is left
waiting, or, when nobody can be asked, saying so at once with where else to ask. The service
calls these inside its own unit of work, with the question's row held."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot import visibility
from bot.questions import tell
from bot.questions.discussed import channels_discussing
from bot.questions.offering import NobodyAsked, offer_next, why_nobody_asked
from bot.questions.policy import RoutingConfig
from bot.questions.results import Asked, Moved
from bot.questions.solved import SolvedMatch
from bot.questions.views import QuestionView, offer_views
from bot.reliability.delivery import Refusal, refusal_fields
from storage import offers as offer_q
from storage import people as people_queries
from storage import question_status
from storage.models import Offer, Question

if TYPE_CHECKING:  # the engine brings numpy, which serve loads once it builds an index
    from bot.routing.engine import RoutingIndex

Clock = Callable[[], datetime]
# Requests given up unsent: Slack kept failing them, or refused them for good.
NEVER_SENT = ("unsent", "refused")
# What became of a request its colleague got, in the order the asker is told (`_what_became_of`).
BECAME = ("timed_out", "declined", "superseded", "left", "guest")
Observe = Callable[[float], None]  # told how long each ranking took


async def first_round(
    s: AsyncSession,
    index: RoutingIndex,
    question: Question,
    config: RoutingConfig,
    clock: Clock,
    observe: Observe,
) -> Asked:
    at_most = visibility.may_ask_first(
        config.offers_per_round, agreed_colleagues=question.agreed_colleagues
    )
    offers = await offer_next(s, index, question, config, clock(), observe, at_most)
    if not offers:
        why = await why_nobody_asked(s, index, question, config, clock())
        return await nobody(s, question, [], clock, why=why)
    await tell.offers_made(s, question, offers, clock(), config.hours, first=True)
    return Asked(QuestionView.of(question), offer_views(offers))


async def move_on(
    s: AsyncSession,
    index: RoutingIndex,
    question: Question,
    expired: list[Offer],
    config: RoutingConfig,
    clock: Clock,
    observe: Observe,
    refused: Refusal | None = None,
) -> Moved:
    """When nobody is left waiting on an open question: ask the next (those its asker agreed
    to, `visibility.may_ask_others`), or give up honestly (`refused`: the request that ended
    last was one Slack refused for good)."""
    await question_status.hold_question(s, question)
    if question.status != "open":
        return Moved(QuestionView.of(question), offer_views(expired))
    offers = await offer_q.offers_of(s, question.id)
    if any(o.status == "pending" for o in offers):
        return Moved(QuestionView.of(question), offer_views(expired))
    ask_others = visibility.may_ask_others(
        is_private=question.is_private,
        made_private=question.made_private,
        agreed_colleagues=question.agreed_colleagues,
    )
    new = await offer_next(s, index, question, config, clock(), observe) if ask_others else []
    if new:
        await tell.offers_made(s, question, new, clock(), config.hours, first=False)
        return Moved(QuestionView.of(question), offer_views(expired), offer_views(new))
    channels = (await nobody(s, question, [], clock, refused)).unanswerable_channels or []
    return Moved(QuestionView.of(question), offer_views(expired), channels=channels)


async def nobody(
    s: AsyncSession,
    question: Question,
    solved: list[SolvedMatch],
    clock: Clock,
    refused: Refusal | None = None,
    *,
    why: NobodyAsked | None = None,
) -> Asked:
    """Nobody can be asked: say so at once, with where else to ask, and offer no button.
    `why`: nobody was chosen at all (`offering.why_nobody_asked`): whether anyone matched
    the question, and the colleagues left out as guests, whom the asker's message asks Slack
    about."""
    await question_status.set_question_status(s, question, "unanswered", expected=("draft", "open"))
    channels = await channels_discussing(s, question)
    # Requests Slack never delivered: said, lest "nobody available" blame the colleagues.
    offers = await offer_q.offers_of(s, question.id)
    # One that ran out before Slack ever delivered it (its token refused until it was fixed,
    # Slack failing it meanwhile) never reached its colleague either.
    unsent = sum(o.status in NEVER_SENT or (o.status == "expired" and not o.dm_ts) for o in offers)
    extra: dict[str, object] = {"unsent": unsent, "chosen": len(offers)} if unsent else {}
    if unsent and refused is not None:  # Slack refused them for good: waiting will not help
        extra |= refusal_fields(refused)
    extra |= await _what_became_of(s, question, offers)
    guest = await people_queries.is_guest(s, question.team_id, question.asker_user_id)
    if not visibility.sees_workspace_figures(
        visibility.person(question.asker_user_id, guest=guest)
    ):
        extra["asker_guest"] = True  # refused `/skills who`: pointed to what they can do
    if why is not None and not offers:
        if why.guests:
            extra["guests"] = list(why.guests)
        if not why.matched:  # else "nobody available": they are away, busy or guests
            extra["unmatched"] = True
            if why.meant:  # skills' names, none of the asker's words: kept as sent rows are
                extra["meant"] = list(why.meant)
    await tell.asker(s, question, "unanswered", clock(), channels=channels, **extra)
    await tell.asking_closed(s, question, clock())
    return Asked(QuestionView.of(question), unanswerable_channels=channels, solved=solved)


async def _what_became_of(
    s: AsyncSession, question: Question, offers: Sequence[Offer]
) -> dict[str, int]:
    """What became of the requests the colleagues got (sent: one waiting for its colleague's
    working day was never had), so the asker is told that they were asked and how it ended,
    not that nobody was available: each ran out unanswered (`timed_out`), was answered *Not
    me* or with a suggestion (`declined`), ended when someone else took the question on
    (`superseded`, that helper having left since), or its colleague left the workspace
    (`left`: their request withdrawn, or the question they had taken on let go), or it was
    withdrawn when its colleague was made a guest of the workspace, who is asked nothing
    (`guest`: no *Not me* of theirs, as `leaving.requests_withdrawn` records it)."""
    kinds = ("expired", "declined", "superseded", "accepted")
    got = [o for o in offers if o.status in kinds and o.dm_ts is not None]
    gone = await people_queries.people_by_id(
        s, question.team_id, {o.candidate_user_id for o in got}
    )
    left = {u for u, person in gone.items() if person.deactivated}
    guests = {u for u, person in gone.items() if person.is_guest}
    became = dict.fromkeys(BECAME, 0)
    for offer in got:
        if offer.candidate_user_id in left or offer.status == "accepted":
            became["left"] += 1
        elif offer.status == "declined" and offer.candidate_user_id in guests:
            became["guest"] += 1
        elif offer.status == "expired":
            became["timed_out"] += 1
        else:
            became[str(offer.status)] += 1
    return became if got else {}
