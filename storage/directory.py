"""Queries on the expertise directory: people's org data, skills, aliases and networks."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Connection, Person, PersonSkill, Skill, SkillAlias
from storage.models.base import utcnow
from storage.upsert import insert_for

ORG_FIELDS = ("title", "team_name", "manager_user_id", "roles", "interests")
STATUS_FIELDS = ("routing_status", "away_until")


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


async def ensure_person(session: AsyncSession, team_id: str, user_id: str) -> Person:
    """The person's row, created empty when askaround has not seen them yet."""
    statement = (
        insert_for(session, Person)
        .values(team_id=team_id, user_id=user_id)
        .on_conflict_do_nothing(index_elements=["team_id", "user_id"])
    )
    await session.execute(statement)
    person = await session.scalar(
        select(Person).where(Person.team_id == team_id, Person.user_id == user_id)
    )
    assert person is not None
    return person


async def hold_person(session: AsyncSession, person: Person) -> None:
    """Make concurrent changes to one person's network wait for each other until this
    transaction ends, so each reads what the other left: PostgreSQL locks the person's row;
    on SQLite `ensure_person`'s insert has taken the one writer's lock already."""
    await session.execute(
        select(Person.id).where(Person.id == person.id).with_for_update(key_share=True)
    )


async def update_person(session: AsyncSession, person: Person, **fields: Any) -> None:
    unknown = set(fields) - {*ORG_FIELDS, *STATUS_FIELDS, "name", "real_name", "email", "tz"}
    if unknown:
        raise ValueError(f"not person fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(person, name, value)
    await session.flush()


async def people_by_handles(
    session: AsyncSession, team_id: str, handles: Iterable[str]
) -> dict[str, Person]:
    """People by Slack username or email, lowercased, for imports and `@name` in text."""
    wanted = {h.lower() for h in handles}
    if not wanted:
        return {}
    rows = await session.scalars(
        select(Person).where(
            Person.team_id == team_id,
            (func.lower(Person.name).in_(wanted)) | (func.lower(Person.email).in_(wanted)),
        )
    )
    found: dict[str, Person] = {}
    for person in rows:
        for handle in (person.name, person.email):
            if handle and handle.lower() in wanted:
                found[handle.lower()] = person
    return found


async def people_by_user_ids(
    session: AsyncSession, team_id: str, user_ids: Iterable[str]
) -> dict[str, Person]:
    ids = set(user_ids)
    if not ids:
        return {}
    rows = await session.scalars(
        select(Person).where(Person.team_id == team_id, Person.user_id.in_(ids))
    )
    return {p.user_id: p for p in rows}


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
    session: AsyncSession, person: Person, skill_id: int, level: int, source: str
) -> None:
    statement = insert_for(session, PersonSkill).values(
        team_id=person.team_id,
        person_id=person.id,
        skill_id=skill_id,
        level=level,
        source=source,
        updated_at=utcnow(),
    )
    await session.execute(skill_upsert(statement))


async def remove_person_skill(session: AsyncSession, person: Person, skill_id: int) -> bool:
    result = await session.execute(
        delete(PersonSkill).where(
            PersonSkill.person_id == person.id, PersonSkill.skill_id == skill_id
        )
    )
    return bool(getattr(result, "rowcount", 0))


def _skill_row(key: str, name: str, ps: PersonSkill) -> SkillRow:
    return SkillRow(key, name, ps.level, ps.source, ps.evidence, ps.updated_at)


