"""`askaround eval questions FILE.jsonl`: measure the question detector on labelled messages.

Each line is `{"text": …, "expert_question": true|false}`. A message counts as predicted when
`looks_like_question` says so, the same call the watched-channel listener makes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.errors import AskaroundError
from bot.questions.detect import looks_like_question


class LabelledSetError(AskaroundError):
    """The labelled file is missing or has a malformed line."""


@dataclass(frozen=True)
class Labelled:
    text: str
    expert_question: bool


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    n: int
    misses: tuple[Labelled, ...]
    false_alarms: tuple[Labelled, ...]

    def line(self) -> str:
        return f"precision={self.precision:.3f} recall={self.recall:.3f} n={self.n}"


def read_labelled(path: Path) -> list[Labelled]:
    if path.is_dir():
        raise LabelledSetError(f"{path} is a folder: give a .jsonl file of labelled messages")
    if not path.exists():
        raise LabelledSetError(f"{path} does not exist")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise LabelledSetError(f"cannot read {path}: {error.strerror}") from error
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text, label = row["text"], row["expert_question"]
        except (ValueError, KeyError, TypeError) as error:
            raise LabelledSetError(f"{path}:{number}: not a labelled message") from error
        if not isinstance(text, str) or not isinstance(label, bool):
            raise LabelledSetError(f"{path}:{number}: text must be a string, label a boolean")
        rows.append(Labelled(text, label))
    if not rows:
        raise LabelledSetError(f"{path} holds no labelled message: nothing to measure")
    return rows


def measure(rows: list[Labelled], on_row: Callable[[int], object] = lambda n: None) -> Figures:
    """Precision and recall of `looks_like_question` against the labels (1.0 when undefined);
    `on_row(1)` after each message, for a progress bar."""
    predicted = []
    for row in rows:
        predicted.append((row, looks_like_question(row.text)))
        on_row(1)
    hits = sum(1 for row, said in predicted if said and row.expert_question)
    said_yes = sum(1 for _, said in predicted if said)
    positives = sum(1 for row in rows if row.expert_question)
    return Figures(
        precision=hits / said_yes if said_yes else 1.0,
        recall=hits / positives if positives else 1.0,
        n=len(rows),
        misses=tuple(row for row, said in predicted if row.expert_question and not said),
        false_alarms=tuple(row for row, said in predicted if said and not row.expert_question),
    )
