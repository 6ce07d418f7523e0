"""A workspace removing the app: its tokens go at once, and nothing more is sent there; its
data is kept for the retention (ASKAROUND_UNINSTALLED_RETENTION_DAYS), in case it installs
again, and then purged. An admin can purge a workspace at once (`askaround purge-workspace`).

Slack tells of a removal twice, in either order: `tokens_revoked` names the revoked tokens,
`app_uninstalled` says the app is gone. Revoking the bot token alone already leaves nothing
to act with there, and counts as a removal for a late request (`removed_at`); only the
uninstall starts the retention clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import outbox
from storage import uninstalls as q


class Uninstalls:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Callable[[], datetime],
        retention: timedelta,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.retention = retention

    async def uninstalled(self, team_id: str) -> None:
        """The app was removed: its tokens and waiting deliveries go, the retention starts."""
        async with self._sessions() as s, s.begin():
            await q.delete_bot_tokens(s, team_id)
            await outbox.drop_waiting(s, team_id)
            await q.mark_uninstalled(s, team_id, self._clock())

    async def tokens_revoked(self, team_id: str, *, bot: bool, users: Sequence[str]) -> None:
        """Slack revoked the bot token (`bot`) and the user tokens of `users`."""
        async with self._sessions() as s, s.begin():
            if users:
                await q.delete_user_tokens(s, team_id, users)
            if bot:
                await q.delete_bot_tokens(s, team_id)
                await outbox.drop_waiting(s, team_id)
                await q.mark_bot_revoked(s, team_id, self._clock())

    async def removed_at(self, team_id: str) -> datetime | None:
        """When the workspace removed the app (uninstalled it, or revoked its bot token), if
        it did and has not installed it again."""
        async with self._sessions() as s:
            return await q.removed_at(s, team_id)

    async def installed(self, team_ids: Sequence[str]) -> None:
        """These workspaces have the app (again): their data is no longer due for purging."""
        if team_ids:
            async with self._sessions() as s, s.begin():
                await q.mark_installed(s, team_ids)

    async def enforce(self, installed: Sequence[str]) -> list[str]:
        """Purge every workspace uninstalled longer ago than the retention and not installed
        again (`installed`: the workspaces the bot can act in now); returns them."""
        await self.installed(installed)
        async with self._sessions() as s:
            marked = await q.uninstalled_since(s)
        cutoff = self._clock() - self.retention
        due = sorted(t for t, at in marked.items() if at <= cutoff and t not in installed)
        for team_id in due:
            await self.purge(team_id)
        return due

    async def held(self, team_id: str) -> dict[str, int]:
        """What `purge` would delete, as rows by table (an admin is shown it first)."""
        async with self._sessions() as s:
            return await q.held(s, team_id)

    async def purge(self, team_id: str) -> int:
        """Delete everything kept for the workspace, tokens included; returns how many rows."""
        async with self._sessions() as s, s.begin():
            return await q.purge(s, team_id)
