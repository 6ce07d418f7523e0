"""People queries on a real database: upserts are idempotent and stay inside one workspace."""

from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.profile import Profile, fitted
from storage import people


async def test_upsert_profile_inserts_then_updates(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """A second upsert refreshes the row instead of adding one."""
    async with sessions() as s, s.begin():
        await people.upsert_profile(s, "T1", "U1", name="ana", tz="Europe/Paris")
        await people.upsert_profile(s, "T1", "U1", name="ana.b", tz="Asia/Tokyo")
    async with sessions() as s:
        person = await people.get_person(s, "T1", "U1")
        assert person is not None and (person.name, person.tz) == ("ana.b", "Asia/Tokyo")
        assert await people.count_people(s, "T1") == 1


async def test_a_new_person_has_no_roles_nor_interests_and_a_known_one_keeps_theirs(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Roles and interests are never Slack's: a person first written from Slack has none
    (empty lists, as the model's default gives), read back as lists on this database; an
    upsert of someone who has some leaves them as they are."""
    async with sessions() as s, s.begin():
        await people.upsert_profiles(
            s, "T1", [{"user_id": "U1", "name": "ana"}, {"user_id": "U2", "name": "bo"}]
        )
        bo = await people.get_person(s, "T1", "U2")
        assert bo is not None
        bo.roles, bo.interests = ["lead"], ["kayaks"]
    async with sessions() as s, s.begin():
        await people.upsert_profiles(
            s, "T1", [{"user_id": "U1", "name": "ana.b"}, {"user_id": "U2", "name": "bo.b"}]
        )
    async with sessions() as s:
        ana, bo = await people.get_person(s, "T1", "U1"), await people.get_person(s, "T1", "U2")
        assert ana is not None and (ana.name, ana.roles, ana.interests) == ("ana.b", [], [])
        assert bo is not None and (bo.name, bo.roles, bo.interests) == (
            "bo.b",
            ["lead"],
            ["kayaks"],
        )


async def test_people_are_counted_per_workspace(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Another workspace's people, bots and deactivated users are not counted."""
    async with sessions() as s, s.begin():
        await people.upsert_profile(s, "T1", "U1", name="ana")
        await people.upsert_profile(s, "T1", "U2", name="bot", is_bot=True)
        await people.upsert_profile(s, "T1", "U3", name="gone", deactivated=True)
        await people.upsert_profile(s, "T2", "U1", name="other")
    async with sessions() as s:
        assert await people.count_people(s, "T1") == 1
        assert await people.get_person(s, "T3", "U1") is None


async def test_an_older_slack_profile_never_overwrites_a_newer_one(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Two replicas store what Slack said of one person in the wrong order: the row keeps
    the profile Slack changed last (its `updated`); the same second still writes."""
    async with sessions() as s, s.begin():
        await people.upsert_profile(s, "T1", "U1", name="ana", tz="Asia/Tokyo", slack_updated=20)
        await people.upsert_profile(s, "T1", "U1", name="ana", tz="Europe/Paris", slack_updated=10)
    async with sessions() as s:
        person = await people.get_person(s, "T1", "U1")
        assert person is not None and (person.tz, person.slack_updated) == ("Asia/Tokyo", 20)
    async with sessions() as s, s.begin():
        await people.upsert_profile(s, "T1", "U1", name="ana", tz="Asia/Seoul", slack_updated=20)
    async with sessions() as s:
        person = await people.get_person(s, "T1", "U1")
        assert person is not None and person.tz == "Asia/Seoul"


async def test_a_name_longer_than_its_column_is_kept_cut_to_it(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Slack documents no length for a name; one longer than the 200 characters the people
    table keeps is stored cut to them, ending in `…` (PostgreSQL refused the row, failing
    every request of that person's, where SQLite kept it whole), and cut where a character as
    a reader sees it ends: until 7 December at the 199th code point, which left half a 👩‍💻
    (a woman and a dangling joiner) or a letter without its accent. Storage refuses a name
    nobody cut rather than cut it a second way."""
    emoji = "a" * 197 + "👩\u200d💻" + " Maximilian-Alexander" * 3  # 💻 is the 200th
    accent = "e" * 198 + "e\u0301" + "tienne" * 3  # its accent is the 200th
    row = Profile("U1", name=emoji, real_name=accent, tz="Europe/Paris").columns()
    async with sessions() as s, s.begin():
        await people.upsert_profile(
            s, "T1", "U1", **{k: v for k, v in row.items() if k != "user_id"}
        )
    async with sessions() as s:
        person = await people.get_person(s, "T1", "U1")
        assert person is not None
        assert (person.name, person.real_name) == ("a" * 197 + "…", "e" * 198 + "…")
    long = "مرحبا שלום 🎉 Maximilian-Alexander " * 10
    assert fitted({"name": long})["name"] == long[:199] + "…"  # no character straddles the cut
    with pytest.raises(ValueError, match="name longer than its 200 characters"):
        async with sessions() as s, s.begin():
            await people.upsert_profile(s, "T1", "U2", name=long)


async def test_names_are_told_apart_in_one_statement(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Each name shown once per render, told apart from a namesake of the workspace (one who
    left, one shown by the handle as another's real name), read in one statement: it was three
    (the people asked for, then the namesakes by real name and by handle), whole rows each,
    on every leaderboard, Home tab and report. An empty real name is no name, as Slack's is."""
    async with sessions() as s, s.begin():
        await people.upsert_profile(s, "T1", "U1", name="carol", real_name="Carol Diaz")
        await people.upsert_profile(s, "T1", "U2", name="erin", real_name="Carol Diaz")
        await people.upsert_profile(s, "T1", "U3", name="bob", real_name="Bob Chen")
        await people.upsert_profile(s, "T1", "U4", name="ana", real_name="")
        await people.upsert_profile(s, "T1", "U5", name="ana.b", real_name="ana", deactivated=True)
        await people.upsert_profile(s, "T2", "U6", name="bob2", real_name="Bob Chen")
    statements: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    async with sessions() as s:
        names = await people.display_names(s, "T1", ["U1", "U3", "U4", "U7", "U3"])
    assert names == {"U1": "Carol Diaz (@carol)", "U3": "Bob Chen", "U4": "ana (@ana)"}
    assert len(statements) == 1, statements
