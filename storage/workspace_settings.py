"""Queries behind the settings admins change from Slack or the CLI: company values (retired
ones are kept), watched channels as a list, and the audit log of changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, union, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CompanyValue, Person, SettingChange, WatchedChannel, Workspace
from storage.ordering import in_code_point_order
from storage.upsert import insert_for


async def company_values(session: AsyncSession, team_id: str) -> list[CompanyValue]:
    """Every value the workspace ever had, active and retired, by name."""
    rows = await session.scalars(
        select(CompanyValue)
        .where(CompanyValue.team_id == team_id)
        .order_by(in_code_point_order(CompanyValue.name))
    )
    return list(rows)


async def add_value(session: AsyncSession, team_id: str, name: str, description: str = "") -> None:
    """A new value, or a retired one brought back (keeping its description)."""
    await session.execute(
        insert_for(session, CompanyValue)
        .values(team_id=team_id, name=name, description=description)
        .on_conflict_do_update(index_elements=["team_id", "name"], set_={"retired_at": None})
    )


async def retire_value(session: AsyncSession, team_id: str, name: str, at: datetime) -> None:
    await session.execute(
        update(CompanyValue)
        .where(CompanyValue.team_id == team_id, CompanyValue.name == name)
        .values(retired_at=at)
    )


async def watched_channels(session: AsyncSession, team_id: str) -> list[str]:
    rows = await session.scalars(
        select(WatchedChannel.channel_id)
        .where(WatchedChannel.team_id == team_id)
        .order_by(WatchedChannel.id)
    )
    return list(rows)


async def record_change(
    session: AsyncSession,
    team_id: str,
    changed_by: str,
    key: str,
    old_value: str,
    new_value: str,
    at: datetime,
) -> None:
    session.add(
        SettingChange(
            team_id=team_id,
            changed_by=changed_by,
            key=key,
            old_value=old_value,
            new_value=new_value,
            changed_at=at,
        )
    )


async def changes(session: AsyncSession, team_id: str, limit: int) -> Sequence[SettingChange]:
    """The newest changes first."""
    rows = await session.scalars(
        select(SettingChange)
        .where(SettingChange.team_id == team_id)
        .order_by(SettingChange.changed_at.desc(), SettingChange.id.desc())
        .limit(limit)
    )
    return list(rows)


async def change_count(session: AsyncSession, team_id: str) -> int:
    found = await session.scalar(
        select(func.count()).select_from(SettingChange).where(SettingChange.team_id == team_id)
    )
    return int(found or 0)


async def workspace_ids(session: AsyncSession) -> list[str]:
    """The workspaces this database knows: with settings, or with people (synced or imported
    before anyone used the bot)."""
    known = union(select(Workspace.team_id), select(Person.team_id.label("team_id")))
    return sorted(await session.scalars(select(known.subquery().c.team_id)))


async def last_set_to(session: AsyncSession, team_id: str, key: str, value: str) -> datetime | None:
    """When `key` was last changed to `value` (its newest change in the audit log), if ever."""
    return await session.scalar(
        select(SettingChange.changed_at)
        .where(
            SettingChange.team_id == team_id,
            SettingChange.key == key,
            SettingChange.new_value == value,
        )
        .order_by(SettingChange.changed_at.desc(), SettingChange.id.desc())
        .limit(1)
    )
