"""`askaround import people` against Slack (the emulator): a row's every problem in one
rejection, roles the workspace does not know refused, manager loops refused, and a skill the
vocabulary lacks imported with a warning naming the closest known one."""

from __future__ import annotations

from typing import Any

from bot import visibility
from bot.directory.import_files import RawRow
from bot.directory.importer import ImportReport, import_people
from handlers.client.directory import SlackResolver, directory_client
from storage import workspaces
from tests.slack.harness import SlackHarness


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
    for fragment in ("nickname", "is not an email", "Mars/Olympus", "skill 'go'", "'wizard'"):
        assert any(fragment in problem for problem in field_problems), fragment
    assert reasons(report)[3] == (
        "manager 'zed' is not in the file or the workspace; network colleague 'nobody' is unknown"
    )
    assert report.imported == [] and "line 2: unknown fields ['nickname']; " in report.summary()


async def test_roles_are_built_in_or_the_workspaces_own(slack: SlackHarness) -> None:
    """admin and manager are known everywhere; another role only where it has an allowance."""
    rows = [
        {"email": "alice@example.com", "roles": ["admin"]},
        {"email": "bob@example.com", "roles": ["manager", "lead"]},
    ]
    first = await run_import(slack, *rows)
    assert reasons(first) == {3: "unknown roles ['lead']: use admin, manager"}
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
        (2, "skill 'terrafrom' is not in the vocabulary, added as new (closest: Terraform)")
    ]
    assert "line 2: warning: skill 'terrafrom'" in report.summary()
