"""What routing learns from: declared skills, solved questions, kudos and networks.

The readers stream one workspace a batch at a time (`stream_*`), so the in-memory
`RoutingIndex` is built without first holding every row as a Python object (for 100,000
people that is millions of rows). The writers of that evidence are in `storage/evidence.py`;
the counters that say what changed since an index was built, in `storage/routing_changes.py`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Executable, func, select
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
    Workspace,
)
from storage.offers import HELPED_OFFER_STATUSES
from storage.people import shown_name
from storage.units import execute

SOLVED = "solved"
BATCH = 1000


@dataclass(frozen=True)
class SolvedQuestion:
    """A resolved question: the helper is the accepted answerer, answerers all who helped."""

    asker_user_id: str
    text: str
    helper_user_id: str
    answerer_user_ids: tuple[str, ...] = ()
    created_at: datetime | None = None
    is_private: bool = False
    posted: bool = True  # asked in a message; `/ask` never was (`visibility.question_private`)


@dataclass(frozen=True)
class DeclaredSkill:
    user_id: str
    skill_key: str
    level: int
    source: str
    declared_at: datetime | None = None  # its last change; None when not known


@dataclass(frozen=True)
class NetworkEntry:
    user_id: str
    colleague_user_id: str | None
    contact_name: str | None
    topics: tuple[str, ...]
    relationship: str
    id: int = 0  # its `connections` row (0: not read from one), kept on the offer it makes


@dataclass(frozen=True)
class KudosEvidence:
    giver_user_id: str
    receiver_user_id: str
    message: str
    values: tuple[str, ...]
    created_at: datetime
    is_private: bool = False  # given in a private channel or a DM: ranks, never named
    id: int = 0  # the ledger's entry (0: not read from it), so an Undo can take it back
    quoted: bool = False  # its words are a message's, which may be edited or deleted


@dataclass(frozen=True)
class RoutingSnapshot:
    people: dict[str, str]
    skill_names: dict[str, str]
    skill_aliases: dict[str, str]
    person_skills: list[DeclaredSkill]
    solved: list[SolvedQuestion]
    kudos: list[KudosEvidence]
    network: list[NetworkEntry]


@dataclass(frozen=True)
class RoutingBasics:
    """The small part of a workspace: who is active (user id → name) and the vocabulary.

    People, declared skills and kudos all come ordered by user id (the order in which the
    index numbers people), so the index's lists are mostly built in order and rarely need
    sorting afterwards.

    Skills and aliases come in creation order: two skills that are the same phrase once
    tokenised (`log`, `logs`) resolve to the older one, whatever the database's plan.
    """

    people: dict[str, str]
    skill_names: dict[str, str]
    skill_aliases: dict[str, str]


# Whom routing may suggest: the workspace's people, not its apps nor those who left.
_ROUTED = (Person.is_bot.is_(False), Person.deactivated.is_(False))
PEOPLE_AT_ONCE = 1000  # user ids a statement names (SQLite allows some 32,000 parameters)


async def load_routing_basics(session: AsyncSession, team_id: str) -> RoutingBasics:
    people = {
        user_id: shown_name(user_id, real_name, name)
        for user_id, name, real_name in await session.execute(
            select(Person.user_id, Person.name, Person.real_name)
            .where(Person.team_id == team_id, *_ROUTED)
            .order_by(Person.user_id)
        )
    }
    names = dict(
        (
            await session.execute(
                select(Skill.key, Skill.name).where(Skill.team_id == team_id).order_by(Skill.id)
            )
        ).all()
    )
    return RoutingBasics(people, names, await skill_aliases(session, team_id))


async def skill_aliases(session: AsyncSession, team_id: str) -> dict[str, str]:
    """The workspace's aliases (alias → skill key) in creation order, as an index loads them:
    a catch-up reads them again to learn an admin's alias or merge (`bot.questions.indexes`)."""
    return dict(
        (
            await session.execute(
                select(SkillAlias.alias, Skill.key)
                .join(Skill, Skill.id == SkillAlias.skill_id)
                .where(SkillAlias.team_id == team_id)
                .order_by(SkillAlias.id)
            )
        ).all()
    )


