"""`askaround import people` against Slack (the emulator): a row's every problem in one
rejection, roles the workspace does not know refused, manager loops refused, and a skill the
vocabulary lacks imported with a warning naming the closest known one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot import visibility
from bot.directory import importer
from bot.directory.import_files import RawRow, read_rows
from bot.directory.importer import ImportReport, import_people
from handlers.client.directory import SlackResolver, directory_client
from storage import workspaces
from storage.models import Person, PersonSkill
from tests.slack.harness import SlackHarness

pytestmark = pytest.mark.postgres_too


async def run_import(
    slack: SlackHarness, *rows: dict[str, Any], dry_run: bool = False
) -> ImportReport:
    """The rows as lines 2, 3, … of a file (line 1 is a CSV header)."""
    resolver = await SlackResolver.connect(directory_client(slack.runner.settings))
    raw = [RawRow(line, fields) for line, fields in enumerate(rows, start=2)]
    return await import_people(slack.services, raw, resolver, dry_run=dry_run, progress=False)


def reasons(report: ImportReport) -> dict[int, str]:
    return {r.line: r.reason for r in report.rejected}


async def test_a_row_is_rejected_with_every_problem_it_has(slack: SlackHarness) -> None:
    """Field problems come together, and so do the manager and network ones."""
    report = await run_import(
        slack,
        {
            "email": "not an email",
            "tz": "Mars/Olympus",
            "skills": {"go": 9},
            "roles": ["wizard"],
            "nickname": "x",
        },
        {"email": "carol@example.com", "manager": "zed", "network": [{"colleague": "nobody"}]},
    )
    field_problems = reasons(report)[2].split("; ")
    assert len(field_problems) == 5, field_problems
    for fragment in (
        "nickname",
        "is not an email",
        "Mars/Olympus",
        "skill “go”",
        "unknown roles “wizard”:",
    ):
        assert any(fragment in problem for problem in field_problems), fragment
    assert reasons(report)[3] == (
        "manager “zed” is not in the file or the workspace; network colleague “nobody” is unknown"
    )
    assert report.imported == []
    assert "line 2: unknown field “nickname” (use slack_id, " in report.summary()


async def test_roles_are_built_in_or_the_workspaces_own(slack: SlackHarness) -> None:
    """admin and manager are known everywhere; another role only where it has an allowance."""
    rows = [
        {"email": "alice@example.com", "roles": ["admin"]},
        {"email": "bob@example.com", "roles": ["manager", "lead"]},
    ]
    first = await run_import(slack, *rows)
    assert reasons(first) == {3: "unknown roles “lead”: use admin, manager"}
    async with slack.services.sessions() as s, s.begin():
        await workspaces.configure(s, slack.team_id, role_allowances={"lead": 8})
    second = await run_import(slack, *rows)
    assert second.rejected == [] and second.imported == [slack.user("bob")]


async def test_a_manager_loop_is_refused_whole(slack: SlackHarness) -> None:
    """A loop within the file is refused on each of its rows; so is one closed through a
    manager the workspace already records; a chain that ends is fine."""
    looped = await run_import(
        slack,
        {"email": "alice@example.com", "handle": "alice", "manager": "bob"},
        {"email": "bob@example.com", "handle": "bob", "manager": "carol"},
        {"email": "carol@example.com", "handle": "carol", "manager": "alice@example.com"},
        {"email": "maria@example.com", "handle": "maria", "manager": "alice"},
    )
    assert reasons(looped) == {
        2: "manager loop: @alice → @bob → @carol → @alice",
        3: "manager loop: @bob → @carol → @alice → @bob",
        4: "manager loop: @carol → @alice → @bob → @carol",
    }
    assert looped.imported == [slack.user("maria")]

    chain = await run_import(slack, {"email": "bob@example.com", "manager": "maria"})
    assert chain.rejected == [] and chain.imported == [slack.user("bob")]
    closing = await run_import(slack, {"email": "alice@example.com", "manager": "bob"})
    assert reasons(closing) == {2: "manager loop: @alice → @bob → @maria → @alice"}
    alice = slack.user("alice")
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert view.manager_user_id is None


async def test_a_skill_outside_the_vocabulary_is_imported_with_a_warning(
    slack: SlackHarness,
) -> None:
    report = await run_import(
        slack, {"email": "alice@example.com", "skills": {"terrafrom": 3, "kubernetes": 4}}
    )
    assert report.rejected == [] and report.imported == [slack.user("alice")]
    assert [(w.line, w.reason) for w in report.warnings] == [
        (2, "skill “terrafrom” is not in the vocabulary, added as new (closest: Terraform)")
    ]
    assert "line 2: warning: skill “terrafrom”" in report.summary()


async def test_a_large_file_is_read_from_the_member_list_and_written_in_chunks(
    slack: SlackHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From PRELOAD_AT rows the people come from one paged `users.list`, not one
    `users.lookupByEmail` a row; rows are written CHUNK at a time (small here, so the file
    spans several chunks), with the same outcome as one at a time: managers across chunks,
    a network entry for the same colleague updated rather than doubled, and a second run of
    the same file changing nothing but the one row that changed."""
    monkeypatch.setattr(importer, "CHUNK", 64)
    count = importer.PRELOAD_AT + 50
    ws = slack.emu.workspace
    ids = [ws.add_user(name=f"p{n:03}", email=f"p{n:03}@example.com").id for n in range(count)]
    rows: list[dict[str, Any]] = [
        {
            "email": f"p{n:03}@example.com",
            "handle": f"p{n:03}",
            "manager": f"p{n - 1:03}" if n else "",
            "skills": {"python": 1 + n % 5, f"skzz{n % 7}": 2},
            "network": [
                {"colleague": f"p{n + 1:03}", "topics": ["kafka"]},
                {"colleague": f"@p{n + 1:03}", "relationship": "personal"},
            ]
            if n % 100 == 0
            else [],
        }
        for n in range(count)
    ]
    lookups = len(slack.emu.calls_to("users.lookupByEmail"))
    first = await run_import(slack, *rows)
    assert first.rejected == [] and first.imported == ids
    assert len(slack.emu.calls_to("users.lookupByEmail")) == lookups
    assert slack.emu.calls_to("users.list")
    assert {w.reason.split(",")[0] for w in first.warnings} == {
        f"skill “skzz{n}” is not in the vocabulary" for n in range(7)
    }
    warned = [line for line in first.summary().splitlines() if "warning:" in line]
    assert len(warned) == 7 and warned[0].startswith("  lines 2, 9, 16, ")  # one a new skill
    last = ids[-1]
    view = await slack.services.directory.profile(slack.team_id, last, visibility.person(last))
    assert view.manager_user_id == ids[-2]
    assert {(s.key, s.level) for s in view.skills} == {
        ("python", 1 + (count - 1) % 5),
        (f"skzz{(count - 1) % 7}", 2),
    }
    head = ids[200]
    view = await slack.services.directory.profile(slack.team_id, head, visibility.person(head))
    assert view.network is not None
    assert [(e.colleague_user_id, e.topics, e.relationship) for e in view.network] == [
        (ids[201], ("kafka",), "personal")
    ]

    again = await run_import(slack, *rows)
    assert (again.imported, again.updated, again.unchanged) == ([], [], ids)
    rows[130]["skills"] = {"python": 5}
    rows[200]["network"] = [{"colleague": "p201", "topics": ["kafka", "flink"]}]
    third = await run_import(slack, *rows)
    assert third.updated == [ids[130], ids[200]] and len(third.unchanged) == count - 2


