"""Routing measured on several communities at once, and whether a change beats noise.

One site's validation split is a few hundred questions, where a change of 0.01 MRR is a few
questions moving a place or two, and a change chosen on one or two sites may be a property
of those sites. This routes each folder through the eval's own pipeline (`askaround eval
routing`: a fresh database, the index loaded and fitted as the bot does) and prints the
engine per site and pooled over every scored question (MRR and R@3 weighted by each site's
scored questions). `--save` keeps each question's rank; `--against` a saved run compares
question by question: per site and pooled, the MRR difference with a paired bootstrap 95%
interval (questions resampled within each site), how many questions rose and fell, and the
two-sided sign test's p of that count. `--weights` also prints each site's fitted weights and
how many past questions they were fitted on, as the index loaded them.

    python -m benchmarks.team2box_folders TEAM2BOX OUT --inner dba mathoverflow android \
        history physics
    python -m benchmarks.routing_pooled OUT/* --save before.json
    python -m benchmarks.routing_pooled OUT/* --set bot.routing.scoring.TITLE_BOOST=3 \
        --against before.json
    python -m benchmarks.routing_pooled --compare before.json after.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.routing_validation import override
from bot.routing.blend import FEATURES
from bot.routing.evaluation import keep_history, read_dataset
from bot.runtime.cli.evaluate import measure

RESAMPLES = 2000
SEED = 15

Ranks = Sequence[int | None]


def reciprocal(ranks: Ranks) -> np.ndarray:
    return np.array([1.0 / r if r else 0.0 for r in ranks])


def top3(ranks: Ranks) -> np.ndarray:
    return np.array([1.0 if r and r <= 3 else 0.0 for r in ranks])


@dataclass(frozen=True)
class Difference:
    """A paired MRR difference (after − before) over the same questions."""

    delta: float
    low: float
    high: float
    rose: int
    fell: int

    @property
    def sign_p(self) -> float:
        """The two-sided sign test: how likely so uneven a split of the questions that moved
        would be if rising and falling were equally likely."""
        moved, fewer = self.rose + self.fell, min(self.rose, self.fell)
        tail = sum(math.comb(moved, k) for k in range(fewer + 1)) / 2**moved
        return min(1.0, 2.0 * tail)

    def line(self) -> str:
        beyond = "beyond noise" if self.low > 0 or self.high < 0 else "noise"
        return (
            f"dMRR={self.delta:+.4f} [{self.low:+.4f}, {self.high:+.4f}] "
            f"rose {self.rose} fell {self.fell} sign p={self.sign_p:.2f} ({beyond})"
        )


def paired(before: Mapping[str, Ranks], after: Mapping[str, Ranks]) -> Difference:
    """The difference of the mean reciprocal rank over all the sites' questions, with a
    bootstrap interval that resamples each site's questions within it (so each site keeps
    its weight)."""
    gains = [reciprocal(after[site]) - reciprocal(before[site]) for site in before]
    pooled = np.concatenate(gains)
    random = np.random.default_rng(SEED)
    means = np.zeros(RESAMPLES)
    for gain in gains:
        picks = random.integers(0, len(gain), size=(RESAMPLES, len(gain)))
        means += gain[picks].sum(axis=1)
    means /= len(pooled)
    low, high = np.quantile(means, [0.025, 0.975])
    return Difference(
        float(pooled.mean()),
        float(low),
        float(high),
        int((pooled > 0).sum()),
        int((pooled < 0).sum()),
    )


def summary(name: str, ranks: Ranks) -> str:
    return (
        f"{name:<14} scored={len(ranks):>5} MRR={reciprocal(ranks).mean():.4f} "
        f"R@3={top3(ranks).mean():.4f}"
    )


def fitted(name: str, fitted_on: int, weights: Sequence[float]) -> str:
    """One site's blend as its index loaded it: each feature's fitted weight. A column a
    `--set` scratch setting adds has no name in FEATURES and is named by its position."""
    names = [*FEATURES, *(f"column {n}" for n in range(len(FEATURES) + 1, len(weights) + 1))]
    pairs = zip(names, weights, strict=False)
    return f"{name:<14} fitted on {fitted_on:>4}: " + ", ".join(f"{f} {w:.2f}" for f, w in pairs)


def compare(before: Mapping[str, Ranks], after: Mapping[str, Ranks]) -> list[str]:
    """Per site and pooled, the difference from `before` to `after` over the same questions."""
    lines = [
        f"{name:<14} {paired({name: before[name]}, {name: after[name]}).line()}" for name in after
    ]
    return [*lines, f"{'pooled':<14} {paired({n: before[n] for n in after}, after).line()}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="*")
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    parser.add_argument("--history", type=float, default=1.0, metavar="FRACTION")
    parser.add_argument("--weights", action="store_true", help="print each site's fitted weights")
    parser.add_argument("--save", type=Path, metavar="FILE.json", help="keep each rank")
    parser.add_argument("--against", type=Path, metavar="FILE.json", help="a saved run")
    parser.add_argument(
        "--compare",
        type=Path,
        nargs=2,
        metavar=("BEFORE.json", "AFTER.json"),
        help="compare two saved runs instead of routing",
    )
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(path.read_text("utf-8")) for path in args.compare)
        for name, ranks in after.items():
            print(summary(name, ranks))
        print(summary("pooled", [rank for ranks in after.values() for rank in ranks]))
        _differences(args.compare[0], before, after)
        return
    names = [folder.name for folder in args.folders]
    if not names or len(set(names)) != len(names):
        parser.error("give folders with different names: their names key the saved ranks")
    for assignment in args.set:
        override(assignment)
    runs: dict[str, list[int | None]] = {}
    for folder in args.folders:
        dataset = keep_history(read_dataset(folder), args.history)
        measured = asyncio.run(measure(dataset))
        results = measured.results
        runs[folder.name] = list(results.ranks)
        if args.weights:
            index = measured.index
            print(fitted(folder.name, index.fitted_on, index.evidence.weights.tolist()))
        print(summary(folder.name, results.ranks), flush=True)
    print(summary("pooled", [rank for ranks in runs.values() for rank in ranks]))
    if args.save:
        args.save.write_text(json.dumps(runs), encoding="utf-8")
    if args.against:
        _differences(args.against, json.loads(args.against.read_text("utf-8")), runs)


def _differences(source: Path, before: Mapping[str, Ranks], after: Mapping[str, Ranks]) -> None:
    missing = [name for name in after if len(before.get(name, ())) != len(after[name])]
    if missing:
        sys.exit(f"{source} has no run of the same questions for {', '.join(missing)}")
    print("\n".join(compare(before, after)))


if __name__ == "__main__":
    main()
