"""The routing index cache on a real database: built at start for every workspace with
people, ready only after; a question during that build waits for it instead of building its
own; a skills change made through one replica reaches another's copy in place, and a
deletion from a profile makes every copy rebuild (issue 14, company scale)."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.directory.parse import SkillInput
from bot.directory.profiles import ProfileService
from bot.questions.indexes import IndexCache
from bot.routing.engine import RoutingIndex
from bot.routing.suggestion import Suggestion
from storage import people as q
from storage import uninstalls, workspaces

T = "T1"


async def people(sessions: async_sessionmaker[AsyncSession], team_id: str, *names: str) -> None:
    async with sessions() as s, s.begin():
        await workspaces.ensure_workspace(s, team_id)
        for name in names:
            person = await q.ensure_person(s, team_id, f"U{name.upper()}")
            await q.update_person(s, person, name=name)


def experts(suggestions: list[Suggestion]) -> list[str]:
    return [s.user_id for s in suggestions]


async def test_warm_builds_every_workspace_and_a_question_waits_for_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await people(sessions, T, "alice", "bob")
    await people(sessions, "T2", "carol")
    async with sessions() as s, s.begin():
        await workspaces.ensure_workspace(s, "TGONE")
        await q.ensure_person(s, "TGONE", "UZED")
        await uninstalls.mark_uninstalled(s, "TGONE", Clock().now())
    cache = IndexCache(sessions)
    assert not cache.ready
    warming = asyncio.create_task(cache.warm_all())
    await asyncio.sleep(0)  # the warm-up holds the first workspace's lock now
    index = await cache.get(T)  # waits for that build
    await warming
    assert cache.ready
    assert await cache.get(T) is index and set(cache._indexes) == {T, "T2"}


async def test_skills_reach_another_replica_in_place_and_deletions_rebuild(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await people(sessions, T, "alice", "bob", "carol")
    directory = ProfileService(sessions, Clock())
    await directory.add_skills(T, "UBOB", [SkillInput("terraform", 4)])
    here, there = IndexCache(sessions), IndexCache(sessions)
    await here.warm_all()
    await there.warm_all()
    built = await there.get(T)
    assert experts(built.suggest("how to import terraform state", "UALICE")) == ["UBOB"]

    await directory.add_skills(T, "UCAROL", [SkillInput("cobol", 5), SkillInput("terraform", 5)])
    index = await there.get(T)
    assert index is built
    assert experts(index.suggest("reading cobol copybooks", "UALICE")) == ["UCAROL"]
    assert set(experts(index.suggest("terraform state import", "UALICE"))) == {"UCAROL", "UBOB"}
    fresh = await RoutingIndex.load(sessions, T)  # what a rebuild would say: the same order
    for text in ("terraform state import", "cobol and terraform", "go"):
        assert experts(index.suggest(text, "UALICE")) == experts(fresh.suggest(text, "UALICE"))

    await directory.remove_skills(T, "UCAROL", ["cobol", "terraform"])
    index = await there.get(T)
    assert index is built and experts(index.suggest("cobol copybooks", "UALICE")) == []
    assert experts(index.suggest("terraform state import", "UALICE")) == ["UBOB"]
    assert experts((await here.get(T)).suggest("terraform state", "UALICE")) == ["UBOB"]
    fresh = await RoutingIndex.load(sessions, T)
    assert len(index.evidence.profiles) == len(fresh.evidence.profiles)  # Carol left it whole

    await directory.forget(T, "UBOB")
    rebuilt = await there.get(T)
    assert rebuilt is not built and experts(rebuilt.suggest("terraform state", "UALICE")) == []
