"""`storage.units.dialect_of` says which database a session's statements are for: the
engine's own, and for a session bound to no engine a clear error, where it answered
"sqlite" and so would have given PostgreSQL SQLite's statements (no advisory locks)."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.models import Person
from storage.units import dialect_of
from storage.upsert import insert_for


async def test_a_bound_session_is_its_engines_database(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with sessions() as session:
        assert dialect_of(session) == engine.dialect.name


async def test_a_session_bound_to_no_engine_is_an_error_not_sqlite() -> None:
    async with AsyncSession() as session:
        with pytest.raises(TypeError, match="bound to no engine"):
            dialect_of(session)
        with pytest.raises(TypeError, match="bound to no engine"):
            insert_for(session, Person)
