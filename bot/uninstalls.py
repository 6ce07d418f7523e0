"""A workspace removing the app: its tokens go at once, and nothing more is sent there; its
data is kept for the retention (ASKAROUND_UNINSTALLED_RETENTION_DAYS), in case it installs
again, and then purged. An admin can purge a workspace at once (`askaround purge-workspace`).

Slack tells of a removal twice, in either order: `tokens_revoked` names the revoked tokens,
`app_uninstalled` says the app is gone. Revoking the bot token alone already leaves nothing
to act with there, and counts as a removal for a late request (`removed_at`); only the
uninstall starts the retention clock.

Slack retries an event whose delivery failed, up to three times over about an hour. A
removal that happened before the workspace's latest install (Slack's `event_time` against
`installed_at`, both on the bot's clock) is about the install before it: it is ignored, so a
retry that comes after a reinstall leaves the new install alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import outbox, workspaces
from storage import uninstalls as q

log = logging.getLogger("askaround.uninstalls")
# Slack's `event_time` is in whole seconds: an event stamped E happened before E + 1 s.
EVENT_TIME_STEP = timedelta(seconds=1)


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

    async def uninstalled(
        self, team_id: str, happened: datetime | None = None, *, installs_kept: bool = False
    ) -> None:
        """The app was removed (at `happened`, when Slack says): its tokens and waiting
        deliveries go, the retention starts; unless it was before the latest install, or
        (`installs_kept`: OAuth, every install stored) the workspace never installed it."""
        async with self._sessions() as s, s.begin():
            if await _before_install(s, team_id, happened, "app_uninstalled"):
                return
            if installs_kept and await _never_installed(s, team_id, "app_uninstalled"):
                return
            await q.delete_bot_tokens(s, team_id)
            await outbox.drop_waiting(s, team_id)
            await q.mark_uninstalled(s, team_id, self._clock())

    async def tokens_revoked(
        self,
        team_id: str,
        *,
        bot: bool,
        users: Sequence[str],
        happened: datetime | None = None,
        installs_kept: bool = False,
    ) -> None:
        """Slack revoked the bot token (`bot`) and the user tokens of `users` (at `happened`,
        when Slack says); unless it was before the latest install, whose tokens are new, or
        the workspace never installed the app (`installs_kept`, as in `uninstalled`).
        askaround asks for no user tokens: the workspace's install is the one to compare."""
        async with self._sessions() as s, s.begin():
            if await _before_install(s, team_id, happened, "tokens_revoked"):
                return
            if installs_kept and await _never_installed(s, team_id, "tokens_revoked"):
                return
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


async def _before_install(
    session: AsyncSession, team_id: str, happened: datetime | None, kind: str
) -> bool:
    """Whether a removal that `happened` then is older than the workspace's latest install
    (said in one line when it is): Slack retried it after the workspace installed again."""
    latest = await q.latest_install(session, team_id)
    if happened is None or latest is None or happened + EVENT_TIME_STEP > latest:
        return False
    log.info(
        "Slack sent %s for workspace %s from %s, before its latest install at %s (a late "
        "retry): ignored, the install stays",
        kind,
        team_id,
        happened.isoformat(),
        latest.isoformat(),
    )
    return True


async def _never_installed(session: AsyncSession, team_id: str, kind: str) -> bool:
    """Whether the workspace never installed the app here (said in one line when so): no
    install (`latest_install`) and no workspace row, which every install writes (its first
    installer made an admin, `handlers.surfaces.oauth`) and a removal keeps. Marking it
    removed made a row for it, listed it as a workspace askaround had, and had its requests
    logged at INFO as a workspace that left, where Bolt's ERROR says it has no install."""
    if await q.latest_install(session, team_id) is not None:
        return False
    if await workspaces.find_workspace(session, team_id) is not None:
        return False
    log.info(
        "Slack sent %s for workspace %s, which never installed askaround here: nothing stored",
        kind,
        team_id,
    )
    return True
