"""What routing learns from: declared skills, solved questions, kudos and networks.

`load_routing_snapshot` reads one workspace in a handful of queries so the in-memory
`RoutingIndex` can be rebuilt at start-up; the writers record declared skills and solved
questions the same way for the bot and for `askaround eval routing`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Connection,
    Kudos,
    Offer,
    Person,
    PersonSkill,
    Question,
    Skill,
    SkillAlias,
    utcnow,
)
from storage.upsert import insert_for

SOLVED = "solved"
HELPED_OFFER_STATUSES = ("accepted", "answered")


@dataclass(frozen=True)
class SolvedQuestion:
    """A resolved question: the helper is the accepted answerer, answerers all who helped."""

    asker_user_id: str
    text: str
    helper_user_id: str
    answerer_user_ids: tuple[str, ...] = ()
    created_at: datetime | None = None


@dataclass(frozen=True)
class DeclaredSkill:
    user_id: str
    skill_key: str
    level: int
    source: str


@dataclass(frozen=True)
class NetworkEntry:
    user_id: str
    colleague_user_id: str | None
    contact_name: str | None
    topics: tuple[str, ...]
    relationship: str


@dataclass(frozen=True)
class KudosEvidence:
    giver_user_id: str
    receiver_user_id: str
    message: str
    values: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class RoutingSnapshot:
    people: dict[str, str]
    skill_names: dict[str, str]
    skill_aliases: dict[str, str]
    person_skills: list[DeclaredSkill]
    solved: list[SolvedQuestion]
    kudos: list[KudosEvidence]
    network: list[NetworkEntry]


async def load_routing_snapshot(session: AsyncSession, team_id: str) -> RoutingSnapshot:
    """Everything routing needs about one workspace; solved questions oldest first."""
    people = {
        user_id: real_name or name or user_id
        for user_id, name, real_name in await session.execute(
            select(Person.user_id, Person.name, Person.real_name).where(
                Person.team_id == team_id,
                Person.is_bot.is_(False),
                Person.deactivated.is_(False),
            )
        )
    }
    skill_rows = (await session.execute(select(Skill).where(Skill.team_id == team_id))).scalars()
    skills = {skill.id: skill for skill in skill_rows}
    aliases = {
        alias: skills[skill_id].key
        for alias, skill_id in await session.execute(
            select(SkillAlias.alias, SkillAlias.skill_id).where(SkillAlias.team_id == team_id)
        )
        if skill_id in skills
    }
    person_skills = [
        DeclaredSkill(user_id, skills[skill_id].key, level, source)
        for user_id, skill_id, level, source in await session.execute(
            select(Person.user_id, PersonSkill.skill_id, PersonSkill.level, PersonSkill.source)
            .join(Person, Person.id == PersonSkill.person_id)
            .where(PersonSkill.team_id == team_id)
        )
    ]
    return RoutingSnapshot(
        people=people,
        skill_names={skill.key: skill.name for skill in skills.values()},
        skill_aliases=aliases,
        person_skills=person_skills,
        solved=await _solved_questions(session, team_id),
        kudos=await _kudos(session, team_id),
        network=await _network(session, team_id),
    )


async def _solved_questions(session: AsyncSession, team_id: str) -> list[SolvedQuestion]:
    helpers: dict[int, list[str]] = {}
    for question_id, candidate in await session.execute(
        select(Offer.question_id, Offer.candidate_user_id)
        .where(Offer.team_id == team_id, Offer.status.in_(HELPED_OFFER_STATUSES))
        .order_by(Offer.id)
    ):
        helpers.setdefault(question_id, []).append(candidate)
    rows = await session.execute(
        select(Question.id, Question.asker_user_id, Question.text, Question.helper_user_id)
        .add_columns(Question.created_at)
        .where(
            Question.team_id == team_id,
            Question.status == SOLVED,
            Question.helper_user_id.is_not(None),
        )
        .order_by(Question.created_at, Question.id)
    )
    solved = []
    for question_id, asker, text, helper, created_at in rows:
        answerers = [helper, *(u for u in helpers.get(question_id, ()) if u != helper)]
        solved.append(SolvedQuestion(asker, text, helper, tuple(answerers), created_at))
    return solved


async def _kudos(session: AsyncSession, team_id: str) -> list[KudosEvidence]:
    rows = (await session.execute(select(Kudos).where(Kudos.team_id == team_id))).scalars()
    return [
        KudosEvidence(
            k.giver_user_id, k.receiver_user_id, k.message, tuple(k.values or ()), k.created_at
        )
        for k in rows
    ]


async def _network(session: AsyncSession, team_id: str) -> list[NetworkEntry]:
    rows = await session.execute(
        select(Person.user_id, Connection)
        .join(Person, Person.id == Connection.person_id)
        .where(Connection.team_id == team_id)
    )
    return [
        NetworkEntry(
            user_id,
            c.colleague_user_id,
            c.contact_name,
            tuple(c.topics or ()),
            c.relationship,
        )
        for user_id, c in rows
    ]


async def ensure_skills(
    session: AsyncSession, team_id: str, names: Mapping[str, str]
) -> dict[str, int]:
    """Create missing skills (key → display name) and return every key's id."""
    if names:
        statement = insert_for(session, Skill).on_conflict_do_nothing(
            index_elements=["team_id", "key"]
        )
        await session.execute(
            statement, [{"team_id": team_id, "key": k, "name": n} for k, n in names.items()]
        )
    rows = await session.execute(
        select(Skill.key, Skill.id).where(Skill.team_id == team_id, Skill.key.in_(list(names)))
    )
    return {key: skill_id for key, skill_id in rows}