async def test_two_names_of_one_skill_keep_the_last_level(slack: SlackHarness) -> None:
    """`k8s` is an alias of kubernetes: the row declares one skill, at its last level, and
    the same file again changes nothing."""
    row = {"email": "alice@example.com", "skills": {"k8s": 2, "kubernetes": 4, "go": 3}}
    first = await run_import(slack, row)
    alice = slack.user("alice")
    assert first.imported == [alice] and first.warnings == []
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert {(s.key, s.level) for s in view.skills} == {("kubernetes", 4), ("go", 3)}
    again = await run_import(slack, row)
    assert (again.imported, again.updated, again.unchanged) == ([], [], [alice])


async def test_a_csv_file_is_read_as_written_not_as_slack_text(
    slack: SlackHarness, tmp_path: Path
) -> None:
    """A file is not Slack's text: an `&amp;` written in a CSV's skills is kept as written,
    as the same row in YAML keeps it, not read as Slack's escape for `&`."""
    alice = slack.user("alice")
    csv = tmp_path / "people.csv"
    csv.write_text('email,skills\nalice@example.com,"HTML &amp; XML:4, go:2"\n')
    yaml = tmp_path / "people.yaml"
    yaml.write_text("people:\n- email: alice@example.com\n  skills: {HTML &amp; XML: 4, go: 2}\n")
    resolver = await SlackResolver.connect(directory_client(slack.runner.settings))
    for path in (csv, yaml):
        report = await import_people(slack.services, read_rows(path), resolver, progress=False)
        assert report.rejected == [], report.summary()
        view = await slack.services.directory.profile(
            slack.team_id, alice, visibility.person(alice)
        )
        assert sorted(s.name for s in view.skills) == ["Go", "HTML &amp; XML"], path


