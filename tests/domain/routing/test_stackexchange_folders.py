"""`benchmarks.stackexchange_folders`: a StackExchange dump's Posts.xml becomes a routing folder
that `askaround eval routing` reads, split and declared the way the shared folders are."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from bot.runtime.cli import main

pytestmark = pytest.mark.database_independent

TOPICS = {"espresso": "grind crema tamp", "roast": "beans roast date", "milk": "steam froth latte"}


def _posts(path: Path) -> None:
    """Ten questions a day apart (ids out of date order), each answered by its topic's expert
    and, every other day, earlier by a generalist; one answer's owner was deleted."""
    rows = []
    experts = {"espresso": "11", "roast": "12", "milk": "13"}
    for day in range(10):
        topic = list(TOPICS)[day % 3]
        qid = 100 - day  # ids run backwards: the order must come from the dates
        body = f"<p>How do I fix my {TOPICS[topic]}?</p>&#xA;<pre><code>x &lt; y</code></pre>"
        accepted = 1000 + day
        rows.append(
            f'<row Id="{qid}" PostTypeId="1" CreationDate="2015-01-{day + 10:02d}T08:00:00.000" '
            f'OwnerUserId="{20 + day % 2}" AcceptedAnswerId="{accepted}" '
            f"Title={quoteattr(f'{topic} trouble &amp; more')} Body={quoteattr(body)} "
            f'Tags="&lt;{topic}&gt;&lt;coffee&gt;" />'
        )
        rows.append(
            f'<row Id="{accepted}" PostTypeId="2" ParentId="{qid}" '
            f'CreationDate="2015-01-{day + 10:02d}T12:00:00.000" OwnerUserId="{experts[topic]}" />'
        )
        if day % 2 == 0:
            rows.append(
                f'<row Id="{2000 + day}" PostTypeId="2" ParentId="{qid}" '
                f'CreationDate="2015-01-{day + 10:02d}T09:00:00.000" OwnerUserId="10" />'
            )
    rows.append(
        '<row Id="3000" PostTypeId="2" ParentId="100" CreationDate="2015-01-10T10:00:00" />'
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<posts>\n' + "\n".join(rows) + "\n</posts>\n"
    )


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_dump_becomes_a_folder_the_eval_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _posts(tmp_path / "Posts.xml")
    out = tmp_path / "coffee"
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.stackexchange_folders",
            str(tmp_path / "Posts.xml"),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "coffee: 4 people, 8 history, 2 questions to route"
    history, later = _read(out / "history.jsonl"), _read(out / "questions.jsonl")
    assert [q["id"] for q in history + later] == [f"Q{100 - day}" for day in range(10)]
    first = history[0]
    assert first["text"] == "espresso trouble & more\nHow do I fix my grind crema tamp? x < y"
    assert first["answered_by"] == ["U10", "U11"] and first["accepted"] == "U11"
    people = {p["user"]: p["skills"] for p in _read(out / "people.jsonl")}
    # Skills come from the history alone: the expert of "milk" answered days 2 and 5 in it.
    assert people["U13"] == {"milk": 2, "coffee": 2}
    assert people["U10"] == {"espresso": 2, "coffee": 3, "milk": 1, "roast": 1}

    capsys.readouterr()
    assert main(["eval", "routing", str(out)]) == 0
    assert "scored 2 of 2 questions to route" in capsys.readouterr().err


def test_a_path_that_is_no_file_is_one_line(tmp_path: Path) -> None:
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.stackexchange_folders",
            str(tmp_path / "nope.xml"),
            str(tmp_path / "x"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 1 and "is not a file" in made.stderr
