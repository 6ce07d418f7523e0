"""`askaround --help` and a command's parsing load none of the heavy libraries: a command
imports what it needs when it runs (`bot/runtime/cli/command_line.py`)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.database_url import normalise_database_url
from bot.runtime.allocator import ARENAS
from storage.db import create_engine
from storage.migrate import head, revision, upgrade_head

pytestmark = pytest.mark.database_independent

HEAVY = ("sqlalchemy", "alembic", "numpy", "aiohttp", "slack_sdk", "slack_bolt", "matplotlib")

LOADED_AFTER_PARSING = """
import contextlib, io, json, sys
from bot.runtime.cli.command_line import build_parser
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    build_parser().parse_args(sys.argv[1:])
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


@pytest.mark.parametrize(
    "argv", [["--help"], ["report", "--help"], ["eval", "routing", "folder"], ["serve"]]
)
def test_parsing_a_command_line_loads_no_heavy_library(argv: list[str]) -> None:
    found = subprocess.run(
        [sys.executable, "-c", LOADED_AFTER_PARSING, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    loaded = set(json.loads(found.stdout.strip().splitlines()[-1]))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


SERVE_START = """
import asyncio, json, sys
from bot.runtime.cli.serve import run
from bot.runtime.cli.database import migrated
from bot.runtime.runner import Runner
from bot.settings import Settings

async def start():
    settings = Settings.from_env(env_file=None)
    async with migrated(settings.database_url):  # as `serve` does first
        pass
    runner = Runner(settings)
    await runner.bot.start()
    await runner.bot.warming
    await runner.bot.close()

asyncio.run(start())
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_serve_starts_on_a_current_database_without_alembic_or_numpy(tmp_path: Path) -> None:
    """Serve's start on a database at the newest revision (every start but an upgrade's
    first) loads no Alembic (about 15 MiB resident), and no numpy (15 MiB) until routing
    builds an index, which a workspace without people has none of: `storage/migrate.py`,
    `bot/questions/indexes.py`, docs/benchmarks.md section 5."""
    url = f"sqlite:///{tmp_path / 'askaround.db'}"
    asyncio.run(_migrated(url))  # by another process, as an upgrade's first start does
    env = {
        **os.environ,
        "ASKAROUND_DATABASE_URL": url,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_APP_TOKEN": "",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",
    }
    found = subprocess.run(
        [sys.executable, "-c", SERVE_START],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env=env,
        cwd=tmp_path,
    )
    loaded = set(json.loads(found.stdout.strip().splitlines()[-1]))
    assert "slack_bolt" in loaded  # the bot was built
    assert not loaded & {"alembic", "numpy"}, sorted(loaded & {"alembic", "numpy"})


COMMAND_RUN = """
import json, sys
from bot.runtime.cli import main
code = main(sys.argv[1:])
print(json.dumps([code, sorted(sys.modules)]))
"""


def test_a_command_that_detects_no_question_loads_no_detector(tmp_path: Path) -> None:
    """`askaround outbox` opens the services, questions' included, but asks nothing: the
    detector's words, whose regexes take some 0.14 s of CPU to compile, are imported by the
    first question (`bot/questions/asking.py`), not by every command's start."""
    url = f"sqlite:///{tmp_path / 'askaround.db'}"
    asyncio.run(_migrated(url))
    code, loaded, stderr = _command_run(url, "outbox", tmp_path)
    assert code == 0 and "bot.services" in loaded, stderr
    assert "bot.questions.detect_words" not in loaded


def test_a_command_that_needs_only_a_slack_client_loads_no_surface(tmp_path: Path) -> None:
    """`askaround sync` takes Slack's client from `handlers.client` (and stops here at the
    token it lacks): the package no longer imports every surface, and Bolt and the question
    detector with them, as its own `__init__` did (`handlers/wiring.py` wires them)."""
    code, loaded, stderr = _command_run(f"sqlite:///{tmp_path / 'a.db'}", "sync", tmp_path)
    assert code == 2 and "SLACK_BOT_TOKEN is missing" in stderr, stderr
    assert "handlers.client.directory" in loaded and "slack_sdk" in loaded
    unwanted = {"slack_bolt", "handlers.surfaces", "handlers.wiring", "bot.questions.detect"}
    assert not unwanted & loaded, sorted(unwanted & loaded)


def _command_run(url: str, command: str, cwd: Path) -> tuple[int, set[str], str]:
    """The command's exit code, every module it loaded, and its standard error; run without
    the Slack settings of the environment, on the database at `url`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    found = subprocess.run(
        [sys.executable, "-c", COMMAND_RUN, command],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**env, "ASKAROUND_DATABASE_URL": url},
        cwd=cwd,
    )
    code, loaded = json.loads(found.stdout.strip().splitlines()[-1])
    return code, set(loaded), found.stderr


async def _migrated(url: str) -> None:
    engine = create_engine(normalise_database_url(url))
    try:
        await upgrade_head(engine)
    finally:
        await engine.dispose()


SERVE_UNTIL_STOPPED = """
import atexit, ctypes, json, sys

def held():
    skills = sys.modules.get("bot.directory.skills")
    read = skills is not None and skills.shipped_vocabulary.cache_info().currsize > 0
    print(json.dumps([sorted(sys.modules), read]), flush=True)

atexit.register(held)
atexit.register(ctypes.CDLL(None).malloc_stats)  # glibc's: a paragraph an arena, on stderr
from bot.runtime.cli import main
sys.exit(main(["serve"]))
"""


async def test_serve_on_a_new_database_holds_no_alembic_and_two_arenas(tmp_path: Path) -> None:
    """`askaround serve` on a database behind the newest revision (a new install, an
    upgrade's first start) migrates it in a process of its own: Alembic, Mako, Pygments and
    every migration script stayed loaded for as long as the bot ran, 12.6 MiB resident
    (`bot/runtime/cli/database.py`, docs/benchmarks.md section 5). The migration is logged
    as before, and the bot serves on the migrated database. Its threads (SQLite's) share
    two malloc arenas (`bot/runtime/allocator.py`), not one each."""
    database = tmp_path / "askaround.db"
    said, loaded, _ = await _served_until_listening(f"sqlite:///{database}", tmp_path)
    assert any(f"database created (schema {head()})" in line for line in said), "".join(said)
    assert "slack_bolt" in loaded  # the bot ran in this process
    assert sum(line.startswith("Arena ") for line in said[-1].splitlines()) <= ARENAS
    # nor YAML, which only `askaround import people` reads (its parser imported it at the top)
    assert not [name for name in loaded if name.split(".")[0] in ("alembic", "mako", "yaml")]
    assert await _revision(f"sqlite:///{database}") == head()


# Modules, by the start of their names, that a started serve has not imported until something
# needs them (docs/benchmarks.md section 5): the fuzzy matcher, the question detector's modules,
# and in HTTP mode Socket Mode's; never the benchmarks, the emulator or the demo
NOT_AT_START = (
    "benchmarks",
    "slack_emulator",
    "bot.runtime.demo",
    "rapidfuzz",
    "bot.questions.detect",
    "bot.questions.phrasing",
    "bot.runtime.socket_mode",
    "slack_bolt.adapter.socket_mode",
    "slack_sdk.socket_mode",
)


async def test_serve_holds_no_fuzzy_matcher_until_something_is_mistyped(tmp_path: Path) -> None:
    """A started `askaround serve` on a current database has not loaded rapidfuzz (2.4 MB
    resident), which only a mistyped command, value or skill, a skill's type-ahead or a
    question's topics need, nor read the shipped skill vocabulary (1.4 MB), which only
    skills and questions read (docs/benchmarks.md section 5). On SQLite it holds no part of
    SQLAlchemy's PostgreSQL dialect (2.4 MB) either: upserts take their database's own
    `insert` when they run, and the partial index names PostgreSQL's `where` only once a
    PostgreSQL engine exists (`storage/models/base.py`). Nor the question detector and its
    words (about 4 MB), which only a message to the bot, a channel's message or a question
    reads (`handlers/surfaces/message_kinds.py`); nor, in HTTP mode, Socket Mode's client
    (0.5 MB, `bot/runtime/runner.py`); nor anything of the benchmarks, the emulator or the
    demo, which only their own commands use."""
    url = f"sqlite:///{tmp_path / 'askaround.db'}"
    await _migrated(url)
    said, loaded, vocabulary_read = await _served_until_listening(url, tmp_path)
    assert "slack_bolt" in loaded and "bot.directory.skills" in loaded, "".join(said)
    assert "handlers.surfaces.questions" in loaded  # the surfaces that read messages are wired
    held = [name for name in loaded if name.startswith(NOT_AT_START)]
    assert not held, held
    assert not vocabulary_read
    assert "sqlalchemy.dialects.sqlite" in loaded
    assert not [name for name in loaded if name.startswith("sqlalchemy.dialects.postgresql")]


async def _served_until_listening(url: str, cwd: Path) -> tuple[list[str], list[str], bool]:
    """`askaround serve` on the database at `url` (HTTP mode, Slack unreachable), stopped
    with SIGTERM once it listens: what it wrote to standard error (the last item: all it
    wrote after the stop, glibc's arenas included), every module it held at its end, and
    whether it had read the shipped skill vocabulary."""
    env = {
        **os.environ,
        "ASKAROUND_DATABASE_URL": url,
        "ASKAROUND_HOST": "127.0.0.1",
        "ASKAROUND_PORT": "0",
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_APP_TOKEN": "",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",  # nobody: serve starts all the same
    }
    served = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SERVE_UNTIL_STOPPED,
        env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert served.stderr is not None and served.stdout is not None
        said: list[str] = []
        while not any("listening for Slack on" in line for line in said):
            line = await asyncio.wait_for(served.stderr.readline(), 60)
            assert line, "serve ended before it listened:\n" + "".join(said)
            said.append(line.decode())
        served.send_signal(signal.SIGTERM)
        said.append((await asyncio.wait_for(served.stderr.read(), 30)).decode())
        loaded, vocabulary_read = json.loads((await served.stdout.read()).decode().splitlines()[-1])
        assert await served.wait() == 0, "".join(said)
    finally:
        if served.returncode is None:
            served.kill()
            await served.wait()
    return said, loaded, vocabulary_read


async def _revision(url: str) -> str | None:
    engine = create_engine(normalise_database_url(url))
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(revision)
    finally:
        await engine.dispose()
