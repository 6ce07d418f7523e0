"""The directory sync writes its rows a run at a time (`storage.people.upsert_profiles_in_order`),
not a statement a person: 2,500 newcomers in eleven statements, where it wrote one each (2.1 s
of CPU a daily sync of 10,000, docs/benchmarks.md). What it writes is unchanged: newcomers,
renames, guests, someone deactivated, someone no longer listed, in user-id order."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, select

from handlers.client.directory import sync_directory
from storage.models import Person
from storage.people import PROFILES_AT_ONCE
from tests.slack.harness import SlackHarness

MANY = 2500


async def stored(slack: SlackHarness, *user_ids: str) -> dict[str, tuple[Any, ...]]:
    async with slack.services.sessions() as s:
        rows = await s.execute(
            select(
                Person.user_id, Person.real_name, Person.tz, Person.is_guest, Person.deactivated
            ).where(Person.team_id == slack.team_id, Person.user_id.in_(user_ids))
        )
        return {row[0]: tuple(row[1:]) for row in rows}


@pytest.mark.postgres_too
async def test_a_sync_writes_its_people_a_run_at_a_time(slack: SlackHarness) -> None:
    """Two syncs of 2,500 newcomers besides the workspace's people: the first stores them all,
    a guest among them as a guest, in statements of PROFILES_AT_ONCE rows in user-id order.
    Then one is renamed, one deactivated and one erased, unheard of (no `user_change`): the
    second sync stores each so, as the people cache and routing read them, in as few
    statements."""
    ws = slack.here.workspace
    users = [
        ws.add_user(f"person{n}", real_name=f"Person {n}", tz="Asia/Tokyo") for n in range(MANY)
    ]
    guest = ws.add_user("gina", real_name="Gina Guest", guest="multi")
    written: list[list[str]] = []

    def count(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO PEOPLE"):
            rows = parameters if isinstance(parameters, list) else [parameters]
            columns = [c.strip() for c in statement.split("(", 1)[1].split(")", 1)[0].split(",")]
            at = columns.index("user_id")
            written.append([row[at] if isinstance(row, tuple) else row["user_id"] for row in rows])

    engine = slack.services.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        first = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
        assert len(first.added) >= MANY + 1, first.summary()
        full, rest = divmod(len(first.added), PROFILES_AT_ONCE)
        statements = [PROFILES_AT_ONCE] * full + ([rest] if rest else [])
        assert [len(rows) for rows in written] == statements
        assert [u for rows in written for u in rows] == sorted(u for rows in written for u in rows)
        assert await stored(slack, users[0].id, guest.id) == {
            users[0].id: ("Person 0", "Asia/Tokyo", False, False),
            guest.id: ("Gina Guest", "Europe/London", True, False),
        }

        renamed, gone, erased = users[1], users[2], users[3]
        renamed.real_name, renamed.updated = "Person One", renamed.updated + 1
        gone.deleted, gone.updated = True, gone.updated + 1
        await slack.emu.remove_user(erased.id)
        written.clear()
        second = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert second.updated == [renamed.id, gone.id] and second.deactivated == [gone.id]
    assert second.left == [erased.id], second.summary()
    # The harness's own people, Slack leaving some of their fields unsaid, break the runs.
    runs = -(-(MANY + 1) // PROFILES_AT_ONCE)  # the newcomers and the guest, a statement a run
    assert len(written) <= 9 + runs, [(len(rows), rows[0]) for rows in written]
    assert max(len(rows) for rows in written) == PROFILES_AT_ONCE
    assert await stored(slack, renamed.id, gone.id, erased.id) == {
        renamed.id: ("Person One", "Asia/Tokyo", False, False),
        gone.id: ("Person 2", "Asia/Tokyo", False, True),
        erased.id: ("Person 3", "Asia/Tokyo", False, True),
    }
    names = await slack.services.people.display_names(slack.team_id, [renamed.id])
    assert names[renamed.id].startswith("Person One")


@pytest.mark.postgres_too
async def test_a_daily_sync_reads_what_is_stored_a_chunk_at_a_time(slack: SlackHarness) -> None:
    """The daily sync compares each person with what is stored of them, read PROFILES_AT_ONCE
    people at a time just before their rows are written, not the whole workspace's at once
    (about 6 MB at 10,000 people, docs/benchmarks.md section 5); who left is found a page of
    ids at a time too. It still finds every change, on both sides of the chunks' edges: a
    rename, a deactivation, a reactivation, someone erased, a new time zone."""
    ws = slack.here.workspace
    users = {
        f"UZ{n:05d}": ws.add_user(f"chunked{n}", real_name=f"Chunked {n}", user_id=f"UZ{n:05d}")
        for n in range(MANY)
    }
    back = users["UZ00003"]
    back.deleted = True
    first = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    everyone = sorted(first.added)
    edges = [everyone[at] for at in (PROFILES_AT_ONCE - 1, PROFILES_AT_ONCE)]
    edges += [everyone[at] for at in (2 * PROFILES_AT_ONCE - 1, 2 * PROFILES_AT_ONCE)]
    assert all(user_id in users for user_id in edges), edges  # the harness's few sort first
    renamed, gone, erased, renamed_too = (users[user_id] for user_id in edges)
    moved = users[max(users)]
    renamed.real_name, renamed.updated = "Renamed", renamed.updated + 1
    renamed_too.real_name, renamed_too.updated = "Renamed too", renamed_too.updated + 1
    gone.deleted, gone.updated = True, gone.updated + 1
    back.deleted, back.updated = False, back.updated + 1
    moved.tz, moved.updated = "America/Chicago", moved.updated + 1
    await slack.emu.remove_user(erased.id)
    unbounded: list[str] = []

    def bounded(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        # What the sync reads of people names its people (an IN list of at most
        # PROFILES_AT_ONCE) or is a page of them (LIMIT): never the whole workspace at once.
        if statement.lstrip().startswith("SELECT people.user_id"):
            named = " IN (" in statement and len(parameters) <= PROFILES_AT_ONCE + 1
            if not named and " LIMIT " not in statement:
                unbounded.append(statement)

    engine = slack.services.engine.sync_engine
    event.listen(engine, "before_cursor_execute", bounded)
    try:
        second = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    finally:
        event.remove(engine, "before_cursor_execute", bounded)
    assert not unbounded, unbounded
    assert second.updated == sorted([back.id, renamed.id, gone.id, renamed_too.id, moved.id])
    assert (second.deactivated, second.reactivated) == ([gone.id], [back.id])
    assert second.left == [erased.id], second.summary()
    assert second.seen == len(first.added) - 1
    assert await stored(slack, renamed.id, gone.id, erased.id, renamed_too.id, moved.id) == {
        renamed.id: ("Renamed", "Europe/London", False, False),
        gone.id: (gone.real_name, "Europe/London", False, True),
        erased.id: (erased.real_name, "Europe/London", False, True),
        renamed_too.id: ("Renamed too", "Europe/London", False, False),
        moved.id: ("Chunked 2499", "America/Chicago", False, False),  # UZ02499
    }
