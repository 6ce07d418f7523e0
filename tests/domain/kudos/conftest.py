"""The kudos service on the suite's database, its clock stopped on a Friday noon."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.kudos.service import KudosService


@pytest.fixture
def clock() -> Clock:
    clock = Clock()
    clock.freeze(datetime(2026, 5, 29, 12, tzinfo=UTC))
    return clock


@pytest.fixture
def kudos(sessions: async_sessionmaker[AsyncSession], clock: Clock) -> KudosService:
    return KudosService(sessions, clock.now)
