"""`askaround eval questions FILE.jsonl`: precision and recall of the question detector."""

from __future__ import annotations

import argparse
import sys


async def run(args: argparse.Namespace) -> int:
    from bot.progress import progress_bar
    from bot.questions.detect import explain, question_confidence
    from bot.questions.detect_eval import measure, read_labelled

    labelled = read_labelled(args.folder)
    with progress_bar("detecting questions", "message", total=len(labelled)) as bar:
        figures = measure(labelled, on_row=bar.update)
    print(figures.line())
    if args.verbose:
        for kind, rows in (("missed", figures.misses), ("false alarm", figures.false_alarms)):
            for row in rows:
                features = explain(row.text).items()
                why = ", ".join(f"{name} {weight:+.2f}" for name, weight in features)
                print(f"{kind} {question_confidence(row.text):.2f} {row.text}", file=sys.stderr)
                print(f"  because: {why or 'too short, or only a greeting'}", file=sys.stderr)
    return 0
