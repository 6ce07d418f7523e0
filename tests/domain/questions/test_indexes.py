"""The routing index cache on a real database: built at start for every workspace with
people, ready only after; a question during that build waits for it instead of building its
own; a skills change, a forget me or a kudos undone through one replica reaches another's
copy in place, with no rebuild (issue 14, company scale)."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.directory.parse import SkillInput
from bot.directory.profiles import ProfileService
from bot.kudos.records import Giving
from bot.kudos.service import KudosService
from bot.profile import Profile
from bot.questions.indexes import IndexCache
from bot.routing.loading import load_index
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


async def test_skills_and_forget_me_reach_another_replica_in_place(
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
    fresh = await load_index(sessions, T)  # what a rebuild would say: the same order
    for text in ("terraform state import", "cobol and terraform", "go"):
        assert experts(index.suggest(text, "UALICE")) == experts(fresh.suggest(text, "UALICE"))

    await directory.remove_skills(T, "UCAROL", ["cobol", "terraform"])
    index = await there.get(T)
    assert index is built and experts(index.suggest("cobol copybooks", "UALICE")) == []
    assert experts(index.suggest("terraform state import", "UALICE")) == ["UBOB"]
    assert experts((await here.get(T)).suggest("terraform state", "UALICE")) == ["UBOB"]
    fresh = await load_index(sessions, T)
    assert len(index.evidence.profiles) == len(fresh.evidence.profiles)  # Carol left it whole

    await directory.forget(T, "UBOB")  # it rebuilt every copy until 6 December
    caught = await there.get(T)
    assert caught is built and experts(caught.suggest("terraform state", "UALICE")) == []


async def test_a_kudos_undone_through_one_replica_is_taken_back_in_anothers_copy(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Alice thanks Bob and Carol for the wombat state unlock, and Dan thanks Bob for the
    wombat dashboards; another replica's copy is built, then Alice undoes hers. That copy,
    not rebuilt, ranks and explains as a fresh load does: Carol is no longer "thanked in
    kudos for wombat", Bob still is (Dan's kudos). A kudos given and undone after the copy
    was built, which it never held, takes nothing from it."""
    await people(sessions, T, "alice", "bob", "carol", "dan")
    kudos = KudosService(sessions, Clock().now)
    alice, bob, carol, dan = (Profile(f"U{n.upper()}", n) for n in ("alice", "bob", "carol", "dan"))
    await kudos.give(_thanks("k:1", dan, "the wombat dashboards", bob))
    given = await kudos.give(_thanks("k:2", alice, "the wombat state unlock", bob, carol))
    here, there = IndexCache(sessions), IndexCache(sessions)
    await here.warm_all()
    await there.warm_all()
    built = await there.get(T)
    said = {s.user_id: s.reason for s in built.suggest("wombat state unlock", "UDAN")}
    assert "thanked in kudos for" in said["UCAROL"]
    later = await kudos.give(_thanks("k:3", alice, "the quokka rescue of the wombat pen", bob))
    await kudos.undo(T, "UALICE", later.batch_key)

    await kudos.undo(T, "UALICE", given.batch_key)
    index = await there.get(T)
    assert index is built
    fresh = await load_index(sessions, T)
    for text in ("wombat state unlock", "wombat dashboards", "quokka rescue"):
        for asker in ("UALICE", "UDAN"):
            got = [(s.user_id, s.reason, s.introduction) for s in index.suggest(text, asker)]
            want = [(s.user_id, s.reason, s.introduction) for s in fresh.suggest(text, asker)]
            assert got == want, (text, asker)
    said = {s.user_id: s.reason for s in index.suggest("wombat state unlock", "UDAN")}
    assert "UCAROL" not in said and said["UBOB"] == "thanked in kudos for wombat", said
    assert not index.graph.knows("UALICE", "UCAROL") and index.graph.knows("UDAN", "UBOB")
    assert experts((await here.get(T)).suggest("wombat state unlock", "UDAN")) == ["UBOB"]


def _thanks(key: str, giver: Profile, reason: str, *recipients: Profile) -> Giving:
    return Giving(T, giver, recipients, reason, key=key, source="command")
