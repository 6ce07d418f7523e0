"""Refit the detector's learned phrasing (`bot.questions.phrasing`) on labelled messages:
`python -m bot.questions.phrasing_refit tests/data/questions.jsonl` writes the weights askaround
ships. Apart from the model, since it reads messages as the detector does."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.questions.detect import words_of
from bot.questions.detect_eval import read_labelled
from bot.questions.phrasing import WEIGHTS_FILE, fit


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Refit the detector's learned phrasing.")
    parser.add_argument("labelled", type=Path, nargs="+", help="JSON lines: text, expert_question")
    parser.add_argument("--out", type=Path, default=Path(str(WEIGHTS_FILE)))
    args = parser.parse_args(argv)
    rows = [row for path in args.labelled for row in read_labelled(path)]
    fitted = fit((words_of(row.text), row.expert_question) for row in rows)
    args.out.write_text(json.dumps(fitted, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(fitted['weights'])} cues from {len(rows)} messages → {args.out}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