@pytest.mark.parametrize("preload", [False, True], ids=["one look-up a row", "users.list"])
async def test_a_member_of_another_organisation_is_not_imported(
    slack: SlackHarness, preload: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Carol, of another organisation in a channel shared with this workspace (Slack Connect),
    is no Slack user of this workspace's to import: a person stored passes for a member."""
    slack.here.workspace.guests[slack.user("carol")] = "T0OTHERORG"
    if preload:
        monkeypatch.setattr(importer, "PRELOAD_AT", 1)
    report = await run_import(slack, {"email": "carol@example.com"}, {"email": "bob@example.com"})
    assert reasons(report) == {2: "no Slack user has the email carol@example.com"}
    assert len(report.imported) == 1


async def test_a_time_zone_typed_in_another_case_is_the_zone_and_a_near_one_is_named(
    slack: SlackHarness,
) -> None:
    """An HR export's `asia/kolkata` was refused as "not a time zone", and so was the typo
    `Asia/Calcuta` with nothing to say what was meant: the first is kept as Asia/Kolkata,
    the second is refused naming the zone it most likely meant."""
    report = await run_import(
        slack,
        {"email": "alice@example.com", "tz": "asia/kolkata"},
        {"email": "carol@example.com", "tz": "Asia/Calcuta"},
    )
    assert report.imported == [slack.user("alice")], reasons(report)
    assert reasons(report) == {
        3: "“Asia/Calcuta” is not a time zone: did you mean Asia/Calcutta? (say Europe/Paris)"
    }
    async with slack.services.sessions() as s:
        tz = await s.scalar(
            select(Person.tz).where(
                Person.team_id == slack.team_id, Person.user_id == slack.user("alice")
            )
        )
    assert tz == "Asia/Kolkata"


async def test_skills_declared_after_a_week_carry_the_bot_s_time(slack: SlackHarness) -> None:
    """A skill's time says whether it was known when a question was asked, and questions take
    the bot's clock: an import or `/skills add` a week on is stamped a week on, as the demo's
    `wait 7 days` and the tests move it. Before, it took real time, a week before."""
    slack.services.clock.freeze(datetime(2026, 3, 3, 10, tzinfo=UTC))
    slack.advance(timedelta(days=7))
    await run_import(slack, {"email": "alice@example.com", "skills": {"kubernetes": 4}})
    await slack.command("bob", "/skills", "add terraform:3")
    await slack.settle()
    async with slack.services.sessions() as s:
        stamped = list(await s.scalars(select(PersonSkill.updated_at)))
    assert stamped == [datetime(2026, 3, 10, 10, tzinfo=UTC)] * 2
