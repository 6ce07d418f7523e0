"""Who is asked next about a question: its first round, the next round once nobody is left
waiting, or, when nobody can be asked, saying so at once with where else to ask. The service
calls these inside its own unit of work, with the question's row held."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.questions import tell
from bot.questions.discussed import channels_discussing
from bot.questions.offering import offer_next
from bot.questions.policy import RoutingConfig
from bot.questions.results import Asked, Moved
from bot.questions.solved import SolvedMatch
from bot.questions.views import QuestionView, offer_views
from bot.routing.engine import RoutingIndex
from storage import offers as offer_q
from storage import questions as q
from storage.models import Offer, Question

Clock = Callable[[], datetime]
Observe = Callable[[float], None]  # told how long each ranking took


async def first_round(
    s: AsyncSession,
    index: RoutingIndex,
    question: Question,
    config: RoutingConfig,
    clock: Clock,
    observe: Observe,
) -> Asked:
    offers = await offer_next(s, index, question, config, clock(), observe)
    if not offers:
        return await nobody(s, question, [], clock)
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
) -> Moved:
    """When nobody is left waiting on an open question: ask the next, or give up honestly."""
    await q.hold_question(s, question)
    if question.status != "open":
        return Moved(QuestionView.of(question), offer_views(expired))
    offers = await offer_q.offers_of(s, question.id)
    if any(o.status == "pending" for o in offers):
        return Moved(QuestionView.of(question), offer_views(expired))
    new = await offer_next(s, index, question, config, clock(), observe)
    if new:
        await tell.offers_made(s, question, new, clock(), config.hours, first=False)
        return Moved(QuestionView.of(question), offer_views(expired), offer_views(new))
    channels = (await nobody(s, question, [], clock)).unanswerable_channels or []
    return Moved(QuestionView.of(question), offer_views(expired), channels=channels)


async def nobody(
    s: AsyncSession, question: Question, solved: list[SolvedMatch], clock: Clock
) -> Asked:
    """Nobody can be asked: say so at once, with where else to ask, and offer no button."""
    await q.set_question_status(s, question, "unanswered", expected=("draft", "open"))
    channels = await channels_discussing(s, question)
    # Requests Slack never delivered: said, lest "nobody available" blame the colleagues.
    offers = await offer_q.offers_of(s, question.id)
    unsent = sum(o.status == "unsent" for o in offers)
    extra = {"unsent": unsent, "chosen": len(offers)} if unsent else {}
    await tell.asker(s, question, "unanswered", clock(), channels=channels, **extra)
    await tell.asking_closed(s, question, clock())
    return Asked(QuestionView.of(question), unanswerable_channels=channels, solved=solved)
