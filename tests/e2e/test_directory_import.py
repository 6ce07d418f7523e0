"""Importing people and syncing the Slack directory, end to end against the local emulator:
emails resolve through users.lookupByEmail, users.list is paged and rate limits are waited out."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from bot import visibility
from bot.directory.importer import import_people
from handlers.client.directory import SlackResolver, directory_client, sync_directory
from storage.models import Person
from tests.e2e.harness import BOT_TOKEN, SIGNING_SECRET, Harness, run_main

# Lines 5-10 are bad, one way each; line 11 is a good row for the person line 9 got wrong.
SAMPLE_CSV = (Path(__file__).parent / "data" / "people_with_bad_rows.csv").read_text()


Cli = Callable[..., Awaitable[tuple[int, str, str]]]


def write_sample(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(SAMPLE_CSV)
    return path


async def test_import_reports_each_bad_row_and_is_idempotent(
    slack: Harness, tmp_path: Path
) -> None:
    """Good rows land (skills, manager, network) on the people the bot's first sync knows;
    each bad row is rejected with its line and reason; a dry run writes nothing; a second real
    run changes nothing."""
    client = directory_client(slack.runner.settings)
    resolver = await SlackResolver.connect(client)
    path = write_sample(tmp_path)
    dry = await import_people(slack.services, path, resolver, dry_run=True, progress=False)
    assert (len(dry.updated), len(dry.rejected)) == (4, 6)
    alice = slack.user("alice")
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert view.skills == () and view.title == ""

    report = await import_people(slack.services, path, resolver, dry_run=False, progress=False)
    reasons = {r.line: r.reason for r in report.rejected}
    assert sorted(reasons) == [5, 6, 7, 8, 9, 10]
    assert "no Slack user has the email ghost@example.com" in reasons[5]
    assert "Mars/Olympus" in reasons[6]
    assert "“go:9”" in reasons[7] and "1 (curious) to 5" in reasons[7]
    assert "needs an email or a slack_id" in reasons[8]
    assert "manager “zed”" in reasons[9]
    assert "the same person as line 3" in reasons[10]
    assert len(report.imported) + len(report.updated) == 4 and report.rejected == dry.rejected
    assert "line 5:" in report.summary()

    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert [(s.key, s.level) for s in view.skills] == [("terraform", 4), ("kubernetes", 3)]
    assert view.manager_user_id == slack.user("maria") and view.title == "Platform Engineer"
    assert view.network is not None and {e.colleague_user_id for e in view.network} >= {
        slack.user("bob")
    }
    assert len(slack.emu.calls_to("users.lookupByEmail")) >= 10

    again = await import_people(slack.services, path, resolver, dry_run=False, progress=False)
    assert (again.imported, again.updated, len(again.unchanged)) == ([], [], 4)


async def test_sync_pages_through_users_and_records_leavers(slack: Harness) -> None:
    """users.list is read 2 at a time with cursors, a 429 is waited out, names and time zones
    are recorded, and a deactivated expert drops out of `/skills who`. Dave, deactivated
    before the bot started, is known as such since its first sync, soon after it started."""
    services, team = slack.services, slack.team_id
    client = directory_client(slack.runner.settings)
    bob = slack.user("bob")
    await services.directory.add_skills(team, bob, [])
    first = await sync_directory(client, services, team, page_size=2)
    assert first.pages >= 4 and first.seen == len(slack.emu.workspace.users) - 1
    assert first.deactivated == [] and not first.added
    assert not await services.people.present_member(team, slack.user("dave"))
    from bot.directory.parse import SkillInput

    await services.directory.add_skills(team, bob, [SkillInput("kafka", 4)])
    slack.emu.workspace.users[bob].deleted = True
    slack.emu.workspace.users[slack.user("carol")].real_name = "Carol Diaz-Ruiz"
    slack.emu.faults.add("users.list", status=429, retry_after=1, times=1)
    second = await sync_directory(client, services, team, page_size=2)
    assert second.deactivated == [bob] and slack.user("carol") in second.updated
    cursors = [c.args.get("cursor") for c in slack.emu.calls_to("users.list")]
    assert (
        any(cursors) and len([c for c in slack.emu.calls_to("users.list") if c.status == 429]) == 1
    )
    who = await services.directory.who(team, "kafka", visibility.person(slack.user("alice")))
    assert who.experts == ()


@pytest.fixture
def cli(
    slack: Harness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    """`askaround ARGS…` in this process (`run_main`), against this test's Slack, on the bot's
    database or `database_url`."""
    monkeypatch.chdir(tmp_path)  # no .env of the checkout's
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_API_URL", slack.emu.api_url)

    async def run(*args: str, database_url: str | None = None) -> tuple[int, str, str]:
        url = database_url or slack.runner.settings.database_url
        monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
        return await run_main(args, capsys)

    return run


async def test_cli_import_dry_run_and_sync(slack: Harness, tmp_path: Path, cli: Cli) -> None:
    """`askaround import people FILE --dry-run` prints the report (no progress bar: stderr is
    a pipe) and writes nothing; `askaround sync` reports what users.list said."""
    code, out, err = await cli("import", "people", str(write_sample(tmp_path)), "--dry-run")
    assert code == 1 and "Dry run" in out and "4 updated" in out and "line 10:" in out
    assert "resolving people" not in err and "no Slack settings" not in err
    alice = slack.user("alice")
    view = await slack.services.directory.profile(slack.team_id, alice, visibility.person(alice))
    assert view.skills == ()
    code, out, _err = await cli("sync")
    assert code == 0 and "deactivated" in out


async def test_cli_sync_summary_counts_each_account_once(
    slack: Harness, tmp_path: Path, cli: Cli
) -> None:
    """`askaround sync`'s figures add up to the users listed, each said once for what
    happened to it. Dave, deactivated before askaround first saw him, was counted "new" and
    "deactivated" both ("7 new, … 1 deactivated" of 7); Bob, deactivated since, "updated" and
    "deactivated" both, and the six unchanged went unsaid. On a database of its own: the
    running bot has synced its own soon after it started."""
    fresh = f"sqlite:///{tmp_path / 'first-sync.db'}"
    code, out, _err = await cli("sync", database_url=fresh)
    assert code == 0
    assert out.strip() == (
        "7 Slack users in 1 page: 6 new, 1 already deactivated when first seen, 0 updated, "
        "0 deactivated, 0 reactivated, 0 unchanged; "
        "0 no longer in the workspace (not listed: recorded as deactivated)."
    ), out
    slack.emu.workspace.users[slack.user("bob")].deleted = True
    code, out, _err = await cli("sync", database_url=fresh)
    assert out.strip() == (
        "7 Slack users in 1 page: 0 new, 0 updated, 1 deactivated, 0 reactivated, 6 unchanged; "
        "0 no longer in the workspace (not listed: recorded as deactivated)."
    ), out


async def test_cli_import_reads_a_spreadsheets_export(
    slack: Harness, tmp_path: Path, cli: Cli
) -> None:
    """What a spreadsheet's "Save as CSV" writes (docs/testing-log.md, "An admin's walk-through"):
    a row of empty cells (",,,,", a formatted row with nothing in it) was rejected as "needs an
    email or a slack_id", exit 1; a column with no name in the header (a stray formatted
    column) refused the whole file as "unknown CSV column “”"; a role as the sheet capitalised
    it, `Admin`, was "unknown roles “Admin”: use admin, manager". A value under a column with
    no name still rejects its row, so nothing is dropped unsaid."""
    path = tmp_path / "export.csv"
    path.write_text(
        "Email,Title,Roles,,\n"
        "alice@example.com,Platform Engineer,Admin,,\n"
        ",,,,\n"
        "bob@example.com,SRE,,,\n"
        "carol@example.com,Designer,,,see notes\n"
        ",,,,\n"
    )
    code, out, err = await cli("import", "people", str(path))
    assert (code, err) == (1, ""), err
    assert out.splitlines() == [
        "0 imported, 2 updated, 0 unchanged, 1 rejected.",
        "  line 5: a value, “see notes”, is under a column with no name in the header: "
        "name the column, or empty it",
    ], out
    async with slack.services.sessions() as s:
        alice = await s.scalar(select(Person).where(Person.user_id == slack.user("alice")))
    assert alice is not None and alice.roles == ["admin"] and alice.title == "Platform Engineer"


async def test_cli_import_names_the_column_an_hr_header_means(
    slack: Harness, tmp_path: Path, cli: Cli
) -> None:
    """An HR system's export names its columns its own way: "E-mail" was asked "did you mean
    email?", but "Email Address", "Job Title", "Department", "Manager Email" and "Time Zone"
    only listed the columns there are, leaving the admin to guess which is which."""
    path = tmp_path / "hr.csv"
    path.write_text(
        "Email Address,Job Title,Department,Manager Email,Time Zone\n"
        "alice@example.com,Platform Engineer,Platform,maria@example.com,Europe/Paris\n"
    )
    code, out, err = await cli("import", "people", str(path))
    assert (code, out) == (1, "") and len(err.splitlines()) == 1, err
    for header, column in [
        ("department", "team"),
        ("email address", "email"),
        ("job title", "title"),
        ("manager email", "manager"),
        ("time zone", "tz"),
    ]:
        assert f"“{header}” (did you mean {column}?)" in err, err


async def test_cli_import_skips_an_identical_repeat_with_a_warning(
    slack: Harness, tmp_path: Path, cli: Cli
) -> None:
    """An export that repeats a line (docs/testing-log.md, "An admin's walk-through") was
    rejected "the same person as line 2", exit 1, though the person was imported from line 2:
    an identical repeat is a warning that it was skipped, exit 0. A repeat that differs is
    still refused: which value wins is not askaround's to guess."""
    path = tmp_path / "export.csv"
    row = "alice@example.com,Platform Engineer,Platform\n"
    path.write_text("email,title,team\n" + row + "bob@example.com,SRE,Platform\n" + row)
    code, out, err = await cli("import", "people", str(path))
    assert (code, err) == (0, ""), err
    assert out.splitlines() == [
        "0 imported, 2 updated, 0 unchanged, 0 rejected.",
        "  line 4: warning: the same row as line 2, skipped",
    ], out
    path.write_text("email,title,team\n" + row + "alice@example.com,SRE,Platform\n")
    code, out, _err = await cli("import", "people", str(path))
    assert code == 1 and "  line 3: the same person as line 2" in out, out


async def test_cli_import_honours_excels_separator_line(
    slack: Harness, tmp_path: Path, cli: Cli
) -> None:
    """Excel reads (and some exports write) a first line `sep=;` naming the separator: it
    was refused as unknown columns “sep=” and “”. It is honoured and skipped, and each
    reported line is still the file's own."""
    path = tmp_path / "excel.csv"
    path.write_text(
        "sep=;\n"
        "email;title;team\n"
        "alice@example.com;Platform Engineer;Platform\n"
        "nobody@example.com;SRE;Platform\n"
    )
    code, out, err = await cli("import", "people", str(path))
    assert (code, err) == (1, ""), err
    assert out.splitlines()[1].startswith("  line 4: no Slack user has the email"), out
    async with slack.services.sessions() as s:
        alice = await s.scalar(select(Person).where(Person.user_id == slack.user("alice")))
    assert alice is not None and alice.title == "Platform Engineer"
