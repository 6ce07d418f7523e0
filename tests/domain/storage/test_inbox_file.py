"""Where the inbox lives: a file of its own beside a SQLite file, the database itself elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from storage import inbox
from storage.db import create_engine, create_inbox_engine, create_inbox_table, create_sessions
from storage.migrate import upgrade_head
from storage.models import InboxItem, Replica

# The inbox file is a SQLite file of its own, whatever the database: the PostgreSQL pass of
# scripts/test skips it.
pytestmark = pytest.mark.database_independent

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_a_sqlite_file_gets_an_inbox_file_and_other_databases_none(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/askaround.db")
    inbox_engine = create_inbox_engine(engine)
    assert inbox_engine is not None
    assert inbox_engine.url.database == f"{tmp_path}/askaround.db-inbox"
    await inbox_engine.dispose()
    await engine.dispose()
    for url in ("sqlite+aiosqlite://", "sqlite+aiosqlite:///:memory:", "postgresql+asyncpg://x/y"):
        assert create_inbox_engine(create_engine(url)) is None


async def test_orphans_are_found_across_the_two_files(tmp_path: Path) -> None:
    """Replicas are in the database and requests in the inbox file: a dead replica's open
    request is still found, and a live one's is not."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/askaround.db")
    inbox_engine = create_inbox_engine(engine)
    assert inbox_engine is not None
    try:
        await upgrade_head(engine)
        await create_inbox_table(inbox_engine)
        sessions = create_sessions(engine, inbox_engine)
        async with sessions() as s, s.begin():
            await inbox.seen(s, "alive", T0)
            await inbox.receive_all(s, [("T1", "command:a", {})], "alive", T0)
            await inbox.receive_all(s, [("T1", "command:b", {})], "dead", T0)
        async with sessions() as s:
            found = await inbox.orphans(s, T0, 10, taker="taker")
            assert [o.request_key for o in found] == ["command:b"]
            assert (await s.scalars(select(Replica.id))).all() == ["alive"]
        async with create_sessions(engine)() as s:  # the database's own inbox table is unused
            assert (await s.scalars(select(InboxItem))).all() == []
    finally:
        await inbox_engine.dispose()
        await engine.dispose()
