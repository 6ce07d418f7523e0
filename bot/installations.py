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

    async def acting_for(self, home: str) -> tuple[str, str | None] | None:
        """The installed workspace that acts for someone whose home Slack names as `home`,
        and the Enterprise Grid organisation it installed the app under, if any: `home`
        itself when it has a bot token for this app; when `home` is an organisation, its one
        workspace that has (several leave it unknown which is theirs); else None."""
        async with self._sessions() as s:
            found = await latest_bot(s, self._client_id, home)
            if found is not None:
                return home, found.enterprise_id or None
            teams = await installed_teams(s, self._client_id, home)
        return (teams[0], home) if len(teams) == 1 else None

    async def bot_token(self, team_id: str) -> str | None:
        """The workspace's bot token, from its latest installation; None when it has none."""
        async with self._sessions() as s:
            found = await latest_bot(s, self._client_id, team_id)
        return str(found.bot_token) if found is not None else None

    async def enterprise_of(self, team_id: str) -> str | None:
        """The Enterprise Grid organisation the workspace installed the app under, if any."""
        async with self._sessions() as s:
            return await enterprise_of(s, self._client_id, team_id)
