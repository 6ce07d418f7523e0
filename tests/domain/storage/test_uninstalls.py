"""What `tokens_revoked` deletes, on the installation store's own rows: the user tokens it
names, and the bot token (in the bot rows and in every installation row's copy) when the bot
is named; the workspace's data stays, and only an uninstall starts the retention clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.uninstalls import Uninstalls
from storage.models import Workspace
from storage.workspaces import ensure_workspace

CLIENT_ID = "111.222"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def installed(engine: AsyncEngine, team_id: str, user_id: str) -> None:
    store = AsyncSQLAlchemyInstallationStore(CLIENT_ID, engine)
    await store.async_save(
        Installation(
            app_id="A1",
            team_id=team_id,
            user_id=user_id,
            bot_token=f"xoxb-{team_id}",
            bot_id="B1",
            bot_user_id="UBOT",
            user_token=f"xoxp-{team_id}-{user_id}",
        )
    )


async def found(engine: AsyncEngine, team_id: str, user_id: str) -> tuple[str | None, ...]:
    store = AsyncSQLAlchemyInstallationStore(CLIENT_ID, engine)
    bot = await store.async_find_bot(enterprise_id=None, team_id=team_id)
    mine = await store.async_find_installation(enterprise_id=None, team_id=team_id, user_id=user_id)
    return (
        bot.bot_token if bot else None,
        mine.bot_token if mine else None,
        mine.user_token if mine else None,
    )


async def test_revoked_user_tokens_go_and_the_bot_keeps_its_own(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    uninstalls = Uninstalls(sessions, lambda: NOW, timedelta(days=30))
    await installed(engine, "T1", "U1")
    await installed(engine, "T2", "U1")
    await uninstalls.tokens_revoked("T1", bot=False, users=["U1"])
    assert await found(engine, "T1", "U1") == ("xoxb-T1", "xoxb-T1", None)
    assert await found(engine, "T2", "U1") == ("xoxb-T2", "xoxb-T2", "xoxp-T2-U1")


async def test_a_revoked_bot_token_goes_everywhere_it_is_kept_but_data_stays(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    uninstalls = Uninstalls(sessions, lambda: NOW, timedelta(days=30))
    await installed(engine, "T1", "U1")
    async with sessions() as s, s.begin():
        await ensure_workspace(s, "T1")
    await uninstalls.tokens_revoked("T1", bot=True, users=[])
    assert await found(engine, "T1", "U1") == (None, None, None)
    async with sessions() as s:
        workspace = await s.get(Workspace, "T1")
    assert workspace is not None and workspace.uninstalled_at is None
    assert await uninstalls.enforce([]) == []
