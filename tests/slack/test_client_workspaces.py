"""Work outside requests finds each workspace's client: per team, one per token, and a
workspace without an installation is said to be one."""

from __future__ import annotations

import pytest
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.installations import Installations
from handlers.client.workspaces import Installed, NotInstalled, OneWorkspace, in_every_workspace


def _installed(team_id: str, token: str) -> Installation:
    return Installation(app_id="A1", team_id=team_id, bot_token=token, user_id="U1")


async def test_each_workspace_gets_a_client_with_its_token(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Clients are kept per token, a reinstall's new token gets a new client, and an unknown
    workspace raises NotInstalled."""
    store = AsyncSQLAlchemyInstallationStore("111.222", engine)
    teams = Installations(sessions, "111.222").teams
    clients = Installed(store, teams, lambda token: AsyncWebClient(token=token))
    await store.async_save(_installed("T1", "xoxb-one"))
    await store.async_save(_installed("T2", "xoxb-two"))
    one = await clients.for_team("T1")
    assert one.token == "xoxb-one" and await clients.for_team("T1") is one
    assert [c.token for c in await clients.every_team()] == ["xoxb-one", "xoxb-two"]
    await store.async_save(_installed("T1", "xoxb-one-again"))
    assert (await clients.for_team("T1")).token == "xoxb-one-again"
    with pytest.raises(NotInstalled):
        await clients.for_team("T3")


async def test_a_failing_workspace_does_not_stop_the_others() -> None:
    """A job that fails in one workspace still runs in the next."""

    class Two:
        async def for_team(self, team_id: str) -> AsyncWebClient:
            raise NotInstalled(team_id)

        async def every_team(self) -> list[AsyncWebClient]:
            return [AsyncWebClient(token="xoxb-bad"), AsyncWebClient(token="xoxb-good")]

    async def work(client: AsyncWebClient) -> str:
        if client.token == "xoxb-bad":
            raise RuntimeError("token revoked")
        return str(client.token)

    assert await in_every_workspace(Two(), work) == ["xoxb-good"]
    single = AsyncWebClient(token="xoxb-only")
    assert await OneWorkspace(single).for_team("anything") is single
