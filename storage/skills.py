"""Queries on skills: the workspace's skill names and aliases, who declared which, and at
what level; what `/skills`, the admin's merges and routing's expert look-up read and write."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Person, PersonSkill, Skill, SkillAlias
from storage.models.base import utcnow
from storage.ordering import in_code_point_order
from storage.upsert import insert_for


@dataclass(frozen=True)
class SkillRow:
    key: str
    name: str
    level: int
    source: str
    evidence: int
    updated_at: datetime


@dataclass(frozen=True)
class ExpertRow:
    person: Person
    skill: SkillRow


async def team_vocabulary(
    session: AsyncSession, team_id: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The workspace's own skills (key → name) and aliases (alias → key). A skill nobody
    holds any more, and no admin gave an alias, is left out: its name is what one person
    typed, and after they removed it (or `/skills forget me`) it must not live on in
    everyone's type-ahead."""
    held = select(PersonSkill.skill_id).where(PersonSkill.skill_id == Skill.id).exists()
    aliased = select(SkillAlias.skill_id).where(SkillAlias.skill_id == Skill.id).exists()
    skills = {
        key: name
        for key, name in await session.execute(
            select(Skill.key, Skill.name).where(Skill.team_id == team_id, or_(held, aliased))
        )
    }
    aliases = {
        alias: key
        for alias, key in await session.execute(
            select(SkillAlias.alias, Skill.key)
            .join(Skill, Skill.id == SkillAlias.skill_id)
            .where(SkillAlias.team_id == team_id)
        )
    }
    return skills, aliases


async def ensure_skill(session: AsyncSession, team_id: str, key: str, name: str) -> int:
    statement = (
        insert_for(session, Skill)
        .values(team_id=team_id, key=key, name=name)
        .on_conflict_do_nothing(index_elements=["team_id", "key"])
    )
    await session.execute(statement)
    skill_id = await session.scalar(
        select(Skill.id).where(Skill.team_id == team_id, Skill.key == key)
    )
    assert skill_id is not None
    return int(skill_id)


async def skill_id(session: AsyncSession, team_id: str, key: str) -> int | None:
    return await session.scalar(select(Skill.id).where(Skill.team_id == team_id, Skill.key == key))


def skill_upsert(statement: Any) -> Any:
    """An insert of person_skills rows that updates a row already there: its level and source,
    and `updated_at` only when either changes, so it says when the skill was last declared as
    it is (routing's fit routes a past question only with skills declared before it)."""
    table, new = PersonSkill.__table__, statement.excluded
    changed = or_(table.c.level != new.level, table.c.source != new.source)
    return statement.on_conflict_do_update(
        index_elements=["person_id", "skill_id"],
        set_={
            "level": new.level,
            "source": new.source,
            "updated_at": case((changed, new.updated_at), else_=table.c.updated_at),
        },
    )


async def set_person_skill(
    session: AsyncSession, person: Person, skill_id: int, level: int, source: str, at: datetime
) -> None:
    statement = insert_for(session, PersonSkill).values(
        team_id=person.team_id,
        person_id=person.id,
        skill_id=skill_id,
        level=level,
        source=source,
        updated_at=at,
    )
    await session.execute(skill_upsert(statement))


async def remove_person_skill(session: AsyncSession, person: Person, skill_id: int) -> bool:
    result = await session.execute(
        delete(PersonSkill).where(
            PersonSkill.person_id == person.id, PersonSkill.skill_id == skill_id
        )
    )
    await drop_unheld(session, person.team_id, [skill_id])
    return bool(getattr(result, "rowcount", 0))


async def drop_unheld(session: AsyncSession, team_id: str, skill_ids: Iterable[int]) -> None:
    """Delete those of these skills nobody holds any more and no admin gave an alias: the
    name is what the people who held it typed, and they removed it (`team_vocabulary` keeps
    such a row out of the type-ahead; this keeps it out of the database)."""
    held = select(PersonSkill.skill_id).where(PersonSkill.skill_id == Skill.id).exists()
    aliased = select(SkillAlias.skill_id).where(SkillAlias.skill_id == Skill.id).exists()
    await session.execute(
        delete(Skill)
        .where(Skill.team_id == team_id, Skill.id.in_(list(skill_ids)), ~held, ~aliased)
        .execution_options(synchronize_session=False)
    )


def _skill_row(key: str, name: str, ps: PersonSkill) -> SkillRow:
    return SkillRow(key, name, ps.level, ps.source, ps.evidence, ps.updated_at)


async def skills_of(session: AsyncSession, person: Person) -> list[SkillRow]:
    """A person's skills, strongest first."""
    rows = await session.execute(
        select(Skill.key, Skill.name, PersonSkill)
        .join(PersonSkill, PersonSkill.skill_id == Skill.id)
        .where(PersonSkill.person_id == person.id)
        .order_by(PersonSkill.level.desc(), in_code_point_order(Skill.name))
    )
    return [_skill_row(key, name, ps) for key, name, ps in rows]


