"""Routing in young workspaces: the engine against its baselines on short slices of history.

A company's Slack starts with no solved questions, so what the fitted blend does with a few
hundred matters as much as what it does with thousands, and two benchmark folders are two
communities at one age each. This cuts each folder's history into young workspaces: SIZES
solved questions ending at several POINTS of the history (early, middle, latest), the
QUESTIONS history questions after each slice routed as the questions to route, the people
those who answered in the slice. Each slice is routed through the real `RoutingIndex` (built
from a `RoutingSnapshot`, as `benchmarks.routing_validation` does, which fits the weights on
the slice's own history), with the popularity and BM25-vote baselines of the same run; it
prints MRR and R@3 for each, and the engine's MRR over the better baseline's. The questions
of `questions.jsonl` are never used.

    python -m benchmarks.routing_young ../shared/data/routing-dba \
        ../shared/data/routing-mathoverflow
    python -m benchmarks.routing_young DIR --set bot.routing.fitting.QUERY_FRACTION=0.2
"""

from __future__ import annotations

import argparse
import math
import statistics
from pathlib import Path

from benchmarks.routing_validation import override, snapshot, within
from bot.routing.evaluation import Dataset, evaluate, read_dataset
from bot.routing.loading import index_from_snapshot

SIZES = (150, 300, 800)
POINTS = (0.3, 0.45, 0.6, 0.75, 0.9, 1.0)
QUESTIONS = 150


def young(dataset: Dataset, size: int, point: float) -> Dataset | None:
    """`size` solved questions ending QUESTIONS before `point` of the history, and the
    QUESTIONS after them to route; None when the history is too short for it."""
    end = int(len(dataset.history) * point)
    start = end - QUESTIONS - size
    if start < 0:
        return None
    chosen = within(
        dataset, dataset.history[start : end - QUESTIONS], dataset.history[end - QUESTIONS : end]
    )
    return chosen if chosen.questions else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, metavar="SOLVED")
    parser.add_argument("--points", type=float, nargs="+", default=POINTS, metavar="FRACTION")
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    args = parser.parse_args()
    for assignment in args.set:
        override(assignment)
    ratios, engine_mrr = [], []
    for folder in args.folders:
        dataset = read_dataset(folder)
        for size in args.sizes:
            for point in args.points:
                chosen = young(dataset, size, point)
                if chosen is None:
                    continue
                index = index_from_snapshot("TYOUNG", snapshot(chosen))
                engine, popularity, bm25 = evaluate(index, chosen).methods
                best = max(popularity.mrr, bm25.mrr) or 1e-9
                ratios.append(engine.mrr / best)
                engine_mrr.append(engine.mrr)
                print(
                    f"{folder.name} {size} solved @{point:.2f} ({len(chosen.questions)} routed):"
                    f" engine {engine.mrr:.3f} / {engine.r_at_3:.3f}"
                    f"  popularity {popularity.mrr:.3f} / {popularity.r_at_3:.3f}"
                    f"  bm25 {bm25.mrr:.3f} / {bm25.r_at_3:.3f}"
                    f"  engine ÷ best {engine.mrr / best:.2f}  (MRR / R@3)",
                    flush=True,
                )
    if ratios:
        geometric = math.exp(statistics.fmean(math.log(r) for r in ratios))
        print(
            f"{len(ratios)} young workspaces: engine MRR mean {statistics.fmean(engine_mrr):.4f};"
            f" engine ÷ best baseline geometric mean {geometric:.3f}, lowest {min(ratios):.2f}"
        )


if __name__ == "__main__":
    main()
