"""Writers of profiles at the same moment on PostgreSQL: an admin's merge, an import or the
directory sync with a `/skills` change of the same people. Each takes the workspace's row first
(`storage.workspaces.hold_for_profiles`), so one waits for the other and both are done;
before, they took the same rows in opposite orders and PostgreSQL failed one of them with a
deadlock.

Each test makes the race certain rather than likely: the test's own transaction holds a row
the first writer needs, the second writer starts, and the row is let go only once both wait
on a lock (read from PostgreSQL's `pg_stat_activity`, not timed)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy import Select, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory.admin import merge_skills
from bot.directory.import_files import RawRow
from bot.directory.importer import import_people
from bot.profile import Profile
from handlers.client.directory import SlackResolver, directory_client, sync_directory
from storage import skills as skills_q
from storage.models import Connection, Person, PersonSkill, Skill, Workspace
from tests.slack.harness import SlackHarness

pytestmark = pytest.mark.postgres_too

WAITING = text(
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
)


def on_postgresql(slack: SlackHarness) -> None:
    if slack.services.engine.dialect.name != "postgresql":
        pytest.skip(
            "a deadlock is PostgreSQL's: SQLite has one writer at a time, so these writers "
            "never hold rows together; this runs in the PostgreSQL pass"
        )


@asynccontextmanager
async def holding(slack: SlackHarness, rows: Select[Any]) -> AsyncIterator[None]:
    """These rows locked by a transaction of the test's own until the block ends."""
    async with slack.services.sessions() as gate, gate.begin():
        assert (await gate.execute(rows.with_for_update())).all(), "nothing to hold"
        yield


async def until_waiting(slack: SlackHarness, count: int) -> None:
    """Until `count` transactions wait on a lock (the hang guard is not a measure)."""

    async def waiting() -> None:
        while True:
            async with slack.services.sessions() as s:
                if (await s.scalar(WAITING) or 0) >= count:
                    return
            await asyncio.sleep(0.02)

    await asyncio.wait_for(waiting(), timeout=60)


async def person_id(s: AsyncSession, slack: SlackHarness, handle: str) -> int:
    found = await s.scalar(
        select(Person.id).where(
            Person.team_id == slack.team_id, Person.user_id == slack.user(handle)
        )
    )
    assert found is not None
    return found


async def network_entries(s: AsyncSession, person: int) -> int:
    """How many people the person's network names: one `network add` makes one."""
    count = select(func.count()).select_from(Connection).where(Connection.person_id == person)
    return int(await s.scalar(count) or 0)


def deadlocks(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "deadlock" in str(r.__dict__).lower()]