async def experts(session: AsyncSession, team_id: str, keys: Iterable[str]) -> list[ExpertRow]:
    """Active people who declared any of these skills (deactivated ones and bots are left out)."""
    rows = await session.execute(
        select(Person, Skill.key, Skill.name, PersonSkill)
        .join(PersonSkill, PersonSkill.person_id == Person.id)
        .join(Skill, Skill.id == PersonSkill.skill_id)
        .where(
            Person.team_id == team_id,
            Skill.key.in_(set(keys)),
            Person.deactivated.is_(False),
            Person.is_bot.is_(False),
        )
    )
    return [ExpertRow(person, _skill_row(key, name, ps)) for person, key, name, ps in rows]


async def merged_into(session: AsyncSession, team_id: str, keys: Iterable[str]) -> dict[str, str]:
    """The skill each of these keys now means, by name, where the key is no skill's own but an
    alias: an admin merged that skill into another (`merge_skills` leaves its key an alias)."""
    rows = await session.execute(
        select(SkillAlias.alias, Skill.name)
        .join(Skill, Skill.id == SkillAlias.skill_id)
        .where(SkillAlias.team_id == team_id, SkillAlias.alias.in_(list(keys)))
    )
    return {alias: name for alias, name in rows}


async def names_of(session: AsyncSession, team_id: str, keys: Iterable[str]) -> set[str]:
    """The names of the skills with these keys."""
    names = await session.scalars(
        select(Skill.name).where(Skill.team_id == team_id, Skill.key.in_(list(keys)))
    )
    return set(names.all())


async def set_alias(session: AsyncSession, team_id: str, alias: str, skill_id: int) -> None:
    statement = insert_for(session, SkillAlias).values(
        team_id=team_id, alias=alias, skill_id=skill_id
    )
    statement = statement.on_conflict_do_update(
        index_elements=["team_id", "alias"], set_={"skill_id": skill_id}
    )
    await session.execute(statement)


async def merge_skills(
    session: AsyncSession, team_id: str, from_id: int, into_id: int
) -> list[int]:
    """Move everyone's `from` skill onto `into`, then drop `from`; the ids of the people moved,
    in order. Someone who holds both keeps the higher level and the two skills' evidence
    summed (`updated_at` is now when either changed); someone who held `from` alone holds
    `into` as they held `from`. A few statements whatever the number of people (one a person
    took 0.6 s of CPU for 1,000 people).

    The caller holds the workspace's row (`storage.workspaces.hold_for_profiles`); the rows
    of both skills are then locked in one statement, person by person in id order, the order
    every writer of several people's skills takes (an import's chunk)."""
    ps, other = PersonSkill.__table__, PersonSkill.__table__.alias("other")
    held = PersonSkill.__table__.alias("held")
    holders = select(held.c.person_id).where(held.c.skill_id == from_id).scalar_subquery()
    moved = list(
        dict.fromkeys(
            await session.scalars(
                select(ps.c.person_id)
                .where(ps.c.skill_id.in_((from_id, into_id)), ps.c.person_id.in_(holders))
                .order_by(ps.c.person_id, ps.c.skill_id)
                .with_for_update()
            )
        )
    )
    if not moved:
        await _drop_merged(session, from_id, into_id)
        return moved
    theirs = select(other.c.level, other.c.evidence).where(
        other.c.person_id == ps.c.person_id, other.c.skill_id == from_id
    )
    level, evidence = (
        theirs.with_only_columns(column).scalar_subquery() for column in theirs.selected_columns
    )
    raised = case((level > ps.c.level, level), else_=ps.c.level)
    await session.execute(
        update(PersonSkill)
        .where(ps.c.skill_id == into_id, ps.c.person_id.in_(holders))
        .values(
            level=raised,
            evidence=ps.c.evidence + evidence,
            updated_at=case(
                (or_(level > ps.c.level, evidence != 0), literal(utcnow(), ps.c.updated_at.type)),
                else_=ps.c.updated_at,
            ),
        )
        .execution_options(synchronize_session=False)
    )
    has_into = select(other.c.person_id).where(
        other.c.person_id == ps.c.person_id, other.c.skill_id == into_id
    )
    columns = ("person_id", "level", "source", "evidence", "updated_at")
    await session.execute(
        insert_for(session, PersonSkill).from_select(
            ["team_id", "skill_id", *columns],
            select(literal(team_id), literal(into_id), *(ps.c[name] for name in columns)).where(
                ps.c.skill_id == from_id, ~has_into.exists()
            ),
        )
    )
    await _drop_merged(session, from_id, into_id)
    return moved


async def _drop_merged(session: AsyncSession, from_id: int, into_id: int) -> None:
    await session.execute(
        delete(PersonSkill)
        .where(PersonSkill.skill_id == from_id)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(SkillAlias).where(SkillAlias.skill_id == from_id).values(skill_id=into_id)
    )
    await session.execute(delete(Skill).where(Skill.id == from_id))
