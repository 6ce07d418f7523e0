"""What the operator sees when `askaround serve` starts: after an upgrade its log says in one
line what the migration did, and a database a newer release migrated is refused in one line
naming what to do, by `serve` and `migrate` alike."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from bot.runtime.version import installed_version
from slack_emulator import SlackEmulator
from storage.migrate import alembic_config, head
from tests.e2e.harness import run_main

# Its own SQLite file and emulator, whatever the suite runs on.
pytestmark = pytest.mark.database_independent

BOT_TOKEN = "xoxb-operator"
# Each line a log record of its own: the text format's time, level and logger first.
LOG_LINE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [A-Z]+ \S+ ")


@asynccontextmanager
async def serving(database: Path, **more: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """`askaround serve` in HTTP mode on `database` against an emulator, as a process of its
    own (its log on standard error); SIGTERMed at the end if still running."""
    emu = await SlackEmulator("secret", bot_token=BOT_TOKEN).start()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ASKAROUND_DATABASE_URL": f"sqlite:///{database}",
        "ASKAROUND_HOST": "127.0.0.1",
        "ASKAROUND_PORT": "0",
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_API_URL": emu.api_url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        **more,
    }
    served = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.runtime.cli", "serve",
        env=env, cwd=database.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        yield served
    finally:
        if served.returncode is None:
            served.send_signal(signal.SIGTERM)
            await asyncio.wait_for(served.wait(), 60)
        await emu.stop()


async def lines_until_listening(served: asyncio.subprocess.Process) -> list[str]:
    return await lines_until(served, "listening for Slack on ")


async def lines_until(served: asyncio.subprocess.Process, words: str) -> list[str]:
    """serve's log lines up to the first that says `words`."""
    assert served.stderr is not None
    said: list[str] = []
    while not any(words in line for line in said):
        line = await asyncio.wait_for(served.stderr.readline(), 120)
        assert line, f"serve ended before it said {words!r}:\n" + "".join(said)
        said.append(line.decode())
    return said


def at_revision(database: Path, revision: str) -> None:
    """A SQLite file migrated as far as `revision` only, as an older release left it."""
    from alembic import command

    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    engine.dispose()


def log_lines_only(said: Sequence[str]) -> None:
    strays = [line for line in said if not LOG_LINE.match(line)]
    assert not strays, "lines that are not a log record of their own:\n" + "".join(strays)


async def test_a_first_start_logs_the_database_it_created_in_one_line(tmp_path: Path) -> None:
    async with serving(tmp_path / "new.db") as served:
        said = await lines_until_listening(served)
    log_lines_only(said)
    assert any(f"database created (schema {head()})" in line for line in said)
    assert not any("alembic" in line for line in said)


async def test_an_upgrade_logs_the_schemas_it_went_from_and_to(tmp_path: Path) -> None:
    older = f"{int(head()) - 1:04d}"
    at_revision(tmp_path / "old.db", older)
    async with serving(tmp_path / "old.db") as served:
        said = await lines_until_listening(served)
    log_lines_only(said)
    assert any(f"database migrated from schema {older} to {head()}" in line for line in said)


def newer_than_head(database: Path) -> str:
    at_revision(database, "head")
    newer = f"{int(head()) + 1:04d}"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (newer,))
    return newer


async def test_serve_refuses_a_database_a_newer_release_migrated(tmp_path: Path) -> None:
    newer = newer_than_head(tmp_path / "newer.db")
    async with serving(tmp_path / "newer.db") as served:
        assert served.stderr is not None
        said = (await asyncio.wait_for(served.stderr.read(), 120)).decode()
        assert await served.wait() == 1
    assert "starting on " in said.splitlines()[0]
    assert said.splitlines()[1:] == [
        f"askaround: cannot open the database sqlite+aiosqlite:///{tmp_path / 'newer.db'}: "
        f"its schema {newer} is newer than this askaround's ({head()}); a newer askaround "
        "migrated it: run that release (or newer), or restore the backup taken before the "
        "upgrade"
    ]


async def test_migrate_refuses_a_database_a_newer_release_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = newer_than_head(tmp_path / "newer.db")
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", f"sqlite:///{tmp_path / 'newer.db'}")
    monkeypatch.chdir(tmp_path)
    code, out, err = await run_main(["migrate"], capsys)
    assert (code, out) == (1, "")
    assert f"its schema {newer} is newer than this askaround's ({head()})" in err
    assert len(err.splitlines()) == 1


async def test_the_first_line_names_the_release_and_the_database(tmp_path: Path) -> None:
    """Nothing in serve's log said which database it had opened: a URL read from elsewhere
    than meant (a `.env` in another folder, a mistyped variable) went unseen."""
    async with serving(tmp_path / "here.db") as served:
        said = await lines_until_listening(served)
    version = installed_version()
    first = said[0].split(" INFO askaround ", 1)[1]
    assert first == f"version {version} starting on sqlite+aiosqlite:///{tmp_path / 'here.db'}\n"
