"""`askaround eval routing` as a user runs it, on a folder written here: its command line, in
this process (`bot.runtime.cli.main`, what the installed script calls; a process of its own
cost some 1.3 CPU-s a run, most of it importing; `test_cli_failures.py` runs the script)."""

from __future__ import annotations

import io
import json
import random
import re
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.runtime.cli import main

# `askaround eval routing` loads each folder into a temporary SQLite file of its own.
pytestmark = pytest.mark.database_independent

LINE = re.compile(
    r"^(engine|popularity|bm25) P@1=(\d\.\d{3}) R@3=(\d\.\d{3}) R@10=(\d\.\d{3}) "
    r"MRR=(\d\.\d{3}) nDCG@10=(\d\.\d{3}) p50_ms=(\d+\.\d) p99_ms=(\d+\.\d)$"
)
TOPICS = {
    "postgresql": "vacuum autovacuum bloat wal replica",
    "mysql": "innodb binlog mysqldump myisam",
    "sql-server": "tempdb ssms agent job deadlock",
    "oracle": "tablespace rman plsql listener",
}


def _write(folder: Path, name: str, rows: list[dict[str, object]]) -> None:
    (folder / name).write_text("".join(json.dumps(row) + "\n" for row in rows))


def write_fixture(folder: Path) -> None:
    """Four experts per topic answer that topic's questions; U0 answers everything a bit."""
    rng = random.Random(7)
    people: list[dict[str, object]] = [{"user": "U0", "skills": {}}]
    experts: dict[str, list[str]] = {}
    for t, topic in enumerate(TOPICS):
        experts[topic] = [f"U{t}{n}" for n in range(1, 5)]
        people += [{"user": u, "skills": {topic: 3}} for u in experts[topic]]
    people += [{"user": f"UQ{n}", "skills": {}} for n in range(5)]

    def question(n: int) -> dict[str, object]:
        topic = rng.choice(list(TOPICS))
        words = rng.sample(TOPICS[topic].split(), 3)
        helper = rng.choice(experts[topic])
        answered = [helper, "U0"] if n % 2 else [helper]
        text = f"{topic.replace('-', ' ')} {' '.join(words)} problem\nhelp with {words[0]}"
        asker = f"UQ{n % 5}"
        return {
            "id": f"Q{n}",
            "asker": asker,
            "text": text,
            "answered_by": answered,
            "accepted": helper,
        }

    _write(folder, "people.jsonl", people)
    _write(folder, "history.jsonl", [question(n) for n in range(200)])
    stranger = {**question(260), "accepted": "UX"}  # answered by someone not in people.jsonl
    own = {**question(261), "asker": "U11", "accepted": "U11"}  # the asker answered it
    _write(folder, "questions.jsonl", [question(n) for n in range(200, 260)] + [stranger, own])


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def _run(*args: str) -> Run:
    """`askaround eval routing ARGS`: its exit code and what it wrote."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["eval", "routing", *args])
    return Run(code, out.getvalue(), err.getvalue())


def test_eval_prints_one_line_per_method_and_engine_beats_popularity(tmp_path: Path) -> None:
    """A line per method in the exact format, then the solved-reuse line; the engine's MRR
    and R@3 are above popularity's; standard error says how many questions were scored."""
    write_fixture(tmp_path)
    result = _run(str(tmp_path))
    assert result.returncode == 0, result.stderr
    *lines, reuse = result.stdout.strip().splitlines()
    matches = [LINE.match(line) for line in lines]
    assert len(lines) == 3 and all(matches), lines
    engine, popularity, bm25 = (m.groups() for m in matches if m)
    assert (engine[0], popularity[0], bm25[0]) == ("engine", "popularity", "bm25")
    assert re.match(r"^solved-reuse R@3=(0\.\d{3}|1\.000) ", reuse), reuse
    assert float(engine[4]) > float(popularity[4]) + 0.2
    assert float(engine[2]) > float(popularity[2])
    assert "scored 60 of 62 questions to route" in result.stderr, result.stderr
    # Progress bars are drawn on a terminal only: piped, standard error has none.
    assert "\r" not in result.stderr and "question/s" not in result.stderr, result.stderr


def test_eval_history_fraction_keeps_the_latest_part(tmp_path: Path) -> None:
    """`--history 0` is a new workspace: nobody has answered, so popularity ranks by name
    alone, and the engine, with declared skills only, still beats it; a fraction out of
    range is refused."""
    write_fixture(tmp_path)
    result = _run(str(tmp_path), "--history", "0")
    assert result.returncode == 0, result.stderr
    found = {
        m.group(1): m.groups() for line in result.stdout.splitlines() if (m := LINE.match(line))
    }
    assert float(found["engine"][4]) > float(found["popularity"][4])
    assert "weights fitted on 0 history questions" in result.stderr
    assert _run(str(tmp_path), "--history", "1.5").returncode == 2


def test_eval_rejects_a_folder_with_a_missing_file(tmp_path: Path) -> None:
    """A folder without questions.jsonl fails with one line naming the file."""
    write_fixture(tmp_path)
    (tmp_path / "questions.jsonl").unlink()
    result = _run(str(tmp_path))
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"askaround: {tmp_path / 'questions.jsonl'}: no such file"
    ]


def test_eval_rejects_a_bad_json_line(tmp_path: Path) -> None:
    """A malformed line is reported with its file and line number, and nothing is printed."""
    write_fixture(tmp_path)
    with (tmp_path / "history.jsonl").open("a") as handle:
        handle.write("{not json\n")
    result = _run(str(tmp_path))
    assert result.returncode != 0 and result.stdout == ""
    assert re.fullmatch(
        rf"askaround: {re.escape(str(tmp_path / 'history.jsonl'))}:201: bad JSON \(.+\)\n",
        result.stderr,
    )


def test_eval_refuses_a_database_that_holds_a_workspace(tmp_path: Path) -> None:
    """`--database` is for an empty database: one that holds a workspace (a real one, or an
    earlier eval's) is refused in one line, and nothing is added to it."""
    write_fixture(tmp_path)
    url = f"sqlite:///{tmp_path / 'eval.db'}"
    assert _run(str(tmp_path), "--database", url).returncode == 0
    again = _run(str(tmp_path), "--database", url)
    assert again.returncode != 0 and again.stdout == ""
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "already holds workspace TEVAL" in lines[0], lines