async def skills_named(
    session: AsyncSession, team_id: str, keys: Collection[str]
) -> dict[str, str]:
    """Which of these skills the workspace has now, key → name (`load_routing_basics`), for
    an index to learn those created or deleted since its load."""
    wanted = sorted(keys)
    found: dict[str, str] = {}
    for start in range(0, len(wanted), PEOPLE_AT_ONCE):
        rows = await session.execute(
            select(Skill.key, Skill.name).where(
                Skill.team_id == team_id, Skill.key.in_(wanted[start : start + PEOPLE_AT_ONCE])
            )
        )
        found.update((key, name) for key, name in rows)
    return found


async def routed_people(
    session: AsyncSession, team_id: str, user_ids: Collection[str]
) -> dict[str, str | None]:
    """Each of these people as a routing index holds them (`load_routing_basics`): their
    name, or None for an app, someone who left, or nobody stored."""
    found: dict[str, str | None] = dict.fromkeys(user_ids)
    wanted = sorted(found)
    for start in range(0, len(wanted), PEOPLE_AT_ONCE):
        rows = await session.execute(
            select(Person.user_id, Person.name, Person.real_name).where(
                Person.team_id == team_id,
                Person.user_id.in_(wanted[start : start + PEOPLE_AT_ONCE]),
                *_ROUTED,
            )
        )
        for user_id, name, real_name in rows:
            found[user_id] = shown_name(user_id, real_name, name)
    return found


async def batches(
    session: AsyncSession, statement: Executable, *, size: int = BATCH
) -> AsyncIterator[Sequence[Any]]:
    """The statement's rows `size` at a time, streamed: the event loop runs between two
    batches, where a whole result was read and turned into rows in one stretch of it. Core
    rows, read on the session's connection: its statements select plain columns, which the
    ORM's loading would only slow (the insights read a million kudos so)."""
    connection = await session.connection()
    result = await connection.stream(statement.execution_options(yield_per=size))
    async for rows in result.partitions():
        yield rows


async def stream_declared_skills(
    session: AsyncSession, team_id: str, *, before: datetime | None = None, dated: bool = False
) -> AsyncIterator[list[DeclaredSkill]]:
    """Every declared skill of the workspace, BATCH at a time, by person; with `before`, only
    those last declared before then; `dated` also reads when (a cost the index load, which
    reads millions of them at 100,000 people, does without)."""
    statement = select(Person.user_id, Skill.key, PersonSkill.level, PersonSkill.source)
    if dated:
        statement = statement.add_columns(PersonSkill.updated_at)
    statement = (
        statement.join(Person, Person.id == PersonSkill.person_id)
        .join(Skill, Skill.id == PersonSkill.skill_id)
        .where(PersonSkill.team_id == team_id)
        .order_by(Person.user_id)
    )
    if before is not None:
        statement = statement.where(PersonSkill.updated_at < before)
    async for rows in batches(session, statement):
        yield [DeclaredSkill(*row) for row in rows]


def _solved_filter(team_id: str) -> tuple[ColumnElement[bool], ...]:
    return (
        Question.team_id == team_id,
        Question.status == SOLVED,
        Question.helper_user_id.is_not(None),
    )


async def count_solved(session: AsyncSession, team_id: str) -> int:
    statement = select(func.count()).select_from(Question).where(*_solved_filter(team_id))
    return int(await session.scalar(statement) or 0)


async def solved_time(session: AsyncSession, team_id: str, position: int) -> datetime | None:
    """When the position-th solved question (oldest first, as streamed) was asked."""
    return await session.scalar(
        select(Question.created_at)
        .where(*_solved_filter(team_id))
        .order_by(Question.created_at, Question.id)
        .offset(position)
        .limit(1)
    )


async def stream_solved_questions(
    session: AsyncSession, team_id: str
) -> AsyncIterator[list[SolvedQuestion]]:
    """Resolved questions oldest first, each with everyone who helped (the helper first)."""
    helped = Offer.status.in_(HELPED_OFFER_STATUSES)
    statement = (
        select(Question.id, Question.asker_user_id, Question.text, Question.helper_user_id)
        .add_columns(
            Question.created_at,
            Question.is_private,
            Question.message_ts.is_not(None),
            Offer.candidate_user_id,
        )
        .outerjoin(Offer, (Offer.question_id == Question.id) & helped)
        .where(*_solved_filter(team_id))
        .order_by(Question.created_at, Question.id, Offer.id)
    )
    current: list[Any] | None = None
    async for rows in batches(session, statement):
        batch = []
        for question_id, asker, text, helper, created_at, private, posted, candidate in rows:
            if current is None or current[0] != question_id:
                if current is not None:
                    batch.append(_solved(current))
                current = [question_id, asker, text, helper, created_at, [helper], private, posted]
            if candidate is not None and candidate not in current[5]:
                current[5].append(candidate)
        yield batch
    if current is not None:
        yield [_solved(current)]


