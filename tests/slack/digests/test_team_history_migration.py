"""Migration 0036 on a database with people and kudos: the org chart's history starts empty,
which reads as the chart as it is since ever, so past weeks count as they did; `askaround
serve` on such a database migrates it before it serves."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, inspect, text

from storage import team_history
from storage.db import create_engine, create_sessions
from storage.migrate import alembic_config, head, upgrade_head
from tests.databases import fresh_database
from tests.domain.storage.test_migrations import require_postgres
from tests.domain.test_cli_startup import _revision, _served_until_listening

PEOPLE = (("U1", None), ("U2", "U1"), ("U3", "U2"))  # (user, manager): U1 ── U2 ── U3
SINCE = datetime(2026, 11, 16, tzinfo=UTC)
UNTIL = datetime(2026, 11, 23, tzinfo=UTC)


async def _at_0035_with_people(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0035"))
            for user, manager in PEOPLE:
                await conn.execute(
                    text(
                        "INSERT INTO people (team_id, user_id, name, real_name, tz, title, "
                        "team_name, manager_user_id, roles, interests, is_bot, deactivated, "
                        "is_guest, slack_updated, routing_status, updated_at, skills_version) "
                        "VALUES ('T1', :user, :user, :user, 'UTC', '', '', :manager, '[]', "
                        "'[]', false, false, false, 0, 'available', CURRENT_TIMESTAMP, 0)"
                    ),
                    {"user": user, "manager": manager},
                )
    finally:
        await engine.dispose()


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_team_history_starts_empty_and_past_weeks_read_as_the_chart_is(
    tmp_path: Path, kind: str
) -> None:
    """Upgraded, a past week's team is the chart's as it is, all week, without a row for
    each person; a downgrade drops the history and keeps the people."""
    if kind == "postgresql":
        await require_postgres()
    async with fresh_database(tmp_path, kind) as url:
        await _at_0035_with_people(url)
        engine = create_engine(url)
        try:
            await upgrade_head(engine)
            async with create_sessions(engine)() as s:
                assert await team_history.changes_of(s, "T1") == []
                during = await team_history.team_during(s, "T1", "U1", SINCE, UNTIL)
            assert [(p.user_id, spans) for p, spans in during] == [
                ("U2", ((SINCE, UNTIL),)),
                ("U3", ((SINCE, UNTIL),)),
            ]
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.downgrade(alembic_config(c), "0035"))
                assert "reporting_changes" not in await conn.run_sync(_tables)
                assert await conn.scalar(text("SELECT count(*) FROM people")) == len(PEOPLE)
        finally:
            await engine.dispose()


async def test_team_history_serve_on_an_older_database_migrates_it(tmp_path: Path) -> None:
    """`askaround serve` on a database at 0035, with people, upgrades it to the newest first."""
    database = tmp_path / "askaround.db"
    url = f"sqlite:///{database}"
    await _at_0035_with_people(f"sqlite+aiosqlite:///{database}")
    said, _, _ = await _served_until_listening(url, tmp_path)
    migrated = f"database migrated from schema 0035 to {head()}"
    assert any(migrated in line for line in said), "".join(said)
    assert await _revision(url) == head() >= "0036"
