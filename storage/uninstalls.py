"""What an uninstall changes in the database: the workspace's tokens go at once, its data
when the retention has passed (or when an admin purges it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import CursorResult, Table, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Base, SlackBot, SlackInstallation, Workspace
from storage.workspaces import ensure_workspace


async def delete_bot_tokens(session: AsyncSession, team_id: str) -> None:
    """The bot token is in the workspace's bot rows and in each of its installation rows
    (slack-sdk keeps a copy there), so all of them go."""
    await session.execute(delete(SlackBot).where(SlackBot.team_id == team_id))
    await session.execute(delete(SlackInstallation).where(SlackInstallation.team_id == team_id))


async def latest_install(session: AsyncSession, team_id: str) -> datetime | None:
    """When the workspace last installed the app (its newest bot row, which every install
    writes and an uninstall deletes); None when it has none."""
    at = await session.scalar(
        select(func.max(SlackBot.installed_at)).where(SlackBot.team_id == team_id)
    )
    return at.replace(tzinfo=UTC) if at is not None else None  # slack-sdk's naive UTC


async def delete_user_tokens(session: AsyncSession, team_id: str, user_ids: Sequence[str]) -> None:
    await session.execute(
        update(SlackInstallation)
        .where(SlackInstallation.team_id == team_id, SlackInstallation.user_id.in_(user_ids))
        .values(user_token=None, user_refresh_token=None, user_scopes=None)
    )


async def mark_uninstalled(session: AsyncSession, team_id: str, at: datetime) -> None:
    await ensure_workspace(session, team_id)
    await session.execute(
        update(Workspace).where(Workspace.team_id == team_id).values(uninstalled_at=at)
    )


async def mark_bot_revoked(session: AsyncSession, team_id: str, at: datetime) -> None:
    await ensure_workspace(session, team_id)
    await session.execute(
        update(Workspace).where(Workspace.team_id == team_id).values(bot_revoked_at=at)
    )


async def mark_installed(session: AsyncSession, team_ids: Sequence[str]) -> None:
    await session.execute(
        update(Workspace)
        .where(
            Workspace.team_id.in_(team_ids),
            Workspace.uninstalled_at.is_not(None) | Workspace.bot_revoked_at.is_not(None),
        )
        .values(uninstalled_at=None, bot_revoked_at=None)
    )


async def removed_at(session: AsyncSession, team_id: str) -> datetime | None:
    """When the workspace removed the app (uninstalled it, or revoked its bot token, the
    earlier of the two), if it did and has not installed it again."""
    row = (
        await session.execute(
            select(Workspace.uninstalled_at, Workspace.bot_revoked_at).where(
                Workspace.team_id == team_id
            )
        )
    ).first()
    return min((at for at in row or () if at is not None), default=None)


async def uninstalled_since(session: AsyncSession) -> dict[str, datetime]:
    """Every workspace marked uninstalled, with when."""
    rows = await session.execute(
        select(Workspace.team_id, Workspace.uninstalled_at).where(
            Workspace.uninstalled_at.is_not(None)
        )
    )
    return {team_id: at for team_id, at in rows if at is not None}


async def held(session: AsyncSession, team_id: str) -> dict[str, int]:
    """How many rows each table keeps for the workspace, what `purge` would delete; tables
    holding none are left out."""
    counts: dict[str, int] = {}
    for table in _tables_of_workspaces():
        found = await session.scalar(
            select(func.count()).select_from(table).where(table.c.team_id == team_id)
        )
        if found:
            counts[table.name] = int(found)
    return counts


async def purge(session: AsyncSession, team_id: str) -> int:
    """Delete every row of the workspace, in every table that carries its `team_id`
    (tokens included), children before parents; returns how many rows went. The inbox goes
    too, in its own file when the sessions bind it there (the bot's and `purge-workspace`'s
    do)."""
    removed = 0
    for table in _tables_of_workspaces():
        result = await session.execute(delete(table).where(table.c.team_id == team_id))
        assert isinstance(result, CursorResult)
        removed += max(result.rowcount, 0)
    return removed


def _tables_of_workspaces() -> list[Table]:
    """Every table that carries a `team_id`, children before parents."""
    return [t for t in reversed(Base.metadata.sorted_tables) if "team_id" in t.c]
