"""What the insights read: people and their teams, declared skills, help, kudos, the
offers between teams and how often network entries name a topic.

Everything large is streamed a batch at a time as plain tuples (no ORM objects), so a
workspace of 100,000 people and a million kudos is read without holding it twice. Network
entries are read as their topics only: whose entry it is is never selected.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Connection, Kudos, Offer, Person, PersonSkill, Question, Skill
from storage.offers import HELPED_OFFER_STATUSES, received
from storage.question_status import released_help
from storage.questions import sent_by_asker
from storage.routing import batches

BATCH = 5000
LEARNED = "evidence"  # a skill askaround inferred from help given; any other source was declared
EXPERT_LEVEL = 4
KEYS_AT_ONCE = 500


@dataclass(frozen=True, slots=True)
class PersonRow:
    user_id: str
    team_name: str
    manager_user_id: str | None
    interests: tuple[str, ...]
    active: bool  # not a bot, not deactivated
    available: bool  # active and taking questions (not away, not opted out, not a guest)


async def people(session: AsyncSession, team_id: str, back: Collection[str]) -> list[PersonRow]:
    """Everyone but bots, with their team, manager, interests and availability (`back`: the
    people stored as away whose day to be back has come, as the caller judges it)."""
    statement = select(
        Person.user_id,
        Person.team_name,
        Person.manager_user_id,
        Person.interests,
        Person.deactivated,
        Person.routing_status,
        Person.is_guest,
    ).where(Person.team_id == team_id, Person.is_bot.is_(False))
    found = []
    async for rows in batches(session, statement, size=BATCH):
        for user_id, team, manager, interests, gone, status, guest in rows:
            found.append(
                PersonRow(
                    user_id,
                    team or "",
                    manager,
                    tuple(interests or ()),
                    active=not gone,
                    available=not (gone or guest) and (status == "available" or user_id in back),
                )
            )
    return found


async def skill_names(session: AsyncSession, team_id: str) -> dict[str, str]:
    rows = await session.execute(select(Skill.key, Skill.name).where(Skill.team_id == team_id))
    return {key: name for key, name in rows}


def _available(back: Collection[str]) -> ColumnElement[bool]:
    """Taking questions: stored as available, or away with their day come (`back`, few: only
    those who never said `/skills back`); never a guest of the workspace, whom nobody asks."""
    return and_(
        Person.is_bot.is_(False),
        Person.deactivated.is_(False),
        Person.is_guest.is_(False),
        or_(Person.routing_status == "available", Person.user_id.in_(list(back))),
    )


@dataclass(frozen=True)
class SkillCount:
    key: str
    declared: int  # available people who declared it (or were imported with it), any level
    experts: int  # … at EXPERT_LEVEL or more
    one_expert: str | None  # one of them (the only one when `experts` is 1)


async def skill_counts(
    session: AsyncSession, team_id: str, back: Collection[str]
) -> list[SkillCount]:
    """Per skill, counted by the database: one row a skill, not one a profile entry. The
    profile entries are grouped by skill id first, and only the groups are joined (three
    times faster on SQLite than grouping the join)."""
    declared = PersonSkill.source != LEARNED
    expert = and_(declared, PersonSkill.level >= EXPERT_LEVEL)
    available = select(Person.id).where(Person.team_id == team_id, _available(back))
    counted = (
        select(
            PersonSkill.skill_id.label("skill_id"),
            func.sum(case((declared, 1), else_=0)).label("declared"),
            func.sum(case((expert, 1), else_=0)).label("experts"),
            func.min(case((expert, PersonSkill.person_id), else_=None)).label("one"),
        )
        .where(PersonSkill.team_id == team_id, PersonSkill.person_id.in_(available))
        .group_by(PersonSkill.skill_id)
        .subquery()
    )
    statement = (
        select(Skill.key, counted.c.declared, counted.c.experts, Person.user_id)
        .join(counted, counted.c.skill_id == Skill.id)
        .outerjoin(Person, Person.id == counted.c.one)
    )
    rows = await session.execute(statement)
    return [SkillCount(key, int(d or 0), int(e or 0), one) for key, d, e, one in rows]


async def learners(
    session: AsyncSession, team_id: str, keys: Sequence[str], back: Collection[str]
) -> list[tuple[str, str, int, bool]]:
    """(skill key, user id, level, learned by helping) of the available people below
    EXPERT_LEVEL in these skills, or who learned them by helping: possible second people."""
    found: list[tuple[str, str, int, bool]] = []
    for start in range(0, len(keys), KEYS_AT_ONCE):
        statement = (
            select(Skill.key, Person.user_id, PersonSkill.level, PersonSkill.source)
            .join(PersonSkill, PersonSkill.skill_id == Skill.id)
            .join(Person, Person.id == PersonSkill.person_id)
            .where(
                Skill.team_id == team_id,
                Skill.key.in_(list(keys[start : start + KEYS_AT_ONCE])),
                _available(back),
                (PersonSkill.level < EXPERT_LEVEL) | (PersonSkill.source == LEARNED),
            )
        )
        rows = await session.execute(statement)
        found.extend((key, user, level, source == LEARNED) for key, user, level, source in rows)
    return found


async def stream_questions(
    session: AsyncSession, team_id: str, since: datetime
) -> AsyncIterator[Sequence[tuple[str, str | None, str, bool, bool, list[str] | None]]]:
    """(asker, helper or None, status, is private, posted, topics) of the questions their askers
    sent since (`sent_by_asker`): a draft has no helper, so it would only have been counted
    as asked."""
    statement = select(
        Question.asker_user_id,
        Question.helper_user_id,
        Question.status,
        Question.is_private,
        Question.message_ts.is_not(None),
        Question.topics,
    ).where(Question.team_id == team_id, Question.created_at >= since, sent_by_asker())
    async for rows in batches(session, statement, size=BATCH):
        yield rows


async def public_question_channels(
    session: AsyncSession, team_id: str, since: datetime
) -> list[str]:
    """The channels of the questions sent since that are stored as public and were posted
    there (`stream_questions` reads those as public), each once: looked at before the
    analysis is made, lest one made private since name a helper (`bot.insights.service`)."""
    statement = (
        select(Question.channel_id)
        .where(
            Question.team_id == team_id,
            Question.created_at >= since,
            Question.is_private.is_(False),
            Question.message_ts.is_not(None),
            sent_by_asker(),
        )
        .distinct()
    )
    return [str(channel) for channel in await session.scalars(statement) if channel]


async def released_help_since(
    session: AsyncSession, team_id: str, since: datetime
) -> list[tuple[str, str, bool, bool, list[str] | None]]:
    """(asker, helper, is private, posted, topics) of the questions since that someone took on and
    was released from (they left the workspace while helping): `stream_questions` no longer
    has them as the helper. Few: read at once."""
    statement = released_help(
        team_id,
        Question.asker_user_id,
        Offer.candidate_user_id,
        Question.is_private,
        Question.message_ts.is_not(None),
        Question.topics,
    ).where(Question.created_at >= since)
    rows = await session.execute(statement)
    return [
        (asker, helper, private, posted, topics) for asker, helper, private, posted, topics in rows
    ]


async def stream_kudos(
    session: AsyncSession, team_id: str, since: datetime
) -> AsyncIterator[Sequence[tuple[str, str, bool, str]]]:
    """(giver, receiver, is private, reason) of the live kudos given since."""
    statement = select(
        Kudos.giver_user_id, Kudos.receiver_user_id, Kudos.is_private, Kudos.message
    ).where(Kudos.team_id == team_id, Kudos.undone_at.is_(None), Kudos.created_at >= since)
    async for rows in batches(session, statement, size=BATCH):
        yield rows


async def stream_offers(
    session: AsyncSession, team_id: str, since: datetime
) -> AsyncIterator[Sequence[tuple[int, str, str, bool]]]:
    """(question, asker, offered person, whether they took it on) of the settled offers for
    questions since: one still waiting for an answer is not yet one nobody took, and one
    its colleague never `received` (Slack never delivered it, or it ran out, was taken
    over or passed over before it was sent) never will be."""
    statement = (
        select(Question.id, Question.asker_user_id, Offer.candidate_user_id, Offer.status)
        .join(Question, Question.id == Offer.question_id)
        .where(
            Offer.team_id == team_id,
            Question.created_at >= since,
            Offer.status != "pending",
            received(),
        )
    )
    async for rows in batches(session, statement, size=BATCH):
        yield [
            (qid, asker, offered, status in HELPED_OFFER_STATUSES)
            for qid, asker, offered, status in rows
        ]


async def network_topics(session: AsyncSession, team_id: str) -> list[list[str]]:
    """The topics of every network entry, and nothing else about it (counts only)."""
    rows = await session.scalars(select(Connection.topics).where(Connection.team_id == team_id))
    return [list(topics or ()) for topics in rows]


async def roles_of_active(session: AsyncSession, team_id: str) -> list[tuple[str, list[str], str]]:
    """(user id, roles, time zone) of every active person (the monthly DM looks for admins in
    it, and sends at 09:00 in their zone)."""
    rows = await session.execute(
        select(Person.user_id, Person.roles, Person.tz).where(
            Person.team_id == team_id, Person.is_bot.is_(False), Person.deactivated.is_(False)
        )
    )
    return [(user_id, list(roles or ()), tz) for user_id, roles, tz in rows]


async def direct_reports(session: AsyncSession, team_id: str, user_id: str) -> list[str]:
    """Who has `user_id` as their manager, bots aside (the analysis's org chart)."""
    rows = await session.scalars(
        select(Person.user_id).where(
            Person.team_id == team_id,
            Person.manager_user_id == user_id,
            Person.user_id != user_id,
            Person.is_bot.is_(False),
        )
    )
    return list(rows)


async def roles(session: AsyncSession, team_id: str, user_id: str) -> tuple[str, ...]:
    found = await session.scalar(
        select(Person.roles).where(Person.team_id == team_id, Person.user_id == user_id)
    )
    return tuple(found or ())


async def workspaces(session: AsyncSession) -> list[str]:
    """Every workspace that has people, for the CLI to pick from."""
    return list(await session.scalars(select(Person.team_id).distinct().order_by(Person.team_id)))
