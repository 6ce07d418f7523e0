"""`askaround eval questions FILE.jsonl`: precision and recall of the question detector."""

from __future__ import annotations

import argparse
import sys


async def run(args: argparse.Namespace) -> int:
    from bot.questions.detect import question_confidence
    from bot.questions.detect_eval import measure, read_labelled

    figures = measure(read_labelled(args.folder))
    print(figures.line())
    if args.verbose:
        for kind, rows in (("missed", figures.misses), ("false alarm", figures.false_alarms)):
            for row in rows:
                print(f"{kind} {question_confidence(row.text):.2f} {row.text}", file=sys.stderr)
    return 0
