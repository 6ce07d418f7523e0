"""Migrations are code: `upgrade head` on an empty database yields exactly the models' schema."""

from __future__ import annotations

import asyncio
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.schema import CreateIndex

from storage.db import create_engine
from storage.migrate import alembic_config, head, revision, upgrade_head
from storage.models import Base
from tests.databases import fresh_database, postgres_reachable


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def _partial_wheres(connection: Connection) -> list[tuple[str, str, str]]:
    """Each partial index's condition as the models would create it on this database, and as
    the migrations did (Alembic's comparison leaves conditions out)."""
    created = (
        "SELECT indexdef FROM pg_indexes WHERE indexname = :name"
        if connection.dialect.name == "postgresql"
        else "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
    )

    def condition(ddl: str) -> str:
        return ddl.partition(" WHERE ")[2].strip("() ")

    return [
        (
            str(index.name),
            condition(str(CreateIndex(index).compile(dialect=connection.dialect))),
            condition(connection.execute(text(created), {"name": index.name}).scalar_one()),
        )
        for table in Base.metadata.tables.values()
        for index in table.indexes
        if "where" in index.info
    ]


async def _upgrade_and_compare(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade_head(engine)
        await upgrade_head(engine)  # a second run (a restart, a second replica) is a no-op
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
            assert set(Base.metadata.tables) <= tables
            assert await conn.run_sync(_diff) == []
            wheres = await conn.run_sync(_partial_wheres)
            assert wheres and all(model == migrated != "" for _, model, migrated in wheres), wheres
            if conn.dialect.name == "sqlite":
                assert (await conn.scalar(text("PRAGMA foreign_keys"))) == 1
                assert (await conn.scalar(text("PRAGMA journal_mode"))) == "wal"
    finally:
        await engine.dispose()


async def _asked(conn: AsyncConnection, team_id: str, key: str) -> int:
    """An open question stored through the schema of the revision the test stands at."""
    added = await conn.execute(
        text(
            "INSERT INTO questions (team_id, asker_user_id, channel_id, text, topics, status, "
            "is_private, source, idempotency_key, created_at) VALUES (:team, 'U1', 'C1', "
            "'how?', '[]', 'open', false, 'mention', :key, CURRENT_TIMESTAMP) RETURNING id"
        ),
        {"team": team_id, "key": key},
    )
    return int(added.scalar_one())


async def require_postgres() -> None:
    """Skip on a laptop without PostgreSQL; in CI (`CI` set) its absence is a failure."""
    if not await postgres_reachable():
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL tests, but PostgreSQL does not answer")
        pytest.skip("no PostgreSQL at ASKAROUND_TEST_DATABASE_URL or 127.0.0.1:5432")


async def test_upgrade_head_on_sqlite_matches_models(tmp_path: Path) -> None:
    """SQLite: the migrated schema has every table, WAL and foreign keys on, and no drift."""
    async with fresh_database(tmp_path, "sqlite") as url:
        await _upgrade_and_compare(url)


async def test_upgrade_head_on_postgresql_matches_models(tmp_path: Path) -> None:
    """PostgreSQL: the same migrations produce the same schema, with no drift."""
    await require_postgres()
    async with fresh_database(tmp_path, "postgresql") as url:
        await _upgrade_and_compare(url)


async def test_replicas_starting_together_on_postgresql_migrate_one_at_a_time(
    tmp_path: Path,
) -> None:
    """Two replicas starting at once on a database of the release before: one migrates, the
    other waits for it (an advisory lock) and finds the newest schema, rather than both
    running Alembic and the second failing on tables the first made."""
    await require_postgres()
    async with fresh_database(tmp_path, "postgresql") as url:
        engines = [create_engine(url), create_engine(url)]
        try:
            async with engines[0].begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0030"))
            results = await asyncio.gather(*(upgrade_head(engine) for engine in engines))
        finally:
            for engine in engines:
                await engine.dispose()
    assert sorted(results) == [("0030", head()), (head(), head())]


def test_the_head_read_from_the_scripts_names_is_alembics() -> None:
    """`head()` reads the newest revision from the scripts' names, without Alembic: a script
    named apart from its revision, or a second head, would make it wrong, and this fails."""
    assert head() == ScriptDirectory.from_config(alembic_config()).get_current_head()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_the_revision_read_without_alembic_is_alembics(tmp_path: Path, kind: str) -> None:
    """`revision()` reads Alembic's table itself: none before any migration, then the one
    Alembic records, part way and at the head."""
    if kind == "postgresql":
        await require_postgres()

    def both(connection: Connection) -> tuple[str | None, str | None]:
        return revision(connection), MigrationContext.configure(connection).get_current_revision()

    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                assert await conn.run_sync(both) == (None, None)
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0015"))
                assert await conn.run_sync(both) == ("0015", "0015")
            assert await upgrade_head(engine) == ("0015", head())
            async with engine.begin() as conn:
                assert await conn.run_sync(both) == (head(), head())
        finally:
            await engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_kudos_reasons_given_through_slacks_text_are_read_back_as_typed(
    tmp_path: Path, kind: str
) -> None:
    """Migration 0016: reasons a `/kudos`, a reaction or a second of them stored in Slack's
    escaped form (`R&amp;D`) read as typed (`R&D`, a typed `&lt;` as `&lt;`); the Give kudos
    form's, stored as typed already, are left as they are."""
    if kind == "postgresql":
        await require_postgres()
    stored = {
        "command": ("R&amp;D &lt;3 for <@U1> and &amp;lt;", "R&D <3 for <@U1> and &lt;"),
        "reaction": ("a &gt; b", "a > b"),
        "second": ("Q&amp;A", "Q&A"),
        "modal": ("the &amp; in HTML", "the &amp; in HTML"),
    }
    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0015"))
                for n, (source, (message, _)) in enumerate(stored.items()):
                    await conn.execute(
                        text(
                            "INSERT INTO kudos (team_id, giver_user_id, receiver_user_id, "
                            'message, "values", is_private, source, idempotency_key, '
                            "batch_key, created_at) VALUES ('T1', 'U1', 'U2', :message, "
                            "'[]', false, :source, :key, '', CURRENT_TIMESTAMP)"
                        ),
                        {"message": message, "source": source, "key": f"k{n}"},
                    )
            await upgrade_head(engine)
            async with engine.connect() as conn:
                result = await conn.execute(text("SELECT source, message FROM kudos"))
                rows = {str(source): str(message) for source, message in result.all()}
        finally:
            await engine.dispose()
    assert rows == {source: typed for source, (_, typed) in stored.items()}


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_the_blank_rows_of_messages_deleted_before_they_came_become_unasked(
    tmp_path: Path, kind: str
) -> None:
    """Migration 0018: a withdrawn, blank row closed as it was written and offered to nobody
    (what a deletion overtaking its message stored) is `unasked`; a question asked and then
    deleted (closed later, or offered to someone) stays withdrawn, a solved one solved."""
    if kind == "postgresql":
        await require_postgres()
    asked_at = datetime(2026, 11, 2, 10, tzinfo=UTC)
    rows = {  # key: (status, closed a minute after it was asked, offered)
        "never-asked": ("withdrawn", False, False),
        "asked-then-deleted": ("withdrawn", True, False),
        "offered-then-deleted": ("withdrawn", False, True),
        "solved": ("solved", False, False),
    }
    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0017"))
                for key, (status, later, offered) in rows.items():
                    added = await conn.execute(
                        text(
                            "INSERT INTO questions (team_id, asker_user_id, channel_id, text, "
                            "topics, status, is_private, source, idempotency_key, created_at, "
                            "resolved_at) VALUES ('T1', 'U1', 'C1', '', '[]', :status, false, "
                            "'mention', :key, :asked, :closed) RETURNING id"
                        ),
                        {
                            "status": status,
                            "key": key,
                            "asked": asked_at,
                            "closed": asked_at + timedelta(minutes=1 if later else 0),
                        },
                    )
                    if offered:
                        await conn.execute(
                            text(
                                "INSERT INTO offers (team_id, question_id, candidate_user_id, "
                                "score, reason, introduction, status, kind, rank, created_at) "
                                "VALUES ('T1', :id, 'U2', 0, '', '', 'declined', 'expert', 0, "
                                ":asked)"
                            ),
                            {"id": added.scalar_one(), "asked": asked_at},
                        )
            await upgrade_head(engine)
            async with engine.connect() as conn:
                result = await conn.execute(text("SELECT idempotency_key, status FROM questions"))
                found = {str(key): str(status) for key, status in result.all()}
        finally:
            await engine.dispose()
    assert found == {
        "never-asked": "unasked",
        "asked-then-deleted": "withdrawn",
        "offered-then-deleted": "withdrawn",
        "solved": "solved",
    }


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_kudos_given_by_reacting_know_the_message_they_quote(
    tmp_path: Path, kind: str
) -> None:
    """Migration 0019: a reaction's kudos quote the message their act's key names, a second
    of their shout-out quotes it too; a `/kudos` and a second of one quote no message."""
    if kind == "postgresql":
        await require_postgres()
    given = [  # source, idempotency key, batch key, shout-out ts
        ("reaction", "react:C1:1.5:U1:U2", "react:C1:1.5:U1", "9.1"),
        ("second", "second:C9:9.1:U3:U2", "second:C9:9.1:U3", None),
        ("command", "cmd:x:U2", "cmd:x", "9.2"),
        ("second", "second:C9:9.2:U3:U2", "second:C9:9.2:U3", None),
    ]
    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0018"))
                for source, key, batch, shoutout in given:
                    giver = "U3" if source == "second" else "U1"
                    await conn.execute(
                        text(
                            "INSERT INTO kudos (team_id, giver_user_id, receiver_user_id, "
                            'message, "values", is_private, source, idempotency_key, '
                            "batch_key, shoutout_channel_id, shoutout_ts, created_at) "
                            "VALUES ('T1', :giver, 'U2', 'the words quoted', '[]', false, "
                            ":source, :key, :batch, 'C9', :shoutout, CURRENT_TIMESTAMP)"
                        ),
                        {
                            "giver": giver,
                            "source": source,
                            "key": key,
                            "batch": batch,
                            "shoutout": shoutout,
                        },
                    )
            await upgrade_head(engine)
            async with engine.connect() as conn:
                result = await conn.execute(
                    text("SELECT idempotency_key, quoted_channel_id, quoted_ts FROM kudos")
                )
                found = {str(key): (channel, ts) for key, channel, ts in result.all()}
        finally:
            await engine.dispose()
    assert found == {
        "react:C1:1.5:U1:U2": ("C1", "1.5"),
        "second:C9:9.1:U3:U2": ("C1", "1.5"),
        "cmd:x:U2": (None, None),
        "second:C9:9.2:U3:U2": (None, None),
    }


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_requests_and_kudos_news_sent_before_are_known_as_the_bots_dms(
    tmp_path: Path, kind: str
) -> None:
    """Migration 0021: a request to help and news of kudos the bot had already sent in a DM
    are recorded as its DMs of their kind, so a reply under them is still no question; one
    not yet sent (no `dm_ts`) is not."""
    if kind == "postgresql":
        await require_postgres()
    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0020"))
                question = await _asked(conn, "T1", "q")
                for candidate, dm, ts in (("U2", "D2", "1.1"), ("U3", None, None)):
                    await conn.execute(
                        text(
                            "INSERT INTO offers (team_id, question_id, candidate_user_id, "
                            "score, reason, introduction, status, kind, rank, created_at, "
                            "dm_channel_id, dm_ts) VALUES ('T1', :id, :who, 0, '', '', "
                            "'pending', 'expert', 0, CURRENT_TIMESTAMP, :dm, :ts)"
                        ),
                        {"id": question, "who": candidate, "dm": dm, "ts": ts},
                    )
                await conn.execute(
                    text(
                        "INSERT INTO kudos (team_id, giver_user_id, receiver_user_id, "
                        'message, "values", is_private, source, idempotency_key, '
                        "batch_key, dm_channel_id, dm_ts, created_at) "
                        "VALUES ('T1', 'U1', 'U4', 'thanks', '[]', false, 'command', 'k', "
                        "'b', 'D4', '2.2', CURRENT_TIMESTAMP)"
                    )
                )
            await upgrade_head(engine)
            async with engine.connect() as conn:
                result = await conn.execute(
                    text("SELECT team_id, channel_id, ts, kind FROM bot_dms")
                )
                found = sorted(tuple(map(str, row)) for row in result.all())
        finally:
            await engine.dispose()
    assert found == [("T1", "D2", "1.1", "question.offer"), ("T1", "D4", "2.2", "kudos.received")]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_kudos_keep_no_index_on_the_workspace_alone(tmp_path: Path, kind: str) -> None:
    """Migration 0032: kudos' index on team_id alone is dropped (each other index of the
    table leads with team_id, and plans by the workspace alone were as good without it), the
    kudos given before kept; a downgrade makes it again."""
    if kind == "postgresql":
        await require_postgres()

    def indexes(connection: Connection) -> dict[str, list[str | None]]:
        return {str(i["name"]): i["column_names"] for i in inspect(connection).get_indexes("kudos")}

    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0031"))
                assert (await conn.run_sync(indexes))["ix_kudos_team_id"] == ["team_id"]
                await conn.execute(
                    text(
                        "INSERT INTO kudos (team_id, giver_user_id, receiver_user_id, message, "
                        '"values", is_private, source, idempotency_key, batch_key, created_at) '
                        "VALUES ('T1', 'U1', 'U2', 'thanks', '[]', false, 'command', 'cmd:x:U2', "
                        "'cmd:x', CURRENT_TIMESTAMP)"
                    )
                )
            await upgrade_head(engine)
            async with engine.begin() as conn:
                left = await conn.run_sync(indexes)
                assert ["team_id"] not in left.values(), left
                assert all(columns[0] == "team_id" for columns in left.values()), left
                assert (await conn.scalar(text("SELECT idempotency_key FROM kudos"))) == "cmd:x:U2"
                await conn.run_sync(lambda c: command.downgrade(alembic_config(c), "0031"))
                assert (await conn.run_sync(indexes))["ix_kudos_team_id"] == ["team_id"]
        finally:
            await engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_three_tables_keep_no_index_on_the_workspace_alone(tmp_path: Path, kind: str) -> None:
    """Migration 0033: the index on team_id alone of people, inbox and quiet_until is dropped
    (each table's unique index leads with team_id, and plans by the workspace alone were as
    good without it), their rows kept; skills, skill_aliases, questions and watched_channels
    keep theirs (SQLite orders their rows by id with it); a downgrade makes the three again."""
    if kind == "postgresql":
        await require_postgres()
    dropped = ("people", "inbox", "quiet_until")
    kept = ("skills", "skill_aliases", "questions", "watched_channels")

    def indexes(connection: Connection) -> dict[str, list[list[str]]]:
        found = inspect(connection)
        return {
            table: sorted(
                [[str(c) for c in i["column_names"]] for i in found.get_indexes(table)]
                + [u["column_names"] for u in found.get_unique_constraints(table)],
                key=str,
            )
            for table in dropped + kept
        }

    rows = {
        "people": "(team_id, user_id, name, real_name, tz, title, team_name, roles, interests, "
        "is_bot, deactivated, routing_status, updated_at) VALUES ('T1', 'U1', 'ann', 'Ann', "
        "'UTC', '', '', '[]', '[]', false, false, 'available', CURRENT_TIMESTAMP)",
        "inbox": "(team_id, request_key, body, replica_id, received_at, replays) "
        "VALUES ('T1', 'command:a', '{}', 'r1', CURRENT_TIMESTAMP, 0)",
        "quiet_until": "(team_id, user_id, until) VALUES ('T1', 'U1', CURRENT_TIMESTAMP)",
    }
    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0032"))
                before = await conn.run_sync(indexes)
                assert all(["team_id"] in before[table] for table in dropped + kept), before
                for table, values in rows.items():
                    await conn.execute(text(f"INSERT INTO {table} {values}"))
            await upgrade_head(engine)
            async with engine.begin() as conn:
                left = await conn.run_sync(indexes)
                for table in dropped:
                    assert ["team_id"] not in left[table], left[table]
                    assert any(c[0] == "team_id" and len(c) > 1 for c in left[table]), left[table]
                    assert (await conn.scalar(text(f"SELECT team_id FROM {table}"))) == "T1"
                assert all(["team_id"] in left[table] for table in kept), left
                await conn.run_sync(lambda c: command.downgrade(alembic_config(c), "0032"))
                assert (await conn.run_sync(indexes)) == before
        finally:
            await engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_kudos_keep_who_took_them_back_and_why(tmp_path: Path, kind: str) -> None:
    """Migration 0034: kudos gain `taken_back_by` and `taken_back_reason`, empty for the
    kudos given before (none was taken back by an admin); a downgrade drops them, the
    kudos kept."""
    if kind == "postgresql":
        await require_postgres()

    def columns(connection: Connection) -> set[str]:
        return {str(c["name"]) for c in inspect(connection).get_columns("kudos")}

    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0033"))
                assert "taken_back_by" not in await conn.run_sync(columns)
                await conn.execute(
                    text(
                        "INSERT INTO kudos (team_id, giver_user_id, receiver_user_id, message, "
                        '"values", is_private, source, idempotency_key, batch_key, created_at, '
                        "undone_at) VALUES ('T1', 'U1', 'U2', 'thanks', '[]', false, "
                        "'command', 'cmd:x:U2', 'cmd:x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                    )
                )
            await upgrade_head(engine)
            async with engine.begin() as conn:
                row = (
                    await conn.execute(
                        text("SELECT idempotency_key, taken_back_by, taken_back_reason FROM kudos")
                    )
                ).one()
                assert tuple(row) == ("cmd:x:U2", None, None)
                await conn.run_sync(lambda c: command.downgrade(alembic_config(c), "0033"))
                left = await conn.run_sync(columns)
                assert not {"taken_back_by", "taken_back_reason"} & left
                assert (await conn.scalar(text("SELECT idempotency_key FROM kudos"))) == "cmd:x:U2"
        finally:
            await engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_replies_to_commands_sent_as_messages_keep_the_command_alone(
    tmp_path: Path, kind: str
) -> None:
    """Migration 0035: a reply to one of the app's commands sent as a message kept the
    message as typed in its delivery (a kudos' reason, a private channel's words); it keeps
    the command alone, and whether more was typed. Other replies are left as they are."""
    if kind == "postgresql":
        await require_postgres()
    stored = {
        "k1": {"channel": "C1", "said": "command", "command": "/kudos @bob for the merger"},
        "k2": {"channel": "D1", "said": "command", "command": "skills add zorblaxing:4"},
        "k3": {"channel": "D1", "said": "command", "command": "/skills add", "more": True},
        "k4": {"channel": "D1", "said": "help"},
    }
    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0034"))
                for key, payload in stored.items():
                    await conn.execute(
                        text(
                            "INSERT INTO outbox (team_id, method, payload, dedupe_key, status, "
                            "attempts, next_attempt_at, created_at) VALUES ('T1', "
                            "'chatter.reply', :payload, :key, 'sent', 1, CURRENT_TIMESTAMP, "
                            "CURRENT_TIMESTAMP)"
                        ),
                        {"payload": json.dumps(payload), "key": key},
                    )
            await upgrade_head(engine)
            async with engine.connect() as conn:
                result = await conn.execute(text("SELECT dedupe_key, payload FROM outbox"))
                rows = {
                    str(key): payload if isinstance(payload, dict) else json.loads(payload)
                    for key, payload in result.all()
                }
        finally:
            await engine.dispose()
    assert rows == {
        "k1": {"channel": "C1", "said": "command", "command": "/kudos", "more": True},
        "k2": {"channel": "D1", "said": "command", "command": "/skills", "more": True},
        "k3": stored["k3"],
        "k4": stored["k4"],
    }
    assert "merger" not in json.dumps(rows) and "zorblaxing" not in json.dumps(rows)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_questions_keep_their_offers_and_kudos_through_their_new_key(
    tmp_path: Path, kind: str
) -> None:
    """Migration 0038 copies the questions table on SQLite (Alembic's batch mode): with
    foreign keys on, dropping the old copy deleted its rows first, and every offer went with
    them (ON DELETE CASCADE), every kudos' question was emptied (SET NULL). All are kept, and
    a second workspace may then store a question under the first's key."""
    if kind == "postgresql":
        await require_postgres()
    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0037"))
                question = await _asked(conn, "T1", "msg:C1:1.5")
                await conn.execute(
                    text(
                        "INSERT INTO offers (team_id, question_id, candidate_user_id, score, "
                        "reason, introduction, status, kind, rank, created_at) VALUES "
                        "('T1', :id, 'U2', 0.9, 'k8s', '', 'accepted', 'expert', 0, "
                        "CURRENT_TIMESTAMP)"
                    ),
                    {"id": question},
                )
                await conn.execute(
                    text(
                        "INSERT INTO kudos (team_id, giver_user_id, receiver_user_id, message, "
                        '"values", is_private, source, idempotency_key, batch_key, created_at, '
                        "question_id) VALUES ('T1', 'U1', 'U2', 'thanks', '[]', false, "
                        "'command', 'cmd:x:U2', 'cmd:x', CURRENT_TIMESTAMP, :id)"
                    ),
                    {"id": question},
                )
            assert await upgrade_head(engine) == ("0037", head())
            async with engine.begin() as conn:
                offered = await conn.execute(text("SELECT question_id, status FROM offers"))
                assert [tuple(row) for row in offered] == [(question, "accepted")]
                thanked = await conn.execute(text("SELECT question_id FROM kudos"))
                assert thanked.scalars().all() == [question]
                await _asked(conn, "T2", "msg:C1:1.5")
                if conn.dialect.name == "sqlite":
                    assert (await conn.scalar(text("PRAGMA foreign_keys"))) == 1
        finally:
            await engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
async def test_offers_keep_the_network_entry_they_were_made_for(tmp_path: Path, kind: str) -> None:
    """Migration 0039: offers gain `connection_id`, empty for the offers made before (which
    entry a connector was asked for was not kept: their request reads as before); the table
    is not copied (no key changes), and a downgrade drops the column, the offers kept."""
    if kind == "postgresql":
        await require_postgres()

    def columns(connection: Connection) -> set[str]:
        return {str(c["name"]) for c in inspect(connection).get_columns("offers")}

    async with fresh_database(tmp_path, kind) as url:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0038"))
                question = await _asked(conn, "T1", "msg:C1:1.5")
                await conn.execute(
                    text(
                        "INSERT INTO offers (team_id, question_id, candidate_user_id, score, "
                        "reason, introduction, status, kind, rank, created_at) VALUES "
                        "('T1', :id, 'U2', 1.0, 'knows someone who can help', '', 'pending', "
                        "'connector', 0, CURRENT_TIMESTAMP)"
                    ),
                    {"id": question},
                )
            assert await upgrade_head(engine) == ("0038", head())
            async with engine.begin() as conn:
                offered = await conn.execute(text("SELECT kind, connection_id FROM offers"))
                assert [tuple(row) for row in offered] == [("connector", None)]
                await conn.run_sync(lambda c: command.downgrade(alembic_config(c), "0038"))
                assert "connection_id" not in await conn.run_sync(columns)
                assert (await conn.scalar(text("SELECT kind FROM offers"))) == "connector"
        finally:
            await engine.dispose()
