"""Each failure a person can cause is one line on standard error and a non-zero exit, never a
traceback (`--debug` adds it); the commands that only touch the database run without any Slack
setting."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.runtime.cli import main
from bot.runtime.cli.command_line import build_parser
from slack_emulator import SlackEmulator
from tests.domain.routing.test_eval_command import write_fixture
from tests.e2e.harness import run_main, serve_here

# Each test names its own database (a SQLite file, or a server that is not there).
pytestmark = pytest.mark.database_independent

EMULATOR_TOKEN = "xoxb-the-right-one"


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """No Slack setting at all, no `.env` to read, and a SQLite file that can be written."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "ASKAROUND_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    yield tmp_path


@pytest.fixture
async def emulator(offline: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    """A Slack that knows only EMULATOR_TOKEN, at SLACK_API_URL."""
    emu = await SlackEmulator("secret", bot_token=EMULATOR_TOKEN).start()
    monkeypatch.setenv("SLACK_API_URL", emu.api_url)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    yield emu.api_url
    await emu.stop()


async def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    """`askaround ARGV` in a thread (it runs its own event loop); its code and stderr lines."""
    capsys.readouterr()
    code = await asyncio.to_thread(main, list(argv))
    return code, capsys.readouterr().err.strip().splitlines()


def one_line(err: list[str], *fragments: str) -> str:
    assert len(err) == 1, err
    assert err[0].startswith("askaround: ") and "Traceback" not in err[0], err
    for fragment in fragments:
        assert fragment in err[0], (fragment, err[0])
    return err[0]


async def test_database_commands_need_no_slack_setting(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """migrate, export, outbox and report run with the database URL alone, and a malformed
    Slack token is not even read by them."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", "not-a-token")
    assert (await run(capsys, "migrate"))[0] == 0
    assert (await run(capsys, "export", "kudos", "--since", "2026-01-01"))[0] == 0
    assert (await run(capsys, "outbox"))[0] == 0
    code, err = await run(capsys, "report", "--week", "2026-W47", "--manager", "x@example.com")
    assert code == 1
    one_line(err, "no active person has the email x@example.com")
    code, err = await run(capsys, "sync")
    assert code == 2
    one_line(err, "SLACK_BOT_TOKEN is malformed")


async def test_a_command_on_one_workspace_asks_for_its_token_alone(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sync` acts on the workspace whose token it is given. Without one it said to set it
    "or set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install the app through OAuth", and
    with those set it asked for the token all the same."""
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    code, err = await run(capsys, "sync")
    assert code == 2
    said = one_line(err, "SLACK_BOT_TOKEN is missing", "xoxb-")
    assert "CLIENT" not in said and "OAuth" not in said.replace("OAuth & Permissions", ""), said


async def test_skills_take_the_database_s_only_workspace_as_settings_do(
    emulator: str,
    offline: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`askaround skills alias infra terraform`, as its --help shows it, asked for
    SLACK_BOT_TOKEN or --team where `settings` and `kudos` take the database's only
    workspace: it takes it too (`choose_workspace`), with no bot token, and in a database
    with several (a second one synced) it asks for --team in one line, exit 1, and changes
    nothing."""
    (offline / "people.csv").write_text(SKILLED_PEOPLE)
    assert (await run(capsys, "import", "people", "people.csv", "--team", "T0ACME"))[0] == 0
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["skills", "alias", "infra", "terraform"]) == 0
    out, err_text = capsys.readouterr()
    assert (out.strip(), err_text) == ("“infra” now means Terraform (terraform).", "")
    monkeypatch.setenv("SLACK_BOT_TOKEN", EMULATOR_TOKEN)
    assert (await run(capsys, "sync"))[0] == 0
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    code, err = await run(capsys, "skills", "merge", "kubes", "kubernetes")
    assert code == 1
    one_line(err, "say which workspace with --team (this database has: ", "T0ACME, ")
    # nothing was merged: `kubes` is still T0ACME's to merge
    code, err = await run(capsys, "skills", "merge", "kubes", "kubernetes", "--team", "T0ACME")
    assert code == 0, err


async def test_settings_in_a_database_with_no_workspace_say_so(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no workspace yet, `settings` and `report insights` do not ask for a --team that
    could not help."""
    assert (await run(capsys, "migrate"))[0] == 0
    for argv in (
        ("settings", "show"),
        ("settings", "show", "--team", "T0123ABCD"),
        ("report", "insights"),
        ("report", "insights", "--team", "T0123ABCD"),
    ):
        code, err = await run(capsys, *argv)
        assert code == 1
        one_line(err, "this database has no workspace yet")
        assert "--team" not in err[0]


async def test_a_workspace_the_database_does_not_have_is_one_line_and_nothing_goes(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command that takes a workspace id refuses one this database does not have (a
    typo of T0ONE): one line naming the workspaces it has, exit 1. purge-workspace said
    "nothing is kept" and exited 0, so a script could not tell a typo from a purge; T0ONE's
    person is still there after each."""
    (offline / "people.csv").write_text("email,name,slack_id\nana@example.com,Ana,U0ANA\n")
    assert (await run(capsys, "import", "people", "people.csv", "--team", "T0ONE"))[0] == 0
    for argv in (
        ("purge-workspace", "T0NE"),
        ("settings", "show", "--team", "T0NE"),
        ("settings", "set", "daily_allowance", "7", "--team", "T0NE"),
        ("report", "insights", "--team", "T0NE"),
        ("import", "people", "people.csv", "--team", "T0NE"),
    ):
        capsys.readouterr()
        code = await asyncio.to_thread(main, list(argv))
        out, err = capsys.readouterr()
        assert code == 1 and out == "", argv
        one_line(err.strip().splitlines(), "no workspace T0NE", "T0ONE")
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["import", "people", "people.csv"]) == 0
    assert "1 unchanged" in capsys.readouterr().out


async def test_unreachable_postgresql(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PostgreSQL nobody listens for: the URL without its password, and why."""
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", "postgresql://ana:s3cret@127.0.0.1:1/askaround")
    code, err = await run(capsys, "migrate")
    assert code == 1
    line = one_line(err, "cannot open the database", "127.0.0.1:1/askaround", "ana:***@")
    assert "s3cret" not in line


@pytest.mark.parametrize(
    ("url", "why"),
    [
        # What Heroku, Render and Fly give: `postgres://`, which SQLAlchemy no longer names.
        ("postgres://ana:s3cret@127.0.0.1:1/askaround", "Connect call failed"),
        # What RDS, Cloud SQL, Azure, Supabase and Neon give: libpq's `sslmode`, which
        # asyncpg calls `ssl`.
        ("postgresql://ana:s3cret@127.0.0.1:1/askaround?sslmode=require", "Connect call failed"),
        # verify-full wants the authority's certificate first, where libpq looks for it.
        ("postgres://ana:s3cret@127.0.0.1:1/askaround?sslmode=verify-full", "root certificate"),
    ],
)
async def test_a_postgresql_url_as_providers_give_it_is_taken(
    offline: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    why: str,
) -> None:
    """`postgres://` was "uses 'postgres'; only sqlite and postgresql are supported", and
    `?sslmode=require` "unexpected TypeError: connect() got an unexpected keyword argument
    'sslmode'": both now set out to reach the server (here one nobody listens for), as
    `postgresql://` does."""
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
    code, err = await run(capsys, "migrate")
    assert code == 1, err
    line = one_line(err, "cannot open the database postgresql+asyncpg://ana:***@127.0.0.1:1/")
    assert "s3cret" not in line and why in line, line


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "postgresql://ana:s3cret@127.0.0.1:1/askaround?sslrootcert=/etc/ca.pem",
            "sslrootcert is not taken in the URL: set PGSSLROOTCERT in the environment instead",
        ),
        (
            "postgresql://ana:s3cret@127.0.0.1:1/askaround?connect_timeout=10",
            "connect_timeout is not taken in the URL",
        ),
        (
            "postgresql://ana:s3cret@127.0.0.1:1/askaround?sslmode=sometimes",
            "sslmode “sometimes” is not one of disable, allow, prefer, require, verify-ca, "
            "verify-full",
        ),
        (
            "postgresql://ana:s3cret@db.example.com:five/askaround",
            "is malformed: “postgresql://ana:***@db.example.com:five/askaround” is not like "
            "sqlite:///askaround.db or postgresql://user:password@host:5432/database",
        ),
    ],
)
async def test_a_database_url_askaround_cannot_use_says_why_without_its_password(
    offline: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    said: str,
) -> None:
    """A query askaround's driver does not take was a TypeError; a malformed URL was echoed
    whole, password and all, into the journal: each is a setting's one line, exit 2, naming
    what to do, with the password masked."""
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
    code, err = await run(capsys, "migrate")
    assert code == 2, err
    line = one_line(err, "ASKAROUND_DATABASE_URL", said)
    assert "s3cret" not in line


async def test_unwritable_sqlite_path(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite file whose folder is a file (root may write anywhere else)."""
    (offline / "plain-file").write_text("")
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{offline / 'plain-file' / 'a.db'}")
    for argv in (["migrate"], ["outbox"], ["export", "kudos", "--since", "2026-01-01"]):
        code, err = await run(capsys, *argv)
        assert code == 1
        one_line(err, "cannot open the database", "plain-file/a.db", "not a folder")


async def test_a_demo_database_that_cannot_be_a_file_is_said_so(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`demo --database` in a folder that is not there, or naming a folder: the same line as
    `migrate` gives (not sqlite's "unable to open database file"), before the demo starts;
    and a folder given as ASKAROUND_DATABASE_URL's file is named as one too."""
    missing = offline / "missing"
    code, err = await run(capsys, "demo", "--database", str(missing / "demo.db"))
    assert code == 1
    one_line(err, "cannot open the database", "no such folder", str(missing))
    code, err = await run(capsys, "demo", "--database", str(offline))
    assert code == 1
    one_line(err, "cannot open the database", "is a folder", str(offline))
    # A file that is no database (a CSV given by mistake) was "the database failed: file is
    # not a database", naming no file; it is left as it was.
    (offline / "people.csv").write_text("email,name\n")
    code, err = await run(capsys, "demo", "--database", str(offline / "people.csv"))
    assert code == 1
    one_line(err, "cannot open the database", str(offline / "people.csv"), "not a database")
    assert (offline / "people.csv").read_text() == "email,name\n"
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{offline}")
    code, err = await run(capsys, "migrate")
    assert code == 1
    one_line(err, "cannot open the database", "is a folder")


async def test_slack_unreachable(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-any")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:1/api/")
    code, err = await run(capsys, "sync")
    assert code == 1
    one_line(err, "cannot reach Slack at 127.0.0.1:1", "SLACK_API_URL")


async def test_invalid_token(
    emulator: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slack answers invalid_auth: the line names the setting to fix, exit 2 like any setting;
    the right token syncs, and draws no progress bar into a standard error that is not a
    terminal (a log file, a pipe)."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-a-wrong-one")
    code, err = await run(capsys, "sync")
    assert code == 2
    one_line(err, "Slack refused SLACK_BOT_TOKEN (invalid_auth)")
    monkeypatch.setenv("SLACK_BOT_TOKEN", EMULATOR_TOKEN)
    code = await asyncio.to_thread(main, ["sync"])
    out, err_text = capsys.readouterr()
    assert code == 0 and "1 Slack user in 1 page:" in out
    assert err_text == ""


@pytest.mark.parametrize(
    ("tokens", "said"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-a-wrong-one"}, "Slack refused SLACK_BOT_TOKEN (invalid_auth)"),
        (
            {"SLACK_BOT_TOKEN": EMULATOR_TOKEN, "SLACK_APP_TOKEN": "xapp-a-wrong-one"},
            "Slack refused SLACK_APP_TOKEN (invalid_auth)",
        ),
    ],
)
async def test_serve_with_a_token_slack_refuses_stops_in_one_line(
    emulator: str,
    offline: Path,
    tokens: dict[str, str],
    said: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mistyped SLACK_BOT_TOKEN: `serve` said "listening for Slack" and ran on, every
    answer to Slack failing later; a mistyped SLACK_APP_TOKEN: Socket Mode logged a traceback
    at every retry and the process ignored SIGTERM. Both now stop at once in one line, exit 2.
    Through `main` here (`serve_here`: one that runs on fails the test, as does a thread it
    leaves running); the installed script's own exit is the entry point's test's below."""
    # Migrated here: on a new database serve migrates in a process of its own (1.2 CPU-s more),
    # which tests/domain/test_cli_startup.py starts already.
    assert await asyncio.to_thread(main, ["migrate"]) == 0
    monkeypatch.setenv("ASKAROUND_HOST", "127.0.0.1")
    monkeypatch.setenv("ASKAROUND_PORT", "0")
    for name, value in tokens.items():
        monkeypatch.setenv(name, value)
    # The emulator's access log, in this process, is not serve's to print
    monkeypatch.setattr(logging.getLogger("aiohttp.access"), "disabled", True)
    code, _out, err = await serve_here(capsys, monkeypatch)
    assert code == 2, err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"askaround: {said}"), last
    assert "Traceback" not in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_a_progress_bar_is_drawn_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    from bot.progress import progress_bar

    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    with progress_bar("reading Slack users", "user") as bar:
        bar.update(3)
    assert ("reading Slack users" in stderr.getvalue()) is terminal


async def test_missing_files(offline: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file to read that is not there, and a file to write in a folder that is not there."""
    code, err = await run(capsys, "import", "people", "no-such.csv")
    assert code == 1
    one_line(err, "no-such.csv does not exist")
    code, err = await run(capsys, "eval", "routing", "no-such-folder")
    assert code == 1
    one_line(err, "no-such-folder does not exist")  # it said "not a directory"
    week = ["--week", "2026-W47", "--manager", "x@example.com"]
    code, err = await run(capsys, "report", *week, "--output", "no/such/dir/w47.png")
    assert code == 1
    one_line(err, "--output no/such/dir/w47.png", "does not exist")
    (offline / "reports").mkdir()
    code, err = await run(capsys, "report", *week, "--output", "reports")
    assert code == 1
    one_line(err, "--output reports is a folder: name a file in it")


async def test_a_png_is_not_written_to_a_terminal(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    week = ["--week", "2026-W47", "--manager", "x@example.com", "--format", "png"]
    code, err = await run(capsys, "report", *week)
    assert code == 2
    one_line(err, "a PNG would garble the terminal: add --output FILE.png")


DAMAGED = "is damaged UTF-16 text"


@pytest.mark.parametrize(
    ("name", "content", "fragments"),
    [
        (
            "people.yaml",
            b"people:\n  - name: [unclosed\n",
            ["people.yaml", "not valid YAML at line"],
        ),
        ("people.yaml", b"people:\n  - name: Jos\xe9\n", ["people.yaml is not UTF-8 text"]),
        ("people.csv", b"email,name\nana@example.com,Ana\xff\n", ["people.csv is not UTF-8 text"]),
        ("people.csv", b'email,name\n"ana@example.com,Ana\n', ["people.csv", "not valid CSV"]),
        # Excel's "Unicode Text" cut short (an odd byte left), or holding half of a character
        # outside the BMP: it was said "not UTF-8", though its byte-order mark says UTF-16.
        ("people.txt", "email\tname\r\nana@example.com\tAna".encode("utf-16")[:-1], [DAMAGED]),
        ("people.txt", "email\tname\r\n".encode("utf-16") + b"\x00\xd8a\x00", [DAMAGED]),
        ("people.yaml", "people:\n  - name: Ana\n".encode("utf-16")[:-1], [DAMAGED]),
    ],
)
async def test_a_file_that_cannot_be_read_is_one_line_and_nothing_is_imported(
    offline: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    fragments: list[str],
) -> None:
    """Broken YAML, a file in another encoding, a quote never closed: said in one line before
    the database is opened (so before anything could be written)."""
    (offline / name).write_bytes(content)
    code, err = await run(capsys, "import", "people", name)
    assert code == 1
    one_line(err, *fragments)
    assert not (offline / "cli.db").exists()


async def test_eval_given_a_file_for_a_folder_or_a_folder_for_a_file_says_so(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`eval questions` on a folder said "cannot read labelled: Is a directory", and `eval
    routing` on a file "not a directory": each now says what it wants instead."""
    (offline / "labelled").mkdir()
    (offline / "bench.jsonl").write_text('{"text": "hi", "expert_question": false}\n')
    code, err = await run(capsys, "eval", "questions", "labelled")
    assert code == 1
    one_line(err, "labelled is a folder: give a .jsonl file of labelled messages")
    code, err = await run(capsys, "eval", "questions", "missing.jsonl")
    assert code == 1
    one_line(err, "missing.jsonl does not exist")
    code, err = await run(capsys, "eval", "routing", "bench.jsonl")
    assert code == 1
    one_line(err, "bench.jsonl is a file: give the benchmark folder")


async def test_importing_a_folder_says_it_is_one(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (offline / "people.csv").mkdir()
    code, err = await run(capsys, "import", "people", "people.csv")
    assert code == 1
    one_line(err, "people.csv is a folder")


async def test_importing_offline_into_an_empty_database_says_what_is_missing(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No Slack settings and no workspace in the database yet: the line says what would help
    (--team and slack_ids, or Slack); with --team, a row with only an email matches nobody."""
    (offline / "people.csv").write_text("email,name\nana@example.com,Ana\n")
    code, err = await run(capsys, "import", "people", "people.csv")
    assert code == 1
    one_line(err, "this database has no workspace yet", "--team T0123ABCD", "SLACK_BOT_TOKEN")
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["import", "people", "people.csv", "--team", "T0A"]) == 1
    said = capsys.readouterr().out
    assert "nobody askaround knows in this workspace has the email ana@example.com" in said


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["no-such-command"], ["invalid choice: 'no-such-command'", "`askaround --help`"]),
        ([], ["required: COMMAND", "`askaround --help`"]),
        (["outbox", "resend"], ["invalid choice: 'resend'", "`askaround outbox --help`"]),
        (["eval", "routing", "x", "--history", "half"], ["invalid float value: 'half'"]),
        (["import", "people"], ["required: FILE", "`askaround import people --help`"]),
        (["export", "kudos"], ["required: --since"]),
        (["skills", "alias", "k8s"], ["required: SKILL"]),
        # A mistyped flag is named, with the help of the command it was given to.
        (["--frob"], ["unrecognized arguments: --frob", "`askaround --help`"]),
        (["outbox", "--retry"], ["unrecognized arguments: --retry", "`askaround outbox --help`"]),
        (["report", "--frmat", "csv"], ["unrecognized arguments: --frmat", "`askaround report"]),
        (["import", "people", "x.csv", "--dryrun"], ["--dryrun", "`askaround import people"]),
    ],
)
async def test_a_command_line_that_does_not_parse_is_one_line_and_exit_2(
    offline: Path, capsys: pytest.CaptureFixture[str], argv: list[str], fragments: list[str]
) -> None:
    """Not argparse's usage block and then its error: the error, and where the help is."""
    code, err = await run(capsys, *argv)
    assert code == 2
    one_line(err, *fragments)


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["export", "kudos", "--since", "yesterday"], "--since “yesterday” is not a date"),
        (["export", "kudos", "--since", "2026-03-01", "--until", "2026-02-01"], "is before"),
        (["report", "--week", "2026-W99", "--manager", "x@example.com"], "is not a week"),
        (["report", "--week", "2026-W10"], "needs --week and --manager"),
        (["report", "insights", "--since", "last year"], "is not a date"),
        (["report", "insights", "--week", "2026-W10"], "not --week or --manager"),
        (["settings", "set", "daily_allowance"], "needs a KEY and a VALUE"),
        (["settings", "show", "values", "digest_hour"], "takes one KEY at most; “digest_hour”"),
        (["purge-workspace", "acme", "--yes"], "is not a Slack workspace id"),
        # SQLite's integers end at 2**63 - 1: a longer id was "unexpected OverflowError";
        # PostgreSQL's `kudos.id` at 2**31 - 1.
        (["kudos", "take-back", "99999999999999999999"], "kudos_id column"),
        (["kudos", "take-back", str(2**31)], "kudos_id column"),
        (["kudos", "take-back", "--", "-5"], "kudos_id column"),
    ],
)
async def test_a_value_the_command_line_cannot_take_exits_2_as_a_slip_does(
    offline: Path, capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    """docs/deploy.md: 2 for a command line askaround cannot act on, 1 for the world (a
    database, Slack, a file). `--history half` exited 2 and `--since yesterday` 1; `skills
    alias k8s` 2 and `settings set daily_allowance` 1: the same slips, told by two codes."""
    code, err = await run(capsys, *argv)
    assert code == 2, err
    one_line(err, fragment)


@pytest.mark.parametrize(
    ("argv", "meant"),
    [
        (["improt", "people", "p.csv"], "`askaround import`"),
        (["import", "poeple", "p.csv"], "`askaround import people`"),
        (["outbox", "retyr"], "`askaround outbox retry`"),
        (["settings", "shwo"], "`askaround settings show`"),
        (["skills", "alais", "k8s", "kubernetes"], "`askaround skills alias`"),
        (["eval", "routnig", "bench"], "`askaround eval routing`"),
        (["report", "--frmat", "csv"], "`--format`"),
        (["import", "people", "p.csv", "--dryrun"], "`--dry-run`"),
    ],
)
async def test_a_slip_in_a_command_or_flag_is_answered_with_what_it_most_likely_meant(
    offline: Path, capsys: pytest.CaptureFixture[str], argv: list[str], meant: str
) -> None:
    """`askaround improt …` listed all twelve commands for the reader to find the slip in; as
    in Slack (`/kudos tpo month`), the one it most likely meant is named, on the same line."""
    code, err = await run(capsys, *argv)
    assert code == 2
    one_line(err, f"did you mean {meant}?")


async def test_a_word_near_no_command_gets_no_guess(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = await run(capsys, "frobnicate")
    assert code == 2
    assert "did you mean" not in one_line(err, "invalid choice: 'frobnicate'", "'serve'")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("settings set --team T1 k v", "settings set k v --team T1"),
        ("settings set k --team T1 v", "settings --team T1 set k v"),
        ("report --since 2026-01-01 insights", "report insights --since 2026-01-01"),
        ("import people --dry-run p.csv", "import people p.csv --dry-run"),
        ("skills alias k8s --debug kubernetes", "skills alias k8s kubernetes --debug"),
        ("purge-workspace --yes T1", "purge-workspace T1 --yes"),
    ],
)
def test_a_commands_options_go_before_or_after_its_words(first: str, second: str) -> None:
    """`settings set --team T KEY VALUE` was "unrecognized arguments: KEY VALUE": an option
    between a command's words left its optional words empty."""
    parser = build_parser()
    assert parser.parse_args(first.split()) == parser.parse_args(second.split())


@pytest.mark.parametrize("fraction", ["2", "-0.5"])
async def test_a_history_fraction_out_of_range_is_one_line(
    offline: Path, capsys: pytest.CaptureFixture[str], fraction: str
) -> None:
    code, err = await run(capsys, "eval", "routing", str(offline), "--history", fraction)
    assert code == 2
    one_line(err, f"--history {fraction}", "between 0 and 1")


async def test_debug_before_the_subcommand_prints_the_traceback_too(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = await run(capsys, "--debug", "import", "people", "no-such.yaml")
    assert code == 1 and err[0] == "Traceback (most recent call last):"
    assert "ImportFileError" in err[-2] and err[-1] == "askaround: no-such.yaml does not exist"


def test_the_entry_point_prints_one_line_and_debug_adds_the_traceback(
    offline: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The installed `askaround` script itself: one line and its exit code; then, through the
    `main` it calls, with --debug after the subcommand the traceback before that same line."""
    script = Path(sys.executable).with_name("askaround")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.runtime.cli"]
    (offline / "plain-file").write_text("")
    url = f"sqlite:///{offline / 'plain-file' / 'a.db'}"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "ASKAROUND_DATABASE_URL": url}
    plain = subprocess.run(
        [*command, "migrate"], env=env, capture_output=True, text=True, timeout=300, cwd=offline
    )
    assert plain.returncode == 1 and plain.stdout == ""
    line = one_line(plain.stderr.strip().splitlines(), "cannot open the database")
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
    capsys.readouterr()
    assert main(["migrate", "--debug"]) == 1
    debug = capsys.readouterr().err
    assert debug.startswith("Traceback") and "DatabaseUnavailable" in debug
    assert debug.strip().splitlines()[-1] == line
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("askaround ")


async def test_an_in_memory_sqlite_database_is_refused_where_its_data_would_vanish(
    offline: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ASKAROUND_DATABASE_URL=sqlite:///` is SQLite in memory, gone as the process exits:
    `askaround migrate` said "database created (schema 0032)" and exited 0, `serve` started
    on it and `import` imported into it. Each is one line naming the setting and exit 2,
    nothing written anywhere; `eval routing --database sqlite://` (all in one process) runs.
    Through `main` here; `serve` through `serve_here`, as a serve that started would run on."""
    (offline / "people.csv").write_text(SKILLED_PEOPLE)
    said = (
        "askaround: ASKAROUND_DATABASE_URL names no file but an in-memory SQLite database, "
        "whose data would vanish as this command exits: name a file, like sqlite:///askaround.db"
    )
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-serve")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    for url in ("sqlite:///", "sqlite://", "sqlite:///:memory:"):
        monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
        for argv in (
            ["migrate"],
            *(  # the ways to it are one, whatever the URL's spelling: those once
                [
                    ["serve"],
                    ["import", "people", "people.csv", "--team", "T0ACME"],
                    ["skills", "merge", "kubes", "kubernetes", "--team", "T0ACME"],
                ]
                if url == "sqlite:///"
                else []
            ),
        ):
            if argv == ["serve"]:
                code, out, err = await serve_here(capsys, monkeypatch)
            else:
                code, out, err = await run_main(argv, capsys)
            assert (code, out, err.strip()) == (2, "", said), argv
    assert sorted(await asyncio.to_thread(os.listdir, offline)) == ["people.csv"]
    (offline / "eval").mkdir()
    write_fixture(offline / "eval")
    code, out, err = await run_main(["eval", "routing", "eval", "--database", "sqlite://"], capsys)
    assert code == 0 and out.startswith("engine P@1="), err


async def _serve(
    offline: Path,
    host: str,
    port: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[int, str]:
    """`askaround serve` on `host`:`port` (`serve_here`), with a Slack that does not answer
    (only logged), on the database `offline` names, migrated here first (as in the test
    above): its exit code and standard error."""
    assert await asyncio.to_thread(main, ["migrate"]) == 0
    for name, value in {
        "ASKAROUND_HOST": host,
        "ASKAROUND_PORT": str(port),
        "SLACK_BOT_TOKEN": "xoxb-serve",
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_API_URL": "http://127.0.0.1:1/api/",
    }.items():
        monkeypatch.setenv(name, value)
    code, _out, err = await serve_here(capsys, monkeypatch)
    return code, err


async def test_serve_on_a_port_in_use_says_so_in_one_line(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot started and found its port taken: one line naming the port and its variable,
    and what it had opened is closed again (no warnings about unclosed sessions after it)."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, err = await _serve(offline, "127.0.0.1", port, capsys, monkeypatch)
    assert code == 1
    last = err.strip().splitlines()[-1]
    assert last == (
        f"askaround: cannot listen on 127.0.0.1:{port} (ASKAROUND_HOST, ASKAROUND_PORT): "
        "address already in use"
    ), last
    assert "Traceback" not in err and "Unclosed" not in err


@pytest.mark.parametrize("host", ["999.1.1.1", "askaround.invalid"])
async def test_serve_on_a_host_that_is_no_address_here_names_askaround_host(
    offline: Path, host: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ASKAROUND_HOST is a typo, or a name that resolves to nothing: one line naming the
    variable and its value, exit 2 as for any malformed setting, where it said only "Name or
    service not known"."""
    code, err = await _serve(offline, host, 0, capsys, monkeypatch)
    assert code == 2, err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"askaround: ASKAROUND_HOST is malformed: “{host}” is not "), last
    assert "Traceback" not in err and "Unclosed" not in err


async def test_migrate_says_what_it_did(offline: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new database is created, not "up to date"; a second run has nothing to do."""
    said = []
    for _ in range(2):
        capsys.readouterr()
        assert await asyncio.to_thread(main, ["migrate"]) == 0
        said.append(capsys.readouterr().out.strip())
    assert said[0].startswith("askaround: database created (schema "), said
    assert said[1].startswith("askaround: database is up to date (schema "), said
    assert said[0].rsplit(" ", 1)[1] == said[1].rsplit(" ", 1)[1]


async def test_report_options_of_the_other_kind_are_refused(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report insights` covers a period and a weekly report a week: an option of the other
    kind was silently ignored; a --since still to come is refused too."""
    code, err = await run(capsys, "report", "insights", "--week", "2026-W49")
    assert code == 2
    one_line(err, "report insights covers the whole workspace over a period")
    code, err = await run(capsys, "report", "insights", "--manager", "x@example.com")
    assert code == 2
    one_line(err, "not --week or --manager")
    code, err = await run(capsys, "report", "insights", "--show-private")
    assert code == 2
    one_line(err, "report insights names no channel: --show-private is for a week's report")
    week = ["--week", "2026-W47", "--manager", "x@example.com"]
    code, err = await run(capsys, "report", *week, "--since", "2026-01-01")
    assert code == 2
    one_line(err, "--since is for report insights; a week takes --week")
    code, err = await run(capsys, "report", "insights", "--since", "2999-01-01")
    assert code == 2
    one_line(err, "--since 2999-01-01 is in the future")


def test_output_into_a_pipe_closed_early_ends_quietly(offline: Path) -> None:
    """`askaround export kudos … | head -1`: once `head` has read its line and gone, the rest
    has nowhere to go, and the command said "askaround: Broken pipe" as if it had failed. It
    stops quietly with the code a program stopped by SIGPIPE has in a shell (141), as `git log
    | head` does, so `set -o pipefail` still knows the output was cut."""
    script = Path(sys.executable).with_name("askaround")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.runtime.cli"]
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ASKAROUND_DATABASE_URL": f"sqlite:///{offline / 'cli.db'}",
    }
    assert main(["migrate"]) == 0  # the same database, here: only the pipe needs a process
    for argv in (["export", "kudos", "--since", "2026-01-01"], ["--help"]):
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run(
                [*command, *argv], env=env, stdout=write, stderr=subprocess.PIPE, timeout=300
            )
        finally:
            os.close(write)
        said = done.stderr.decode()
        assert done.returncode == 141 and "pipe" not in said.lower(), (argv, said)
        assert "Traceback" not in said and "Exception ignored" not in said, (argv, said)


async def test_eval_s_database_flag_is_named_when_it_is_wrong(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`eval routing --database URL` is refused as that flag, and before the folder is read:
    it said "ASKAROUND_DATABASE_URL uses 'mysql'", a setting the command line had not used."""
    for url, said in (
        ("mysql://u@h/db", "--database uses “mysql”; only sqlite and postgresql are supported"),
        ("not a url", "--database is malformed: “not a url” is not like sqlite:///"),
    ):
        code, err = await run(
            capsys, "eval", "routing", str(offline / "nowhere"), "--database", url
        )
        assert code == 2
        one_line(err, said)
        assert "ASKAROUND_DATABASE_URL" not in err[0]


SKILLED_PEOPLE = """slack_id,handle,name,skills
U0ANA,ana,Ana Silva,"kubes:4, terraform:3"
U0BEN,ben,Ben Okoro,kubernetes:2
"""


async def test_skills_alias_and_merge_with_the_database_alone(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`askaround skills alias|merge --team T…` curates a workspace's skills with the database
    URL alone, as `settings` changes its settings: without a bot token at hand (a database
    reached from a laptop, a replica's shell) an admin could not fold `kubes` into Kubernetes.
    A workspace the database has not is one line naming those it has."""

    async def printed(*argv: str) -> str:
        capsys.readouterr()
        assert await asyncio.to_thread(main, list(argv)) == 0
        out, err = capsys.readouterr()
        assert err == "", err
        return out.strip()

    (offline / "people.csv").write_text(SKILLED_PEOPLE)
    assert (await run(capsys, "import", "people", "people.csv", "--team", "T0ACME"))[0] == 0
    assert await printed("skills", "merge", "kubes", "kubernetes", "--team", "t0acme") == (
        "Merged “kubes” into Kubernetes: 1 profile moved, and “kubes” is now an alias."
    )
    assert await printed("skills", "--team", "T0ACME", "alias", "terra", "terraform") == (
        "“terra” now means Terraform (terraform)."
    )
    # the merge was kept: run again (a retry), it says so and changes nothing
    assert await printed("skills", "merge", "kubes", "kubernetes", "--team", "T0ACME") == (
        "“kubes” already means Kubernetes (kubernetes); nothing changed."
    )
    code, err = await run(capsys, "skills", "merge", "kubes", "terraform", "--team", "T0ACME")
    assert code == 1
    one_line(err, "Nobody here declared a skill “kubes”.")
    code, err = await run(capsys, "skills", "alias", "k8s", "kubernetes", "--team", "T0NOPE")
    assert code == 1
    one_line(err, "no workspace T0NOPE in this database (it has: T0ACME)")


async def test_skills_alias_the_vocabulary_already_had_says_so(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`askaround skills alias k8s kubernetes` said "`k8s` now means Kubernetes" though the
    shipped vocabulary already did, as does an alias the workspace added before: it says it
    already meant that, and exits 0."""
    (offline / "people.csv").write_text(SKILLED_PEOPLE)
    assert (await run(capsys, "import", "people", "people.csv", "--team", "T0ACME"))[0] == 0
    for argv, said in (
        (("k8s", "kubernetes"), "“k8s” already means Kubernetes (kubernetes); nothing changed."),
        (("tf", "terraform"), "“tf” already means Terraform (terraform); nothing changed."),
        (("terra", "terraform"), "“terra” now means Terraform (terraform)."),
        (("terra", "terraform"), "“terra” already means Terraform (terraform); nothing changed."),
        # what the admin typed is quoted as the command line quotes it, a backtick and all
        (("te`rra", "terraform"), "“te`rra” now means Terraform (terraform)."),
    ):
        capsys.readouterr()
        assert await asyncio.to_thread(main, ["skills", "alias", *argv, "--team", "T0ACME"]) == 0
        out, err = capsys.readouterr()
        assert (out.strip(), err) == (said, "")


async def test_a_command_on_a_database_file_not_there_says_so_and_creates_nothing(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the default ASKAROUND_DATABASE_URL, `settings show` run in the wrong folder made
    an empty askaround.db there and said the database had no workspace. A command that reads
    or changes what a database holds says the file is not there, in one line naming it and
    how to make one, and creates nothing; migrate and import still create it."""
    monkeypatch.delenv("ASKAROUND_DATABASE_URL")
    made = offline / "askaround.db"
    for argv in (
        ("settings", "show"),
        ("settings", "set", "daily_allowance", "7"),
        ("report", "insights"),
        ("report", "--week", "2026-W47", "--manager", "x@example.com"),
        ("export", "kudos", "--since", "2026-01-01"),
        ("outbox",),
        ("kudos", "taken-back"),
        ("skills", "alias", "k8s", "kubernetes", "--team", "T0ONE"),
        ("purge-workspace", "T0ONE", "--yes"),
    ):
        code, err = await run(capsys, *argv)
        assert code == 1, argv
        one_line(err, f"no such file: {made}", "`askaround migrate` creates it")
        left = await asyncio.to_thread(os.listdir, offline)
        assert left == [], (argv, left)
    (offline / "people.csv").write_text("email,name,slack_id\nana@example.com,Ana,U0ANA\n")
    assert (await run(capsys, "import", "people", "people.csv", "--team", "T0ONE"))[0] == 0
    assert made.is_file()
    assert (await run(capsys, "settings", "show"))[0] == 0


async def test_a_database_of_another_application_is_left_as_it_was(
    offline: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ASKAROUND_DATABASE_URL set by mistake to another program's SQLite file (or to an
    empty one): `settings show`, a read, migrated it, writing askaround's 23 tables in among
    its own, then said the database had no workspace. A command that only reads or changes
    what askaround keeps says the database holds none of it, in one line, and writes
    nothing; `migrate` still makes the schema where it is asked to."""
    other = offline / "inventory.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE parts (id INTEGER PRIMARY KEY, name TEXT)")
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{other}")
    for argv in (
        ("settings", "show"),
        ("kudos", "taken-back"),
        ("export", "kudos", "--since", "2026-01-01"),
        ("purge-workspace", "T0ONE", "--yes"),
    ):
        code, err = await run(capsys, *argv)
        assert code == 1, argv
        one_line(err, f"{other}: it holds no askaround data", "`askaround migrate` creates it")
    with contextlib.closing(sqlite3.connect(other)) as db:
        tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert tables == [("parts",)]
    assert (await run(capsys, "migrate"))[0] == 0
    code, err = await run(capsys, "settings", "show")
    assert code == 1
    one_line(err, "this database has no workspace yet")


def test_ctrl_c_half_way_through_an_import_writes_nothing_and_says_so(offline: Path) -> None:
    """A real SIGINT while the import waits to write (another writer holds the database, as
    the bot may): the import is one transaction, so nobody is added, and the command ends
    with exit 130 and one line saying it stopped and that nothing was imported. It ended
    with exit 130 and nothing said at all, leaving the admin to guess what was kept."""
    (offline / "first.csv").write_text("slack_id,name\nU0ANA,Ana\n")
    assert main(["import", "people", "first.csv", "--team", "T0ONE"]) == 0
    rows = "".join(f"U0P{i:05d},Person {i},Engineer\n" for i in range(300))
    (offline / "people.csv").write_text("slack_id,name,title\n" + rows)
    holder = sqlite3.connect(offline / "cli.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the import reads, then waits here to write
    # As a terminal starts it: a suite run as a background job has Ctrl-C ignored.
    heard = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        importing = subprocess.Popen(
            [sys.executable, "-m", "bot.runtime.cli", "import", "people", "people.csv"],
            stderr=subprocess.PIPE,
            text=True,
            cwd=offline,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
        )
    finally:
        signal.signal(signal.SIGINT, heard)
    assert importing.stderr is not None
    try:
        first = importing.stderr.readline()  # said once the database is open, before rows
        assert first.startswith("askaround: no Slack settings"), first
        importing.send_signal(signal.SIGINT)
        holder.execute("ROLLBACK")
        rest = importing.stderr.read().splitlines()
        assert importing.wait(timeout=60) == 130
    finally:
        holder.close()
        importing.kill()
        importing.stderr.close()
    assert rest == ["askaround: stopped: nothing was imported (an import writes all or nothing)"]
    with contextlib.closing(sqlite3.connect(offline / "cli.db")) as db:
        assert db.execute("SELECT count(*) FROM people").fetchone() == (1,)


async def test_hostile_import_files_are_one_line_or_their_rows_rejected(
    offline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Attacks of the red-team pass that held (docs/testing-log.md, "Admins and bad input"),
    kept as guards: a line over CSV's 128 KiB field limit is one line naming it; a BOM with
    CRLF line ends and a NUL in a cell read as plain text; a person their own manager, or a
    YAML item of the wrong types, is a rejected row with its line; nothing is written."""
    (offline / "first.csv").write_text("slack_id,name\nU0ANA,Ana\n")
    assert (await run(capsys, "import", "people", "first.csv", "--team", "T0ONE"))[0] == 0
    (offline / "huge.csv").write_text("slack_id,title\nU0ANA," + "x" * 200_000 + "\n")
    code, err = await run(capsys, "import", "people", "huge.csv")
    assert code == 1
    one_line(err, "huge.csv: not valid CSV at line 2: field larger than field limit")
    (offline / "excel.csv").write_bytes(
        b"\xef\xbb\xbfslack_id,title,manager\r\nU0ANA,E\x00ngineer,\r\nU0BEN,SRE,U0BEN\r\n"
    )
    (offline / "types.yaml").write_text(
        "people:\n  - null\n  - slack_id: U0ANA\n    name: [a, b]\n  - slack_id: U0ANA\n    tz: 5\n"
    )
    for name, said in [
        ("excel.csv", ["1 updated, 0 unchanged, 1 rejected", "line 3: a person cannot be"]),
        ("types.yaml", ["line 2: a person must be", "line 3: name must be text", "line 5: “5”"]),
    ]:
        capsys.readouterr()
        code = await asyncio.to_thread(main, ["import", "people", name, "--dry-run"])
        out = capsys.readouterr().out
        assert code == 1 and all(line in out for line in said), out
    with contextlib.closing(sqlite3.connect(offline / "cli.db")) as db:
        assert db.execute("SELECT real_name, title FROM people").fetchall() == [("Ana", "")]
