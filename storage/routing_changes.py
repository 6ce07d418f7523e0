"""What routing follows as it changes: the workspace's counters (`Versions`), counted up in the
unit of work that changes declared skills, network entries or kudos (or that routing must be
rebuilt), and the changes since a count.

Each replica's routing index reads them to catch up in place (`bot.questions.indexes`); the
readers it is built from are in `storage/routing.py`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Kudos, Person, PersonSkill, Skill, Workspace
from storage.routing import (
    KUDOS_EVIDENCE,
    PEOPLE_AT_ONCE,
    KudosEvidence,
    batches,
    kudos_evidence,
)
from storage.workspaces import ensure_workspace


@dataclass(frozen=True)
class Versions:
    """The workspace's counters a routing index follows (`bot.questions.indexes`)."""

    profiles: int = 0
    skills: int = 0
    kudos: int = 0
    rebuild: int = 0


@dataclass(frozen=True)
class KudosChanged:
    """A kudos undone (not `live`) or whose quoted message was edited or deleted (`kudos` as
    it now reads), and its receiver's kudos live now (what they are still thanked for)."""

    kudos: KudosEvidence
    live: bool
    kept: tuple[KudosEvidence, ...]


async def routing_versions(session: AsyncSession, team_id: str) -> Versions:
    """The workspace's counters, all 0 before its first use: one small read per question, by
    which a routing index knows it must rebuild or catch up."""
    found = (
        await session.execute(
            select(
                Workspace.profiles_version,
                Workspace.skills_version,
                Workspace.kudos_version,
                Workspace.rebuild_version,
            ).where(Workspace.team_id == team_id)
        )
    ).first()
    return Versions(*(int(v) for v in found)) if found else Versions()


async def _count_up(session: AsyncSession, team_id: str, counter: Any) -> int:
    """Add one to a workspace's counter; the row's lock orders the counts as the commits."""
    await ensure_workspace(session, team_id)
    version = await session.scalar(
        update(Workspace)
        .where(Workspace.team_id == team_id)
        .values({counter: counter + 1})
        .returning(counter)
    )
    return int(version or 0)


async def skills_changed(session: AsyncSession, team_id: str, person_ids: Collection[int]) -> None:
    """Count a change to these people's declared skills or network entries (what a catch-up
    re-reads of them), in the unit of work that made it; the workspace row's lock orders the
    counts as the commits. That unit of work took the row first
    (`storage.workspaces.hold_for_profiles`), before any person's, as every writer of
    profiles does (else two of them deadlock on PostgreSQL). One count for them all (an
    import's; an admin's alias, or merge with the people whose declarations it moved, whose
    catch-up also re-reads the aliases), their rows marked PEOPLE_AT_ONCE at a time."""
    version = await _count_up(session, team_id, Workspace.skills_version)
    ids = sorted(person_ids)
    for start in range(0, len(ids), PEOPLE_AT_ONCE):
        await session.execute(
            update(Person)
            .where(Person.id.in_(ids[start : start + PEOPLE_AT_ONCE]))
            # `updated_at` says when Slack last described them: an import's row of someone
            # it never described must stay so (`storage.people.NEVER_DESCRIBED`).
            .values(skills_version=version, updated_at=Person.updated_at)
            .execution_options(synchronize_session=False)
        )


async def rebuild_routing(session: AsyncSession, team_id: str) -> None:
    """Count a change routing's index cannot apply in place (a channel made private, words
    taken out of a solved question), in the unit of work that made it: every replica
    rebuilds its copy before the next question."""
    await _count_up(session, team_id, Workspace.rebuild_version)


async def skills_since(
    session: AsyncSession, team_id: str, version: int
) -> tuple[int, dict[str, dict[str, int]]]:
    """The workspace's skills_version now, and the declared skills (key → level) of each
    person whose skills changed after `version` (an empty dict: they hold none now)."""
    now = (await routing_versions(session, team_id)).skills
    changed: dict[str, dict[str, int]] = {}
    if now <= version:
        return now, changed
    statement = (
        select(Person.user_id, Skill.key, PersonSkill.level)
        .outerjoin(PersonSkill, PersonSkill.person_id == Person.id)
        .outerjoin(Skill, Skill.id == PersonSkill.skill_id)
        .where(Person.team_id == team_id, Person.skills_version > version)
    )
    # Streamed: an import's 1,000 people are some 15,000 rows, which read at once held the
    # event loop 18 ms of CPU in one stretch at 10,000 people (`benchmarks.catch_up_stall`).
    async for rows in batches(session, statement):
        for user_id, key, level in rows:
            skills = changed.setdefault(user_id, {})
            if key is not None:
                skills[key] = int(level)
    return now, changed


async def kudos_undone(session: AsyncSession, team_id: str, batch_key: str) -> None:
    """Count the Undo of this act of giving, in the unit of work that marked its entries undone;
    the workspace row's lock orders the counts as the commits."""
    await _kudos_changed(session, team_id, Kudos.batch_key == batch_key)


async def kudos_requoted(session: AsyncSession, team_id: str, channel_id: str, ts: str) -> None:
    """Count an edit or deletion of the message these kudos quote, in its unit of work."""
    quoting = (Kudos.quoted_channel_id == channel_id) & (Kudos.quoted_ts == ts)
    await _kudos_changed(session, team_id, quoting)


async def _kudos_changed(session: AsyncSession, team_id: str, which: ColumnElement[bool]) -> None:
    version = await _count_up(session, team_id, Workspace.kudos_version)
    await session.execute(
        update(Kudos)
        .where(Kudos.team_id == team_id, which)
        .values(kudos_version=version)
        .execution_options(synchronize_session=False)
    )


async def kudos_since(
    session: AsyncSession, team_id: str, version: int
) -> tuple[int, list[KudosChanged]]:
    """The workspace's kudos_version now, and each kudos changed after `version` with its
    receiver's kudos live now."""
    now = (await routing_versions(session, team_id)).kudos
    if now <= version:
        return now, []
    rows = await session.execute(
        select(*KUDOS_EVIDENCE)
        .where(Kudos.team_id == team_id, Kudos.kudos_version > version)
        .order_by(Kudos.id)
    )
    changed = [(kudos_evidence(row), row[-1] is None) for row in rows]
    receivers = {k.receiver_user_id for k, _ in changed}
    kept: dict[str, list[KudosEvidence]] = {receiver: [] for receiver in receivers}
    rows = await session.execute(
        select(*KUDOS_EVIDENCE).where(
            Kudos.team_id == team_id,
            Kudos.receiver_user_id.in_(receivers),
            Kudos.undone_at.is_(None),
        )
    )
    for row in rows:
        kept[row[1]].append(kudos_evidence(row))
    return now, [KudosChanged(k, live, tuple(kept[k.receiver_user_id])) for k, live in changed]
