"""`benchmarks.team2box_folders --inner`: validation splits of a site's own history, each one
routing questions no shallower split has routed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.database_independent

QUESTIONS = 50


def _site(root: Path) -> None:
    """A team2box site of QUESTIONS questions, each answered by one of three people."""
    site = root / "data" / "coffee"
    (site / "NeRankFormat").mkdir(parents=True)
    ids = range(1, QUESTIONS + 1)

    def write(name: str, lines: list[str]) -> None:
        (site / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

    write("NeRankFormat/Q_title.txt", [f"{q} how do i grind beans number {q}" for q in ids])
    write("NeRankFormat/Q_ACC_A.txt", [f"{q} {10 + q % 3}" for q in ids])
    write("NeRankFormat/Q_R.txt", [f"{q} {20 + q % 2}" for q in ids])
    write("Q_tags.txt", [f"{q} grinder" for q in ids])
    write("answer_user_ids.txt", ["answerID answererID", *(f"{100 + q} {10 + q % 3}" for q in ids)])
    write("q_answer_ids_score.txt", ["Q_ID Answer_ID Score", *(f"{q} {100 + q} 1" for q in ids)])


def _routed(root: Path, out: Path, depth: int) -> list[str]:
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.team2box_folders",
            str(root),
            str(out),
            *["--inner"] * depth,
            "coffee",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    lines = (out / "coffee" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["id"] for line in lines]


def test_inner_twice_routes_the_questions_before_the_first_splits(tmp_path: Path) -> None:
    _site(tmp_path)
    # 50 questions: the real split routes 41-50, --inner the history's 33-40, twice 26-32.
    assert _routed(tmp_path, tmp_path / "real", 0) == [f"Q{q}" for q in range(41, 51)]
    assert _routed(tmp_path, tmp_path / "once", 1) == [f"Q{q}" for q in range(33, 41)]
    assert _routed(tmp_path, tmp_path / "twice", 2) == [f"Q{q}" for q in range(26, 33)]
    history = (tmp_path / "twice" / "coffee" / "history.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in history] == [f"Q{q}" for q in range(1, 26)]
