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

pytestmark = pytest.mark.postgres_too


def _installed(team_id: str, token: str, enterprise_id: str | None = None) -> Installation:
    return Installation(
        app_id="A1", team_id=team_id, bot_token=token, user_id="U1", enterprise_id=enterprise_id
    )


async def test_each_workspace_gets_a_client_with_its_token(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Clients are kept per token, a reinstall's new token gets a new client, and an unknown
    workspace raises NotInstalled."""
    store = AsyncSQLAlchemyInstallationStore("111.222", engine)
    installations = Installations(sessions, "111.222")
    clients = Installed(
        store,
        installations.teams,
        lambda token: AsyncWebClient(token=token),
        installations.enterprise_of,
    )
    await store.async_save(_installed("T1", "xoxb-one"))
    await store.async_save(_installed("T2", "xoxb-two"))
    await store.async_save(_installed("T4", "xoxb-grid", enterprise_id="E1"))  # a Grid org's
    one = await clients.for_team("T1")
    assert one.token == "xoxb-one" and await clients.for_team("T1") is one
    assert (await clients.for_team("T4")).token == "xoxb-grid"
    tokens = [c.token for c in await clients.every_team()]
    assert tokens == ["xoxb-one", "xoxb-two", "xoxb-grid"]
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