async def declare_skills(
    session: AsyncSession,
    team_id: str,
    levels: Mapping[str, Mapping[str, int]],
    source: str = "declared",
) -> int:
    """Set people's skill levels (user → skill key → level); people must exist. Returns rows."""
    keys = {key for skills in levels.values() for key in skills}
    skill_ids = await ensure_skills(session, team_id, {key: key for key in keys})
    person_ids = dict(
        (
            await session.execute(
                select(Person.user_id, Person.id).where(
                    Person.team_id == team_id, Person.user_id.in_(list(levels))
                )
            )
        ).all()
    )
    rows = [
        {
            "team_id": team_id,
            "person_id": person_ids[user_id],
            "skill_id": skill_ids[key],
            "level": level,
            "source": source,
        }
        for user_id, skills in levels.items()
        if user_id in person_ids
        for key, level in skills.items()
    ]
    if rows:
        statement = insert_for(session, PersonSkill)
        statement = statement.on_conflict_do_update(
            index_elements=["person_id", "skill_id"],
            set_={"level": statement.excluded.level, "source": statement.excluded.source},
        )
        await session.execute(statement, rows)
    return len(rows)


async def record_solved_questions(
    session: AsyncSession, team_id: str, questions: Iterable[SolvedQuestion], channel_id: str
) -> int:
    """Store resolved questions: helper on the question, every answerer as an offer row."""
    count = 0
    offers: list[dict[str, object]] = []
    for question in questions:
        created = question.created_at or utcnow()
        question_id = await session.scalar(
            insert_for(session, Question)
            .values(
                team_id=team_id,
                asker_user_id=question.asker_user_id,
                channel_id=channel_id,
                text=question.text,
                status=SOLVED,
                helper_user_id=question.helper_user_id,
                created_at=created,
                resolved_at=created,
            )
            .returning(Question.id)
        )
        offers.extend(_offer_rows(team_id, question_id, question, created))
        count += 1
    if offers:
        await session.execute(insert_for(session, Offer), offers)
    return count


def _offer_rows(
    team_id: str, question_id: int | None, question: SolvedQuestion, created: datetime
) -> Sequence[dict[str, object]]:
    answerers = dict.fromkeys((question.helper_user_id, *question.answerer_user_ids))
    return [
        {
            "team_id": team_id,
            "question_id": question_id,
            "candidate_user_id": user_id,
            "status": "accepted" if user_id == question.helper_user_id else "answered",
            "created_at": created,
            "responded_at": created,
        }
        for user_id in answerers
    ]
