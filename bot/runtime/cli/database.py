"""The database for one CLI run, opened one way by every subcommand: migrated to head first
(a command never runs on an old schema), and closed when the command ends."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import Services
from bot.settings import Settings
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head


@asynccontextmanager
async def migrated(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database brought up to date; disposed of at the end."""
    engine = create_engine(database_url)
    try:
        await upgrade_head(engine)
        yield engine
    finally:
        await engine.dispose()


@asynccontextmanager
async def open_services(settings: Settings) -> AsyncIterator[Services]:
    """The domain services on the migrated database of `settings`."""
    async with migrated(settings.database_url) as engine:
        yield Services.build(settings, engine, create_sessions(engine))
