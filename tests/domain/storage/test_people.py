"""People queries on a real database: upserts are idempotent and stay inside one workspace."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

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
    every request of that person's, where SQLite kept it whole)."""
    long = "مرحبا שלום 🎉👩‍💻 Maximilian-Alexander " * 10
    async with sessions() as s, s.begin():
        await people.upsert_profile(s, "T1", "U1", name=long, real_name=long, tz="Europe/Paris")
    async with sessions() as s:
        person = await people.get_person(s, "T1", "U1")
        assert person is not None
        cut = long[:199] + "…"
        assert (person.name, person.real_name) == (cut, cut)
