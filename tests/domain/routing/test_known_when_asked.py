"""The fit routes each past question with only what was known when it was asked: a skill
declared, or kudos given, after the first question fitted on teach it nothing. (Declared after
helping, a skill looks like foresight beside the very questions it came from.)"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from benchmarks.routing_validation import snapshot
from bot.clock import wall_clock as now
from bot.routing.evaluation import EPOCH, TEAM_ID, load_dataset, read_dataset
from bot.routing.fitting import TimeSplit, known_before
from bot.routing.loading import index_from_snapshot, load_index
from storage.evidence import declare_skills
from storage.models import Person
from storage.people import upsert_profile
from storage.people_import import set_person_skills
from storage.routing import (
    KudosEvidence,
    RoutingSnapshot,
    load_routing_snapshot,
    solved_time,
    stream_declared_skills,
    stream_kudos,
)
from storage.skills import set_person_skill, skill_id
from tests.domain.routing.test_eval_command import write_fixture


def _community(tmp_path: Path) -> RoutingSnapshot:
    write_fixture(tmp_path)
    return snapshot(read_dataset(tmp_path))


def _cutoff(community: RoutingSnapshot) -> datetime:
    asked = community.solved[TimeSplit(len(community.solved), lambda *_: None).cut].created_at
    assert asked is not None
    return asked


def _weights(community: RoutingSnapshot) -> list[float]:
    return [round(w, 9) for w in index_from_snapshot("T1", community).evidence.weights]


def _declared_at(community: RoutingSnapshot, when: datetime | None) -> RoutingSnapshot:
    skills = [replace(d, declared_at=when) for d in community.person_skills]
    return replace(community, person_skills=skills)


def test_a_skill_declared_after_the_questions_fitted_on_teaches_the_fit_nothing(
    tmp_path: Path,
) -> None:
    community = _community(tmp_path)
    asked = _cutoff(community)
    without = _weights(replace(community, person_skills=[]))
    assert _weights(_declared_at(community, asked)) == without
    assert _weights(_declared_at(community, None)) == without
    assert _weights(_declared_at(community, asked - timedelta(seconds=1))) != without


def test_kudos_given_after_the_questions_fitted_on_teach_the_fit_nothing(tmp_path: Path) -> None:
    community = _community(tmp_path)
    asked = _cutoff(community)
    helpers = sorted({q.helper_user_id for q in community.solved})

    def thanked(when: datetime) -> list[KudosEvidence]:
        return [
            KudosEvidence("UQ0", user, "kafka consumer lag rebalancing offsets", (), when)
            for user in helpers[:3]
        ]

    without = _weights(community)
    assert _weights(replace(community, kudos=thanked(asked + timedelta(days=1)))) == without
    assert _weights(replace(community, kudos=thanked(asked - timedelta(days=1)))) != without


def test_known_before_needs_both_times() -> None:
    now = datetime(2026, 12, 4, tzinfo=UTC)
    assert known_before(now - timedelta(seconds=1), now)
    assert not known_before(now, now)
    assert not known_before(None, now)
    assert not known_before(now, None)


async def test_the_database_gives_the_fit_what_was_known_when_the_questions_were_asked(
    tmp_path: Path, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """The eval stores the history as asked from EPOCH on and declares the skills as it loads:
    the bot's own load fits as if nobody had declared anything, and routes with the skills."""
    write_fixture(tmp_path)
    dataset = read_dataset(tmp_path)
    await load_dataset(sessions, dataset)
    async with sessions() as session:
        assert await solved_time(session, TEAM_ID, 0) == EPOCH
        assert await solved_time(session, TEAM_ID, 5) == EPOCH + timedelta(hours=5)
        everything = [
            d async for b in stream_declared_skills(session, TEAM_ID, dated=True) for d in b
        ]
        assert everything and all(d.declared_at and d.declared_at > EPOCH for d in everything)
        later = datetime.now(UTC) + timedelta(minutes=1)
        assert [
            d
            async for b in stream_declared_skills(session, TEAM_ID, before=later, dated=True)
            for d in b
        ] == everything
        assert not [
            d async for b in stream_declared_skills(session, TEAM_ID, before=EPOCH) for d in b
        ]
        assert not [k async for b in stream_kudos(session, TEAM_ID, before=EPOCH) for k in b]
        stored = await load_routing_snapshot(session, TEAM_ID)
    index = await load_index(sessions, TEAM_ID)
    unknowing = index_from_snapshot("T1", replace(snapshot(dataset), person_skills=[]))
    assert np.allclose(index.evidence.weights, unknowing.evidence.weights)
    from_stored = index_from_snapshot("T1", stored)  # the tools' path applies it too
    assert np.allclose(from_stored.evidence.weights, index.evidence.weights)
    assert index.fitted_on == unknowing.fitted_on > 0
    expert = next(p for p in dataset.people if p["skills"])
    (topic, level), *_ = expert["skills"].items()
    assert index.evidence.level(str(expert["user"]), topic) == level  # routing itself uses them


async def _times(sessions: async_sessionmaker[AsyncSession]) -> dict[str, datetime | None]:
    async with sessions() as session:
        return {
            d.skill_key: d.declared_at
            async for batch in stream_declared_skills(session, "TSKILL", dated=True)
            for d in batch
        }


async def test_a_skill_keeps_its_time_until_its_level_or_source_changes(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Declaring the same level again (a re-import, a second Save) is no new declaration; a
    new level, or a learned skill now declared, is."""
    async with sessions() as session, session.begin():
        await upsert_profile(session, "TSKILL", "U1", name="Ann")
        await declare_skills(session, "TSKILL", {"U1": {"kafka": 3, "terraform": 2}}, at=now())
    first = await _times(sessions)
    async with sessions() as session, session.begin():
        await declare_skills(session, "TSKILL", {"U1": {"kafka": 3, "terraform": 4}}, at=now())
        person = await session.scalar(select(Person).where(Person.user_id == "U1"))
        assert person is not None
        kafka = await skill_id(session, "TSKILL", "kafka")
        assert kafka is not None
        await set_person_skill(session, person, kafka, 3, "declared", now())
    again = await _times(sessions)
    assert again["kafka"] == first["kafka"]
    assert again["terraform"] and first["terraform"] and again["terraform"] > first["terraform"]
    async with sessions() as session, session.begin():
        person = await session.scalar(select(Person).where(Person.user_id == "U1"))
        assert person is not None and kafka is not None
        await set_person_skill(session, person, kafka, 3, "evidence", now())
    learned = await _times(sessions)
    assert learned["kafka"] and again["kafka"] and learned["kafka"] > again["kafka"]
    assert learned["terraform"] == again["terraform"]
    async with sessions() as session, session.begin():  # an import (one statement on PostgreSQL)
        person = await session.scalar(select(Person).where(Person.user_id == "U1"))
        terraform = await skill_id(session, "TSKILL", "terraform")
        assert person is not None and kafka is not None and terraform is not None
        await set_person_skills(
            session, "TSKILL", [person.id, person.id], [kafka, terraform], [3, 5], "evidence", now()
        )
    imported = await _times(sessions)
    assert imported["kafka"] == learned["kafka"]
    assert imported["terraform"] and learned["terraform"]
    assert imported["terraform"] > learned["terraform"]
