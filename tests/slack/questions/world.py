"""The questions tests' world: five colleagues, skills declared the normal way, and a clock
standing on a Tuesday morning."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from storage.db import INBOX_FILE_SUFFIX
from tests.databases import postgres_server_url
from tests.e2e.harness import Harness, PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process

TUESDAY_10_UTC = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
PEOPLE = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("carol", "Carol Diaz", "Europe/Madrid"),
    PersonSpec("maria", "Maria Lopez", "Europe/Madrid"),
    PersonSpec("dev", "Dev Patel", "Europe/Berlin"),
    PersonSpec("dave", "Dave Gone", deleted=True),
    PersonSpec("helperbot", "Helper Bot", is_bot=True),
)


async def declare_skills(harness: Harness) -> None:
    """Stop the clock on Tuesday morning; bob, dev and maria know terraform, carol go."""
    harness.services.clock.freeze(TUESDAY_10_UTC)
    for handle, skills in (
        ("bob", "terraform:4, postgres:3"),
        ("dev", "terraform:5"),
        ("maria", "terraform:2"),
        ("carol", "go:4"),
    ):
        delivery = await harness.command(handle, "/skills", f"add {skills}")
        assert delivery.ok
    await harness.settle()
    harness.services.indexes.invalidate(harness.team_id)


_declared: list[Path] = []  # this process's SQLite file the four declarations were sent to


@asynccontextmanager
async def declared_world(tmp_path: Path, kept: Path) -> AsyncIterator[SlackHarness]:
    """The bot on the questions' world. On SQLite, the four declarations go through Slack
    once a process (`declare_skills`, a bot of its own) and each test starts its bot on a
    copy of that database, and of its inbox, as a bot restarted after them would: the world
    cost 65-90 ms of CPU a test, as much as the rest of its setup. On PostgreSQL each test
    declares them again. `kept` is a folder that lasts the session, for that database."""
    if postgres_server_url() is not None:
        async with bot_in_process(tmp_path, people=PEOPLE) as harness:
            await declare_skills(harness)
            yield harness
        return
    if not _declared:
        _declared.append(await _declare_once(kept))
    copy = _copied(_declared[0], tmp_path / "declared.db")
    async with bot_in_process(
        tmp_path, people=PEOPLE, database_url=f"sqlite+aiosqlite:///{copy}"
    ) as harness:
        harness.services.clock.freeze(TUESDAY_10_UTC)
        yield harness


async def _declare_once(kept: Path) -> Path:
    async with bot_in_process(kept, people=PEOPLE) as harness:
        await declare_skills(harness)
        url = make_url(harness.runner.settings.database_url)
    assert url.database is not None
    return Path(url.database)


def _copied(declared: Path, copy: Path) -> Path:
    """`declared` and its inbox's file copied to `copy`, with any write-ahead log left."""
    for suffix in ("", INBOX_FILE_SUFFIX):
        for log in ("", "-wal"):
            kept_file = Path(f"{declared}{suffix}{log}")
            if log == "" or kept_file.exists():
                shutil.copyfile(kept_file, f"{copy}{suffix}{log}")
    return copy
