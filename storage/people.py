"""Queries on people: the directory's rows, keyed by workspace and Slack user id."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Person
from storage.models.base import utcnow
from storage.upsert import insert_for

_PROFILE_FIELDS = ("name", "real_name", "email", "tz", "is_bot", "deactivated")


async def upsert_profile(session: AsyncSession, team_id: str, user_id: str, **profile: Any) -> None:
    """Insert the person or refresh what Slack says about them; never touches org data.
    `updated_at` says when Slack last described them (`slack_profiles` trusts it a while)."""
    unknown = set(profile) - set(_PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not Slack profile fields: {sorted(unknown)}")
    statement = insert_for(session, Person).values(team_id=team_id, user_id=user_id, **profile)
    statement = statement.on_conflict_do_update(
        index_elements=["team_id", "user_id"], set_={**profile, "updated_at": utcnow()}
    )
    await session.execute(statement)


async def slack_profiles(
    session: AsyncSession, team_id: str, user_ids: Collection[str], since: datetime
) -> Sequence[Row[Any]]:
    """The stored Slack profiles of these people written since `since`: user_id, then the
    profile fields. A row with no name was not written from Slack (`ensure_person` makes
    such rows for `/skills`), so it is not one."""
    if not user_ids:
        return []
    columns = [getattr(Person, field) for field in _PROFILE_FIELDS]
    result = await session.execute(
        select(Person.user_id, *columns).where(
            Person.team_id == team_id,
            Person.user_id.in_(list(user_ids)),
            Person.name != "",
            Person.updated_at >= since,
        )
    )
    return result.all()


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
