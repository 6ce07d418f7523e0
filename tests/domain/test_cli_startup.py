"""`askaround --help` and a command's parsing load none of the heavy libraries: a command
imports what it needs when it runs (`bot/runtime/cli/__init__.py`)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.database_independent

HEAVY = ("sqlalchemy", "alembic", "numpy", "aiohttp", "slack_sdk", "slack_bolt", "matplotlib")

LOADED_AFTER_PARSING = """
import contextlib, io, json, sys
from bot.runtime.cli import build_parser
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
