"""Bulk reads and writes for `askaround import people`: a chunk of rows in a few statements
(executemany), so an import costs per chunk what the per-person queries (`storage.people`,
`storage.skills`, `storage.network`) cost per row. Core statements on the tables: the ORM's
bulk path would build each row again."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Connection, Person, PersonSkill, Skill
from storage.people import ORG_FIELDS
from storage.skills import skill_upsert
from storage.units import dialect_of
from storage.upsert import insert_for

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
    if dialect_of(session) != "postgresql":
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
    if dialect_of(session) == "postgresql":
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
    at: datetime,
) -> None:
    """`set_person_skill` for each (person id, skill id, level) of the three lists; on
    PostgreSQL one statement over arrays, as a row each (~15,000 a chunk) was most of an
    import's time there. No (person, skill) may come twice. Written in person then skill
    order, the order a merge locks them in (`storage.skills.merge_skills`)."""
    if not people:
        return
    rows = sorted(zip(people, skills, levels, strict=True))
    people, skills, levels = [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
    if dialect_of(session) == "postgresql":
        await session.execute(
            _SET_SKILLS_FROM_ARRAYS,
            {
                "team_id": team_id,
                "people": people,
                "skills": skills,
                "levels": levels,
                "source": source,
                "now": at,
            },
        )
        return
    await session.execute(
        skill_upsert(insert_for(session, PersonSkill.__table__)),
        [
            {
                "team_id": team_id,
                "person_id": p,
                "skill_id": s,
                "level": level,
                "source": source,
                "updated_at": at,
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
