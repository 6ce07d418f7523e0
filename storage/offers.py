"""Queries on offers: each colleague a question was put to, and where their answer stands.
An offer's status moves only by a conditional UPDATE (`set_offer_status`), so two answers to
one offer never both count."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, and_, case, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from storage.models import Offer, Person, PersonSkill, Question, Skill, Workspace

# Its colleague took the question on, or helped answer it (history read from a channel).
HELPED_OFFER_STATUSES = ("accepted", "answered")
REFERRAL = "referral"  # the kind of an offer a colleague suggested its colleague for


def received() -> ColumnElement[bool]:
    """The offers whose request reached its colleague: its DM was posted, or they helped,
    which an answer imported from a channel's history says without a DM. Only these say
    anything of how that colleague answers: a request Slack never delivered (it kept failing
    or refused it, or waited for a refused token to be fixed), or that ran out, was taken
    over or passed over before its turn to be sent, is nobody's silence."""
    return or_(Offer.dm_ts.is_not(None), Offer.status.in_(HELPED_OFFER_STATUSES))


async def add_offer(session: AsyncSession, **fields: Any) -> Offer:
    offer = Offer(**fields)
    session.add(offer)
    await session.flush()
    return offer


async def get_offer(session: AsyncSession, team_id: str, offer_id: int) -> Offer | None:
    return await session.scalar(select(Offer).where(Offer.team_id == team_id, Offer.id == offer_id))


async def offers_of(session: AsyncSession, question_id: int) -> Sequence[Offer]:
    result = await session.scalars(
        select(Offer).where(Offer.question_id == question_id).order_by(Offer.id)
    )
    return result.all()


async def offers_and_declared(
    session: AsyncSession, team_id: str, question_id: int
) -> tuple[list[Offer], dict[str, dict[str, int]]]:
    """A question's offers, as `offers_of`, and what their colleagues declare now (user id →
    skill name → level; none: left out), in one statement, as a question is redrawn some 20
    times: an offer's row comes once a skill its colleague declares, or once with none."""
    rows = await session.execute(
        select(Offer, Skill.name, PersonSkill.level)
        .outerjoin(
            Person, and_(Person.team_id == team_id, Person.user_id == Offer.candidate_user_id)
        )
        .outerjoin(PersonSkill, PersonSkill.person_id == Person.id)
        .outerjoin(Skill, Skill.id == PersonSkill.skill_id)
        .where(Offer.question_id == question_id)
        .order_by(Offer.id)
    )
    offers: dict[int, Offer] = {}
    declared: dict[str, dict[str, int]] = {}
    for offer, name, level in rows:
        offers.setdefault(offer.id, offer)
        if name is not None:
            declared.setdefault(offer.candidate_user_id, {})[name] = level
    return list(offers.values()), declared


async def offers_of_questions(
    session: AsyncSession, question_ids: Collection[int]
) -> Sequence[Offer]:
    if not question_ids:
        return ()
    result = await session.scalars(select(Offer).where(Offer.question_id.in_(question_ids)))
    return result.all()


