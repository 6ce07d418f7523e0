"""Long work on the command line shows its progress on a terminal, and keeps quiet when its
standard error is a pipe or a log: `askaround` run as a person runs it, in a real terminal
(a pseudo-terminal) and with its output piped."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

pytestmark = pytest.mark.database_independent


def askaround(
    argv: list[str], cwd: Path, terminal: bool, columns: int = 100
) -> tuple[int, str, str]:
    """`python -m bot.runtime.cli ARGV`: its code, standard output and standard error, the
    latter a terminal `columns` wide or a pipe."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(cwd),
        "ASKAROUND_DATABASE_URL": f"sqlite:///{cwd / 'cli.db'}",
        "COLUMNS": "100",
    }
    command = [sys.executable, "-m", "bot.runtime.cli", *argv]
    if not terminal:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    # A new pseudo-terminal is 0 by 0 until it is told its size, as a window tells it.
    fcntl.ioctl(
        follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30 if columns else 0, columns, 0, 0)
    )
    try:
        run = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=follower, text=True
        )
        os.close(follower)
        said = bytearray()
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other end closed: the command has ended
                break
            if not chunk:
                break
            said += chunk
        out = run.stdout.read() if run.stdout else ""
        return run.wait(), out, said.decode(errors="replace")
    finally:
        os.close(leader)


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.jsonl"
    rows = [
        {"text": "how do we rotate the postgres credentials?", "expert_question": True},
        {"text": "good morning everyone", "expert_question": False},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows * 50))
    return path


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
def test_eval_questions_shows_its_progress_on_a_terminal_only(
    tmp_path: Path, labelled: Path, terminal: bool
) -> None:
    """`eval questions` on a labelled file of many thousands of lines ran for minutes saying
    nothing; like import, sync and `eval routing` it now draws a bar on a terminal."""
    code, out, err = askaround(["eval", "questions", str(labelled)], tmp_path, terminal)
    assert code == 0, err
    assert out.startswith("precision=1.000 recall=1.000 n=100")
    if terminal:
        assert "detecting questions" in err and "100/100" in err, err
    else:
        assert err == ""


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
def test_import_shows_its_progress_on_a_terminal_only(tmp_path: Path, terminal: bool) -> None:
    people = tmp_path / "people.csv"
    people.write_text("slack_id,name\n" + "".join(f"U{n:04},Person {n}\n" for n in range(30)))
    argv = ["import", "people", str(people), "--team", "T0ACME"]
    code, out, err = askaround(argv, tmp_path, terminal)
    assert code == 0, err
    assert out.startswith("30 imported"), out
    if terminal:
        assert "importing people" in err, err
    else:
        assert "importing people" not in err and "resolving" not in err, err


def test_a_terminal_that_reports_no_width_still_gets_its_bar(
    tmp_path: Path, labelled: Path
) -> None:
    """A terminal that says it is 0 columns wide (a pseudo-terminal not sized yet, as under
    `docker exec -t` or `ssh -t` at first) got a blank line where each bar should be."""
    code, _out, err = askaround(["eval", "questions", str(labelled)], tmp_path, True, columns=0)
    assert code == 0, err
    assert "detecting questions" in err and "100/100" in err, repr(err)