async def test_a_merge_and_a_skills_add_of_the_same_person_both_finish(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """An admin merges Ansible into Terraform while Carol, who declared both, types `/skills
    add ansible:2, terraform:5`. The merge moved its people one at a time and took Carol's
    Ansible after her Terraform (raised to her Ansible's 4); her `/skills add` took them the
    other way round: PostgreSQL failed one of the two. Now her `/skills add` waits for the
    merge (her Ansible is then Terraform, the last level kept)."""
    on_postgresql(slack)
    caplog.set_level(logging.INFO)
    await slack.command("carol", "/skills", "add ansible:4, terraform:3")
    await slack.command("bob", "/skills", "add ansible:4")
    await slack.settle()
    async with slack.services.sessions() as s:
        carol = await person_id(s, slack, "carol")
        terraform = await skills_q.skill_id(s, slack.team_id, "terraform")
    her_terraform = select(PersonSkill.level).where(
        PersonSkill.person_id == carol, PersonSkill.skill_id == terraform
    )
    async with holding(slack, her_terraform):
        merged = asyncio.create_task(
            merge_skills(slack.services.directory, slack.team_id, "ansible", "terraform")
        )
        await until_waiting(slack, 1)
        added = asyncio.create_task(slack.command("carol", "/skills", "add ansible:2, terraform:5"))
        await until_waiting(slack, 2)
    said, _ = await asyncio.gather(merged, added)
    await slack.settle()
    assert "2 profiles moved" in said
    assert deadlocks(caplog) == []
    async with slack.services.sessions() as s:
        assert await skills_q.skill_id(s, slack.team_id, "ansible") is None
        assert await s.scalar(her_terraform) == 5
        bob = await person_id(s, slack, "bob")
        assert (
            await s.scalar(
                select(PersonSkill.level).where(
                    PersonSkill.person_id == bob, PersonSkill.skill_id == terraform
                )
            )
            == 4
        )


async def test_an_import_and_a_network_add_of_the_same_person_both_finish(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Carol types `/skills network add @bob` while an import gives her a title and a skill.
    The import took the workspace's row last, after hers; her network add took the
    workspace's first and then hers: PostgreSQL failed one of the two. Now the import takes
    the workspace's row first and waits for her."""
    on_postgresql(slack)
    caplog.set_level(logging.INFO)
    await slack.command("carol", "/skills", "add terraform:3")  # her row and the workspace's
    await slack.settle()
    resolver = await SlackResolver.connect(directory_client(slack.runner.settings))
    rows = [RawRow(2, {"email": "carol@example.com", "title": "SRE", "skills": {"go": 4}})]
    workspace = select(Workspace.team_id).where(Workspace.team_id == slack.team_id)
    async with holding(slack, workspace):
        network = asyncio.create_task(
            slack.command("carol", "/skills", "network add @bob about terraform")
        )
        await until_waiting(slack, 1)
        imported = asyncio.create_task(
            import_people(slack.services, rows, resolver, progress=False)
        )
        await until_waiting(slack, 2)
    _, report = await asyncio.gather(network, imported)
    await slack.settle()
    assert (len(report.updated), report.rejected) == (1, [])
    assert deadlocks(caplog) == []
    async with slack.services.sessions() as s:
        carol = await person_id(s, slack, "carol")
        assert (await s.get(Person, carol)).title == "SRE"  # type: ignore[union-attr]
        go = await s.scalar(
            select(PersonSkill.level)
            .join(Skill, Skill.id == PersonSkill.skill_id)
            .where(PersonSkill.person_id == carol, Skill.key == "go")
        )
        assert go == 4
        assert await network_entries(s, carol) == 1


async def test_the_directory_sync_and_a_network_add_both_finish(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Carol types `/skills network add @bob` while the directory sync records everyone. The
    sync marked the workspace synced last, after everyone's rows: with her network add,
    which takes the workspace's row and then hers, PostgreSQL failed one of the two. Now the
    sync takes the workspace's row first."""
    on_postgresql(slack)
    caplog.set_level(logging.INFO)
    await slack.command("carol", "/skills", "add terraform:3")
    await slack.settle()
    client = directory_client(slack.runner.settings)
    workspace = select(Workspace.team_id).where(Workspace.team_id == slack.team_id)
    async with holding(slack, workspace):
        network = asyncio.create_task(
            slack.command("carol", "/skills", "network add @bob about terraform")
        )
        await until_waiting(slack, 1)
        synced = asyncio.create_task(sync_directory(client, slack.services, slack.team_id))
        await until_waiting(slack, 2)
    _, report = await asyncio.gather(network, synced)
    await slack.settle()
    assert report.seen >= 3
    assert deadlocks(caplog) == []
    async with slack.services.sessions() as s:
        carol = await person_id(s, slack, "carol")
        assert await network_entries(s, carol) == 1


async def test_an_import_and_a_look_up_of_the_same_people_both_finish(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """An import whose file lists Bob before Alice (it writes people in the file's order) while
    Slack's description of both is stored (a question's names looked up: `remember`, which
    wrote them in user-id order, Alice first, without the workspace's row). Each took one of
    the two and waited for the other: PostgreSQL failed one. Now the look-up takes the
    workspace's row first, so one waits for the other."""
    on_postgresql(slack)
    caplog.set_level(logging.INFO)
    await slack.command("bob", "/skills", "add terraform:3")
    await slack.command("alice", "/skills", "add terraform:4")
    await slack.settle()
    first, second = sorted([slack.user("bob"), slack.user("alice")])
    resolver = await SlackResolver.connect(directory_client(slack.runner.settings))
    emails = {slack.user(h): f"{h}@example.com" for h in ("alice", "bob")}
    rows = [
        RawRow(2, {"email": emails[second], "title": "SRE"}),
        RawRow(3, {"email": emails[first], "title": "SRE"}),
    ]
    described = [Profile(u, name=f"n{u.lower()}", real_name=f"R {u}") for u in (first, second)]
    async with slack.services.sessions() as s:
        held = await s.scalar(
            select(Person.id).where(Person.team_id == slack.team_id, Person.user_id == first)
        )
    async with holding(slack, select(Person.id).where(Person.id == held)):
        remembered = asyncio.create_task(slack.services.people.remember(slack.team_id, *described))
        await until_waiting(slack, 1)
        imported = asyncio.create_task(
            import_people(slack.services, rows, resolver, progress=False)
        )
        await until_waiting(slack, 2)
    stored, report = await asyncio.gather(remembered, imported)
    assert [p.user_id for p in stored] == [first, second]
    assert (len(report.updated), report.rejected) == (2, [])
    assert deadlocks(caplog) == []
    async with slack.services.sessions() as s:
        people = list(await s.scalars(select(Person).where(Person.user_id.in_([first, second]))))
    assert [p.title for p in people] == ["SRE", "SRE"]  # the import, which waited
