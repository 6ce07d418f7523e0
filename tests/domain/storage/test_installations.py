"""Installations in our database: our models are slack-sdk's tables column for column, its
async stores work on our migrated schema, and the installed workspaces can be listed."""

from __future__ import annotations

from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy import MetaData, Table
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.installations import installed_teams
from storage.models import SlackBot, SlackInstallation, SlackOAuthState

CLIENT_ID = "111.222"


def _shape(table: Table) -> dict[str, tuple[str, bool]]:
    return {c.name: (repr(c.type), bool(c.nullable)) for c in table.columns}


def _indexes(table: Table) -> set[tuple[str | None, tuple[str, ...]]]:
    return {(i.name, tuple(c.name for c in i.columns)) for i in table.indexes}


def test_models_are_slack_sdks_tables() -> None:
    """Same columns, types, nullability and indexes as slack-sdk builds: a slack-sdk upgrade
    that changes its tables fails here, before it fails in production."""
    metadata = MetaData()
    installations = AsyncSQLAlchemyInstallationStore.build_installations_table(
        metadata, "slack_installations"
    )
    bots = AsyncSQLAlchemyInstallationStore.build_bots_table(metadata, "slack_bots")
    states = AsyncSQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, "slack_oauth_states")
    for theirs, ours in (
        (installations, SlackInstallation.__table__),
        (bots, SlackBot.__table__),
        (states, SlackOAuthState.__table__),
    ):
        assert isinstance(ours, Table)
        assert _shape(ours) == _shape(theirs)
        assert _indexes(ours) == _indexes(theirs)


def _installation(team_id: str, token: str) -> Installation:
    return Installation(
        app_id="A1",
        team_id=team_id,
        team_name=f"Team {team_id}",
        bot_token=token,
        bot_id="B1",
        bot_user_id="U0BOT",
        bot_scopes="chat:write,commands",
        user_id="U1",
    )


async def test_slack_sdk_stores_work_on_the_migrated_schema(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Save, find and list installations; issue and consume an OAuth state once."""
    store = AsyncSQLAlchemyInstallationStore(CLIENT_ID, engine)
    await store.async_save(_installation("T2", "xoxb-two"))
    await store.async_save(_installation("T1", "xoxb-one-old"))
    await store.async_save(_installation("T1", "xoxb-one-new"))
    await AsyncSQLAlchemyInstallationStore("another-app", engine).async_save(
        _installation("T9", "xoxb-other-app")
    )
    bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-one-new"
    async with sessions() as s:
        assert await installed_teams(s, CLIENT_ID) == ["T1", "T2"]
    states = AsyncSQLAlchemyOAuthStateStore(600, engine)
    state = await states.async_issue()
    assert await states.async_consume(state) and not await states.async_consume(state)
