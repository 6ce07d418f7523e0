"""Queries on people: the directory's rows, keyed by workspace and Slack user id."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Person
from storage.upsert import insert_for

_PROFILE_FIELDS = ("name", "real_name", "email", "tz", "is_bot", "deactivated")


async def upsert_profile(session: AsyncSession, team_id: str, user_id: str, **profile: Any) -> None:
    """Insert the person or refresh what Slack says about them; never touches org data."""
    unknown = set(profile) - set(_PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not Slack profile fields: {sorted(unknown)}")
    statement = insert_for(session, Person).values(team_id=team_id, user_id=user_id, **profile)
    statement = statement.on_conflict_do_update(
        index_elements=["team_id", "user_id"], set_=profile or {"user_id": user_id}
    )
    await session.execute(statement)


async def get_person(session: AsyncSession, team_id: str, user_id: str) -> Person | None:
    return await session.scalar(
        select(Person).where(Person.team_id == team_id, Person.user_id == user_id)
    )


async def count_people(session: AsyncSession, team_id: str) -> int:
    statement = select(func.count()).where(
        Person.team_id == team_id, Person.is_bot.is_(False), Person.deactivated.is_(False)
    )
    return int(await session.scalar(statement) or 0)


async def people_by_id(
    session: AsyncSession, team_id: str, user_ids: Collection[str]
) -> dict[str, Person]:
    if not user_ids:
        return {}
    result = await session.scalars(
        select(Person).where(Person.team_id == team_id, Person.user_id.in_(list(user_ids)))
    )
    return {person.user_id: person for person in result.all()}