async def set_offer_status(
    session: AsyncSession,
    offer: Offer,
    status: str,
    *,
    expected: Collection[str] = ("pending",),
    at: datetime | None = None,
) -> bool:
    result = await session.execute(
        update(Offer)
        .where(Offer.id == offer.id, Offer.status.in_(list(expected)))
        .values(status=status, responded_at=at)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    if result.rowcount == 1:  # as written: no second UPDATE at the flush
        set_committed_value(offer, "status", status)
        set_committed_value(offer, "responded_at", at)
        return True
    return False


async def set_offer_message(
    session: AsyncSession, offer_id: int, channel_id: str, ts: str
) -> str | None:
    """Where the offer's DM is; returns the offer's reason (None: no such offer), which says
    whether it waited for its colleague's working day, without a read of the row after."""
    result = await session.execute(
        update(Offer)
        .where(Offer.id == offer_id)
        .values(dm_channel_id=channel_id, dm_ts=ts)
        .returning(Offer.reason)
        .execution_options(synchronize_session=False)
    )
    return result.scalar()


async def reword_reasons_to(
    session: AsyncSession, team_id: str, user_id: str, reason: str, keep: str
) -> set[int]:
    """Give every offer made to this person for what they declared (as an expert or a
    connector) `reason` as its reason, followed by `keep` where the old one carried it (a
    marker the questions' code reads, not words of the person). One a colleague suggested
    them for keeps "suggested by @bob": nothing of theirs was why. The questions whose
    offers it rewords (an offer reworded already is not)."""
    offers = await session.scalars(
        select(Offer).where(
            Offer.team_id == team_id,
            Offer.candidate_user_id == user_id,
            Offer.kind != REFERRAL,
        )
    )
    reworded: set[int] = set()
    for offer in offers:
        now = reason + (keep if keep in offer.reason else "")
        if offer.reason != now:
            offer.reason = now
            reworded.add(offer.question_id)
    await session.flush()
    return reworded


async def received_before(session: AsyncSession, team_id: str, offer_id: int) -> bool:
    """Whether this offer's colleague got a request before this one (`received`)."""
    earlier = select(Offer.candidate_user_id).where(Offer.id == offer_id).scalar_subquery()
    found = await session.scalar(
        select(
            exists().where(
                Offer.team_id == team_id,
                Offer.candidate_user_id == earlier,
                Offer.id < offer_id,
                received(),
            )
        )
    )
    return bool(found)


async def pending_offers_to(session: AsyncSession, team_id: str, user_id: str) -> Sequence[Offer]:
    result = await session.scalars(
        select(Offer).where(
            Offer.team_id == team_id, Offer.candidate_user_id == user_id, Offer.status == "pending"
        )
    )
    return result.all()


async def pending_offers_in_thread(
    session: AsyncSession, team_id: str, user_id: str, channel_id: str, thread_ts: str
) -> Sequence[Offer]:
    """This person's requests still asking them about an open question whose thread is
    this one: what a reply of theirs there answers. Read by the person first (their few
    offers, `candidate_user_id` indexed), as every thread reply in a channel asks it."""
    result = await session.scalars(
        select(Offer)
        .join(Question, Question.id == Offer.question_id)
        .where(
            Offer.team_id == team_id,
            Offer.candidate_user_id == user_id,
            Offer.status == "pending",
            Question.team_id == team_id,
            Question.status == "open",
            Question.channel_id == channel_id,
            Question.thread_ts == thread_ts,
        )
        .order_by(Offer.id)
    )
    return result.all()


async def pending_offers_to_guests(session: AsyncSession, team_id: str) -> Sequence[Offer]:
    """The requests waiting for someone stored as a guest of the workspace."""
    guests = select(Person.user_id).where(Person.team_id == team_id, Person.is_guest.is_(True))
    result = await session.scalars(
        select(Offer).where(
            Offer.team_id == team_id,
            Offer.status == "pending",
            Offer.candidate_user_id.in_(guests.scalar_subquery()),
        )
    )
    return result.all()


async def pending_load(
    session: AsyncSession, team_id: str, user_ids: Collection[str]
) -> dict[str, int]:
    """How many offers each person has waiting for an answer right now, `received` or not:
    the limit is on what reaches them at once, and one not yet sent (waiting for their
    morning, on its way, or for a refused token to be fixed) reaches them with the rest when
    it goes. One Slack never delivers runs out in their working minutes (escalation), or is
    given up (`unsent`, `refused`), and stops counting then."""
    if not user_ids:
        return {}
    rows = await session.execute(
        select(Offer.candidate_user_id, func.count())
        .where(
            Offer.team_id == team_id,
            Offer.status == "pending",
            Offer.candidate_user_id.in_(list(user_ids)),
        )
        .group_by(Offer.candidate_user_id)
    )
    return {user: int(count) for user, count in rows.all()}


async def responsiveness(
    session: AsyncSession, team_id: str, user_ids: Collection[str]
) -> dict[str, tuple[int, int]]:
    """(offers answered with "I can help", offers answered or run out) per person, of the
    requests they `received`: routing moves down who rarely answers, and one Slack never
    delivered is not theirs to answer."""
    if not user_ids:
        return {}
    accepted = func.sum(case((Offer.status == "accepted", 1), else_=0))
    rows = await session.execute(
        select(Offer.candidate_user_id, accepted, func.count())
        .where(
            Offer.team_id == team_id,
            Offer.candidate_user_id.in_(list(user_ids)),
            Offer.status.in_(["accepted", "declined", "expired"]),
            received(),
        )
        .group_by(Offer.candidate_user_id)
    )
    return {user: (int(a or 0), int(n)) for user, a, n in rows.all()}


async def open_questions_with_pending_offers(
    session: AsyncSession, created_before: datetime
) -> Sequence[Offer]:
    """Pending offers of open questions old enough that they may have run out of time, in
    workspaces that still have the app."""
    uninstalled = exists().where(
        Workspace.team_id == Offer.team_id, Workspace.uninstalled_at.is_not(None)
    )
    result = await session.scalars(
        select(Offer)
        .join(Question, Question.id == Offer.question_id)
        .where(
            and_(
                Question.status == "open",
                Offer.status == "pending",
                Offer.created_at <= created_before,
                ~uninstalled,
            )
        )
        .order_by(Offer.id)
    )
    return result.all()


def _waiting_for(team_id: str, user_id: str) -> ColumnElement[bool]:
    """This person's requests still asking them: pending, posted in their DM (`received`
    without an answer: what the DM showed them), of a question still open."""
    return and_(
        Offer.team_id == team_id,
        Offer.candidate_user_id == user_id,
        Offer.status == "pending",
        Offer.dm_ts.is_not(None),
        Question.status == "open",
    )


async def requests_waiting_for(
    session: AsyncSession, team_id: str, user_id: str, limit: int
) -> tuple[Sequence[tuple[Offer, Question]], int]:
    """The newest `limit` requests waiting for this person's answer, each with its question,
    and how many wait in all (their Home tab lists them)."""
    waiting = _waiting_for(team_id, user_id)
    rows = await session.execute(
        select(Offer, Question)
        .join(Question, Question.id == Offer.question_id)
        .where(waiting)
        .order_by(Offer.id.desc())
        .limit(limit)
    )
    total = await session.scalar(
        select(func.count())
        .select_from(Offer)
        .join(Question, Question.id == Offer.question_id)
        .where(waiting)
    )
    return [(offer, question) for offer, question in rows.all()], int(total or 0)