def _solved(row: list[Any]) -> SolvedQuestion:
    _, asker, text, helper, created_at, answerers, private, posted = row
    return SolvedQuestion(
        asker, text, helper, tuple(answerers), created_at, bool(private), bool(posted)
    )


async def stream_kudos(
    session: AsyncSession, team_id: str, *, before: datetime | None = None
) -> AsyncIterator[list[KudosEvidence]]:
    """Every live kudos of the workspace (undone ones are taken back), BATCH at a time, by
    receiver, private ones marked so; with `before`, only those given before then."""
    statement = (
        select(*KUDOS_EVIDENCE)
        .where(Kudos.team_id == team_id, Kudos.undone_at.is_(None))
        .order_by(Kudos.receiver_user_id, Kudos.id)
    )
    if before is not None:
        statement = statement.where(Kudos.created_at < before)
    async for rows in batches(session, statement):
        yield [kudos_evidence(row) for row in rows]


KUDOS_EVIDENCE = (
    Kudos.giver_user_id,
    Kudos.receiver_user_id,
    Kudos.message,
    Kudos.values,
    Kudos.created_at,
    Kudos.is_private,
    Kudos.id,
    Kudos.quoted_ts,
    Kudos.undone_at,
)


def kudos_evidence(row: Any) -> KudosEvidence:
    giver, receiver, message, values, created_at, private, kudos_id, quoted_ts, _ = row
    values = tuple(values or ())
    quoted = quoted_ts is not None
    return KudosEvidence(
        giver, receiver, message, values, created_at, bool(private), int(kudos_id), quoted
    )


async def load_network(
    session: AsyncSession, team_id: str, user_ids: Collection[str] | None = None
) -> list[NetworkEntry]:
    """The workspace's network entries, or only those of the people `user_ids` (a catch-up,
    `bot.questions.indexes`), read PEOPLE_AT_ONCE at a time; in the order they were added,
    on either database and at every load: of a connector's contacts covering as many of
    the question's topics, their reason names the first given (`Network.suggestion`)."""
    query = (
        select(Person.user_id, Connection)
        .join(Person, Person.id == Connection.person_id)
        .where(Connection.team_id == team_id)
        .order_by(Connection.id)
    )
    if user_ids is None:
        queries = [query]
    else:
        wanted = sorted(user_ids)
        queries = [
            query.where(Person.user_id.in_(wanted[start : start + PEOPLE_AT_ONCE]))
            for start in range(0, len(wanted), PEOPLE_AT_ONCE)
        ]
    return [
        NetworkEntry(
            user_id,
            c.colleague_user_id,
            c.contact_name,
            tuple(c.topics or ()),
            c.relationship,
            c.id,
        )
        for query in queries
        for user_id, c in await session.execute(query)
    ]


async def load_routing_snapshot(session: AsyncSession, team_id: str) -> RoutingSnapshot:
    """Everything routing needs about one workspace in memory at once (solved oldest first).

    The bot streams instead (`load_index`); this is for tools that want the lists.
    """
    basics = await load_routing_basics(session, team_id)
    declared = [
        d async for batch in stream_declared_skills(session, team_id, dated=True) for d in batch
    ]
    solved = [q async for batch in stream_solved_questions(session, team_id) for q in batch]
    kudos = [k async for batch in stream_kudos(session, team_id) for k in batch]
    return RoutingSnapshot(
        people=basics.people,
        skill_names=basics.skill_names,
        skill_aliases=basics.skill_aliases,
        person_skills=declared,
        solved=solved,
        kudos=kudos,
        network=await load_network(session, team_id),
    )


async def routed_workspaces(session: AsyncSession) -> list[str]:
    """The workspaces whose routing index a replica builds as it starts: those with people,
    less the ones that uninstalled the app."""
    gone = select(Workspace.team_id).where(Workspace.uninstalled_at.is_not(None))
    rows = await execute(
        session,
        select(Person.team_id)
        .distinct()
        .where(Person.team_id.not_in(gone))
        .order_by(Person.team_id),
    )
    return list(rows.scalars())