async def skills_of(session: AsyncSession, person: Person) -> list[SkillRow]:
    """A person's skills, strongest first."""
    rows = await session.execute(
        select(Skill.key, Skill.name, PersonSkill)
        .join(PersonSkill, PersonSkill.skill_id == Skill.id)
        .where(PersonSkill.person_id == person.id)
        .order_by(PersonSkill.level.desc(), Skill.name)
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


async def connections_of(session: AsyncSession, person: Person) -> list[Connection]:
    rows = await session.scalars(
        select(Connection).where(Connection.person_id == person.id).order_by(Connection.id)
    )
    return list(rows)


async def add_connection(session: AsyncSession, person: Person, **fields: Any) -> Connection:
    connection = Connection(team_id=person.team_id, person_id=person.id, **fields)
    session.add(connection)
    await session.flush()
    return connection


async def delete_connections(session: AsyncSession, ids: Iterable[int]) -> int:
    result = await session.execute(delete(Connection).where(Connection.id.in_(set(ids))))
    return int(getattr(result, "rowcount", 0))


async def set_alias(session: AsyncSession, team_id: str, alias: str, skill_id: int) -> None:
    statement = insert_for(session, SkillAlias).values(
        team_id=team_id, alias=alias, skill_id=skill_id
    )
    statement = statement.on_conflict_do_update(
        index_elements=["team_id", "alias"], set_={"skill_id": skill_id}
    )
    await session.execute(statement)


async def merge_skills(session: AsyncSession, team_id: str, from_id: int, into_id: int) -> int:
    """Move everyone's `from` skill onto `into` (keeping the higher level), then drop `from`."""
    moving = list(await session.scalars(select(PersonSkill).where(PersonSkill.skill_id == from_id)))
    for ps in moving:
        existing = await session.get(PersonSkill, (ps.person_id, into_id))
        if existing is None:
            session.add(
                PersonSkill(
                    team_id=team_id,
                    person_id=ps.person_id,
                    skill_id=into_id,
                    level=ps.level,
                    source=ps.source,
                    evidence=ps.evidence,
                    updated_at=ps.updated_at,
                )
            )
        else:
            existing.level = max(existing.level, ps.level)
            existing.evidence += ps.evidence
    await session.flush()
    await session.execute(delete(PersonSkill).where(PersonSkill.skill_id == from_id))
    await session.execute(
        update(SkillAlias).where(SkillAlias.skill_id == from_id).values(skill_id=into_id)
    )
    await session.execute(delete(Skill).where(Skill.id == from_id))
    return len(moving)


async def forget_person(session: AsyncSession, person: Person) -> None:
    """Delete what the person told us (skills, interests, network). The directory's fields
    (title, team, manager, roles) and their routing status stay: the first belong to the
    organisation, and forgetting must never re-enable questions someone opted out of."""
    await session.execute(delete(PersonSkill).where(PersonSkill.person_id == person.id))
    await session.execute(delete(Connection).where(Connection.person_id == person.id))
    person.interests = []
    await session.flush()


async def all_people(session: AsyncSession, team_id: str) -> dict[str, Person]:
    rows = await session.scalars(select(Person).where(Person.team_id == team_id))
    return {p.user_id: p for p in rows}


# Bulk reads and writes for `askaround import people`: a chunk of rows in a few statements
# (executemany), so an import costs per chunk what the per-person functions above cost per row.
# Core statements on the tables: the ORM's bulk path would build each row again.

PERSON_FIELDS = ("name", "real_name", "email", "tz", *ORG_FIELDS)


@dataclass(frozen=True)
class PersonKeys:
    """What an import needs about everyone already there: how rows and managers name them."""

    user_id: str
    name: str | None
    email: str | None
    manager_user_id: str | None


@dataclass(frozen=True)
class ConnectionRow:
    id: int
    person_id: int
    colleague_user_id: str | None
    contact_name: str | None
    topics: tuple[str, ...]
    relationship: str


_CUSTOM_PLANS = text("SET LOCAL plan_cache_mode = force_custom_plan")
_DEFAULT_PLANS = text("SET LOCAL plan_cache_mode TO DEFAULT")


async def _look_up(session: AsyncSession, statement: Any) -> Iterable[Any]:
    """A look-up by a chunk's ids, planned by PostgreSQL for its own values.

    An import runs the same look-ups (a chunk's 1,000 user ids) hundreds of times while it
    fills the tables. After five runs of a prepared statement PostgreSQL may keep a generic
    plan, made while the table was empty (a sequential scan), and every later chunk then reads
    the whole table: a first import of 100,000 people took over 6 minutes instead of under 1.
    Only the look-ups: the foreign-key checks of the bulk inserts are prepared statements too,
    run once a row, and planning each of them made a chunk's ~15,000 person skills 3× slower."""
    if session.get_bind().dialect.name != "postgresql":
        return await session.execute(statement)
    await session.execute(_CUSTOM_PLANS)
    rows = await session.execute(statement)  # fetched whole, so the next statement may run
    await session.execute(_DEFAULT_PLANS)
    return rows


async def people_keys(session: AsyncSession, team_id: str) -> AsyncIterator[PersonKeys]:
    """Everyone's keys, streamed a few thousand rows at a time: a company-sized workspace is
    never held whole, as rows or as a dict."""
    rows = await session.stream(
        select(Person.user_id, Person.name, Person.email, Person.manager_user_id)
        .where(Person.team_id == team_id)
        .execution_options(yield_per=KEYS_BATCH)
    )
    async for row in rows:
        yield PersonKeys(*row)


KEYS_BATCH = 2000


async def people_profiles(session: AsyncSession, team_id: str) -> AsyncIterator[tuple[Any, ...]]:
    """(user id, name, real name, email, tz, is bot, deactivated) of everyone, streamed: what an
    import without Slack resolves rows with, without 100,000 ORM objects at once."""
    rows = await session.stream(
        select(
            Person.user_id,
            Person.name,
            Person.real_name,
            Person.email,
            Person.tz,
            Person.is_bot,
            Person.deactivated,
        )
        .where(Person.team_id == team_id)
        .execution_options(yield_per=KEYS_BATCH)
    )
    async for row in rows:
        yield tuple(row)


async def people_fields(
    session: AsyncSession, team_id: str, user_ids: Iterable[str]
) -> dict[str, tuple[int, dict[str, Any]]]:
    """user id → (person id, the PERSON_FIELDS), for the people already there."""
    ids = set(user_ids)
    if not ids:
        return {}
    columns = [getattr(Person, name) for name in PERSON_FIELDS]
    rows = await _look_up(
        session,
        select(Person.user_id, Person.id, *columns).where(
            Person.team_id == team_id, Person.user_id.in_(ids)
        ),
    )
    return {
        user_id: (person_id, dict(zip(PERSON_FIELDS, values, strict=True)))
        for user_id, person_id, *values in rows
    }


async def upsert_people(
    session: AsyncSession, team_id: str, people: list[dict[str, Any]], now: datetime
) -> dict[str, int]:
    """Insert or update people (each a `user_id` and PERSON_FIELDS); user id → person id.

    With RETURNING, SQLAlchemy sends the rows as a few multi-row INSERTs ("insertmanyvalues")
    rather than a statement a row, and the ids come back without a second look-up."""
    if not people:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        return await _upsert_people_from_arrays(session, team_id, people, now)
    statement = insert_for(session, Person.__table__)
    statement = statement.on_conflict_do_update(
        index_elements=["team_id", "user_id"],
        set_={
            **{name: getattr(statement.excluded, name) for name in PERSON_FIELDS},
            "updated_at": statement.excluded.updated_at,
        },
    ).returning(Person.user_id, Person.id)
    rows = await session.execute(
        statement, [{**person, "team_id": team_id, "updated_at": now} for person in people]
    )
    return {user_id: person_id for user_id, person_id in rows}


_JSON_FIELDS = ("roles", "interests")  # sent as JSON text
_UPSERT_PEOPLE_FROM_ARRAYS = text(
    f"""
    INSERT INTO people (team_id, user_id, {", ".join(PERSON_FIELDS)}, is_bot, deactivated,
                        routing_status, updated_at)
    SELECT CAST(:team_id AS VARCHAR), user_id,
           {", ".join(f"CAST({n} AS JSON)" if n in _JSON_FIELDS else n for n in PERSON_FIELDS)},
           CAST(:is_bot AS BOOLEAN), CAST(:deactivated AS BOOLEAN),
           CAST(:routing_status AS VARCHAR), CAST(:now AS TIMESTAMP WITH TIME ZONE)
    FROM unnest({", ".join(f"CAST(:{n} AS VARCHAR[])" for n in ("user_id", *PERSON_FIELDS))})
        AS given (user_id, {", ".join(PERSON_FIELDS)})
    ON CONFLICT (team_id, user_id) DO UPDATE SET
        {", ".join(f"{n} = excluded.{n}" for n in (*PERSON_FIELDS, "updated_at"))}
    RETURNING user_id, id
    """
)
# A new person's other columns, as the table's own defaults give them.
_NEW_PERSON_DEFAULTS = {
    name: Person.__table__.c[name].default.arg  # type: ignore[union-attr]
    for name in ("is_bot", "deactivated", "routing_status")
}


async def _upsert_people_from_arrays(
    session: AsyncSession, team_id: str, people: list[dict[str, Any]], now: datetime
) -> dict[str, int]:
    """`upsert_people` on PostgreSQL: one statement over a column's array each, as building
    a multi-row INSERT's 13 parameters a row was a quarter of an import's writing CPU."""
    columns = {
        name: [json.dumps(p[name]) for p in people]
        if name in _JSON_FIELDS
        else [p[name] for p in people]
        for name in ("user_id", *PERSON_FIELDS)
    }
    rows = await session.execute(
        _UPSERT_PEOPLE_FROM_ARRAYS,
        {**columns, **_NEW_PERSON_DEFAULTS, "team_id": team_id, "now": now},
    )
    return {user_id: person_id for user_id, person_id in rows}


async def skill_ids(session: AsyncSession, team_id: str) -> dict[str, int]:
    rows = await session.execute(select(Skill.key, Skill.id).where(Skill.team_id == team_id))
    return {key: skill_id for key, skill_id in rows}


async def ensure_skills(session: AsyncSession, team_id: str, names: dict[str, str]) -> None:
    """Create the skills (key → name) the workspace lacks; an existing one keeps its name."""
    if not names:
        return
    statement = insert_for(session, Skill.__table__).on_conflict_do_nothing(
        index_elements=["team_id", "key"]
    )
    await session.execute(
        statement, [{"team_id": team_id, "key": k, "name": n} for k, n in names.items()]
    )


async def skill_levels(
    session: AsyncSession, person_ids: Iterable[int]
) -> dict[int, dict[int, int]]:
    """person id → skill id → level, for these people (those with skills)."""
    ids = set(person_ids)
    if not ids:
        return {}
    rows = await _look_up(
        session,
        select(PersonSkill.person_id, PersonSkill.skill_id, PersonSkill.level).where(
            PersonSkill.person_id.in_(ids)
        ),
    )
    found: dict[int, dict[int, int]] = {}
    for person_id, skill, level in rows:
        found.setdefault(person_id, {})[skill] = level
    return found


_SET_SKILLS_FROM_ARRAYS = text(
    """
    INSERT INTO person_skills (team_id, person_id, skill_id, level, source, evidence, updated_at)
    SELECT CAST(:team_id AS VARCHAR), person, skill, level, CAST(:source AS VARCHAR), 0,
           CAST(:now AS TIMESTAMP WITH TIME ZONE)
    FROM unnest(CAST(:people AS INTEGER[]), CAST(:skills AS INTEGER[]), CAST(:levels AS INTEGER[]))
        AS given (person, skill, level)
    ON CONFLICT (person_id, skill_id)
    DO UPDATE SET level = excluded.level, source = excluded.source,
        updated_at = CASE WHEN person_skills.level <> excluded.level
                            OR person_skills.source <> excluded.source
                          THEN excluded.updated_at ELSE person_skills.updated_at END
    """
)


async def set_person_skills(
    session: AsyncSession,
    team_id: str,
    people: list[int],
    skills: list[int],
    levels: list[int],
    source: str,
) -> None:
    """`set_person_skill` for each (person id, skill id, level) of the three lists; on
    PostgreSQL one statement over arrays, as a row each (~15,000 a chunk) was most of an
    import's time there. No (person, skill) may come twice."""
    if not people:
        return
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            _SET_SKILLS_FROM_ARRAYS,
            {
                "team_id": team_id,
                "people": people,
                "skills": skills,
                "levels": levels,
                "source": source,
                "now": utcnow(),
            },
        )
        return
    now = utcnow()
    await session.execute(
        skill_upsert(insert_for(session, PersonSkill.__table__)),
        [
            {
                "team_id": team_id,
                "person_id": p,
                "skill_id": s,
                "level": level,
                "source": source,
                "updated_at": now,
            }
            for p, s, level in zip(people, skills, levels, strict=True)
        ],
    )


