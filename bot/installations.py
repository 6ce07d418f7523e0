"""Which workspaces have the app installed (OAuth mode): the jobs that run in every workspace
ask here, and find each one's bot token through the installation store."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.installations import enterprise_of, installed_teams, latest_bot


class Installations:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], client_id: str) -> None:
        self._sessions = sessions
        self._client_id = client_id

    async def teams(self) -> list[str]:
        """Every workspace with a bot token for this app, in a stable order."""
        async with self._sessions() as s:
            return await installed_teams(s, self._client_id)

    async def installed(self, team_id: str) -> tuple[bool, str | None]:
        """Whether the workspace has a bot token for this app, and the Enterprise Grid
        organisation it installed the app under, if any."""
        async with self._sessions() as s:
            found = await latest_bot(s, self._client_id, team_id)
        return found is not None, (found.enterprise_id or None) if found is not None else None

    async def bot_token(self, team_id: str) -> str | None:
        """The workspace's bot token, from its latest installation; None when it has none."""
        async with self._sessions() as s:
            found = await latest_bot(s, self._client_id, team_id)
        return str(found.bot_token) if found is not None else None

    async def enterprise_of(self, team_id: str) -> str | None:
        """The Enterprise Grid organisation the workspace installed the app under, if any."""
        async with self._sessions() as s:
            return await enterprise_of(s, self._client_id, team_id)
