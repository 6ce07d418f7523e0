"""Where the inbox lives: a file of its own beside a SQLite file, the database itself elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

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


async def test_an_inbox_file_made_before_0027_gets_the_message_columns(tmp_path: Path) -> None:
    """The inbox file is made from the model, not migrated: one made before the inbox said
    which message an entry carries gains its channel and ts (and their index) on start,
    keeping its requests, and a message's entries are then found and emptied by them."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/askaround.db")
    inbox_engine = create_inbox_engine(engine)
    assert inbox_engine is not None
    try:
        async with inbox_engine.begin() as conn:
            await conn.execute(
                text(
                    "CREATE TABLE inbox (id INTEGER PRIMARY KEY, team_id VARCHAR(32) NOT NULL, "
                    "request_key VARCHAR(200) NOT NULL, body JSON NOT NULL, replica_id "
                    "VARCHAR(36) NOT NULL, received_at DATETIME NOT NULL, done_at DATETIME, "
                    "replays INTEGER NOT NULL, UNIQUE (team_id, request_key))"
                )
            )
        await upgrade_head(engine)
        await create_inbox_table(inbox_engine)
        await create_inbox_table(inbox_engine)  # every start: nothing more to add
        sessions = create_sessions(engine, inbox_engine)
        async with sessions() as s, s.begin():
            requests: list[tuple[str, str, dict[str, Any]]] = [
                ("T1", "event:a", {"text": "secret"}),
                ("T1", "event:b", {"n": 1}),
            ]
            await inbox.receive_all(s, requests, "r1", T0, [("C1", "1.5"), None])
            await inbox.forget_message(s, "T1", ("C1", "1.5"), T0, open_too=True)
        async with sessions() as s:
            rows = (await s.scalars(select(InboxItem).order_by(InboxItem.id))).all()
            assert [(r.request_key, r.body, r.channel_id, r.message_ts) for r in rows] == [
                ("event:a", {}, "C1", "1.5"),
                ("event:b", {"n": 1}, None, None),
            ]
    finally:
        await inbox_engine.dispose()
        await engine.dispose()


async def test_an_inbox_file_made_before_0033_loses_its_index_on_the_workspace_alone(
    tmp_path: Path,
) -> None:
    """The inbox file is made from the model, not migrated: one made while the model indexed
    team_id alone loses that index on start (as the database's inbox does by migration 0033),
    keeping its requests and the unique (team_id, request_key) that finds them."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/askaround.db")
    inbox_engine = create_inbox_engine(engine)
    assert inbox_engine is not None

    async def indexes() -> dict[str, str]:
        async with inbox_engine.connect() as conn:
            found = await conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
            )
            return {str(name): str(sql) for name, sql in found.all()}

    try:
        await upgrade_head(engine)
        await create_inbox_table(inbox_engine)
        async with inbox_engine.begin() as conn:
            await conn.execute(
                text("CREATE INDEX IF NOT EXISTS ix_inbox_team_id ON inbox (team_id)")
            )
        sessions = create_sessions(engine, inbox_engine)
        async with sessions() as s, s.begin():
            await inbox.receive_all(s, [("T1", "command:a", {"n": 1})], "r1", T0)
        assert "ix_inbox_team_id" in await indexes()
        await create_inbox_table(inbox_engine)
        await create_inbox_table(inbox_engine)  # every start: nothing more to drop
        left = await indexes()
        assert "ix_inbox_team_id" not in left, left
        assert any(name.startswith("sqlite_autoindex_inbox") for name in left), left
        async with sessions() as s, s.begin():
            assert not await inbox.receive(s, "T1", "command:a", {"n": 2}, "r1", T0)
            rows = (await s.scalars(select(InboxItem))).all()
            assert [(r.team_id, r.request_key, r.body) for r in rows] == [
                ("T1", "command:a", {"n": 1})
            ]
    finally:
        await inbox_engine.dispose()
        await engine.dispose()