async def connections_for(
    session: AsyncSession, person_ids: Iterable[int]
) -> dict[int, list[ConnectionRow]]:
    """person id → their network rows, in the order they were added."""
    ids = set(person_ids)
    found: dict[int, list[ConnectionRow]] = {}
    if not ids:
        return found
    rows = await _look_up(
        session,
        select(
            Connection.id,
            Connection.person_id,
            Connection.colleague_user_id,
            Connection.contact_name,
            Connection.topics,
            Connection.relationship,
        )
        .where(Connection.person_id.in_(ids))
        .order_by(Connection.id),
    )
    for id_, person_id, colleague, contact, topics, relationship in rows:
        found.setdefault(person_id, []).append(
            ConnectionRow(id_, person_id, colleague, contact, tuple(topics or ()), relationship)
        )
    return found


async def write_connections(
    session: AsyncSession,
    team_id: str,
    changed: list[ConnectionRow],
    added: list[ConnectionRow],
) -> None:
    """Update the topics and relationship of `changed` (by id) and insert `added` (ids ignored)."""
    if changed:
        await session.execute(
            update(Connection),
            [
                {"id": c.id, "topics": list(c.topics), "relationship": c.relationship}
                for c in changed
            ],
        )
    if added:
        await session.execute(
            insert_for(session, Connection.__table__),
            [
                {
                    "team_id": team_id,
                    "person_id": c.person_id,
                    "colleague_user_id": c.colleague_user_id,
                    "contact_name": c.contact_name,
                    "topics": list(c.topics),
                    "relationship": c.relationship,
                }
                for c in added
            ],
        )
