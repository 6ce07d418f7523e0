"""Routing quality on the real DBA StackExchange folder, checked against its baselines.

The same measurement as `askaround eval routing DIR` (people and history loaded into a fresh
SQLite file through storage, the index loaded as the bot loads it, every scored question routed
by `RoutingIndex.suggest`, popularity and BM25-vote baselines from the same run), then the
checks that keep the engine honest: above the folder's BM25 reference and the run's own BM25
line, twice the popularity baseline, at a floor under today's figures (MRR ≥ 0.255, R@3 ≥
0.30; measured 0.260 and 0.309 since issue 15's twenty-first round, 0.264 and 0.311 before;
issue 15 asks 0.271 and 0.33), and the popularity line
reproduced. Exits 1 when a check fails. `scripts/test` runs it when the folder is beside the
checkout (the data is not in the repository); speed is printed, never checked, so a loaded
machine cannot fail it.

    python -m benchmarks.routing_quality                       # ../shared/data/routing-dba
    python -m benchmarks.routing_quality path/to/routing-dba
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.checks import Check, Outcome, print_outcome
from benchmarks.machine import command_line, describe, save
from bot.routing.evaluation import TEAM_ID, Metrics, evaluate, load_dataset, read_dataset
from bot.routing.loading import load_index
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head

FOLDER = Path(__file__).parents[2] / "shared" / "data" / "routing-dba"
BM25_REFERENCE_MRR = 0.219  # the folder's README: BM25 similar-question voting
BM25_REFERENCE_R3 = 0.242
POPULARITY_MRR = 0.116  # the README's popularity line
TARGET_MRR = 0.255
TARGET_R3 = 0.30


async def measure(folder: Path) -> tuple[dict[str, Metrics], float, float]:
    """Each method's metrics, the seconds spent loading and the seconds spent routing."""
    dataset = read_dataset(folder)
    with tempfile.TemporaryDirectory(prefix="askaround-routing-") as scratch:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(scratch) / 'eval.db'}")
        try:
            await upgrade_head(engine)
            sessions = create_sessions(engine)
            started = time.perf_counter()
            await load_dataset(sessions, dataset)
            index = await load_index(sessions, TEAM_ID)
            loaded = time.perf_counter() - started
            measured = {m.method: m for m in evaluate(index, dataset).methods}
            routed = time.perf_counter() - started - loaded
        finally:
            await engine.dispose()
    return measured, loaded, routed


def check(measured: dict[str, Metrics]) -> list[Check]:
    engine, popularity, bm25 = measured["engine"], measured["popularity"], measured["bm25"]
    return [
        Check(
            "above the run's own BM25 vote",
            engine.mrr > bm25.mrr and engine.r_at_3 > bm25.r_at_3,
            f"MRR {engine.mrr:.3f} > {bm25.mrr:.3f}, R@3 {engine.r_at_3:.3f} > {bm25.r_at_3:.3f}",
        ),
        Check(
            "above the folder's BM25 reference",
            engine.mrr > BM25_REFERENCE_MRR and engine.r_at_3 > BM25_REFERENCE_R3,
            f"MRR {engine.mrr:.3f} > {BM25_REFERENCE_MRR}, R@3 {engine.r_at_3:.3f} > "
            f"{BM25_REFERENCE_R3}",
        ),
        Check(
            "twice the popularity baseline",
            engine.mrr > 2 * popularity.mrr,
            f"MRR {engine.mrr:.3f} > 2 × {popularity.mrr:.3f}",
        ),
        Check(
            "the floor under today's figures",
            engine.mrr >= TARGET_MRR and engine.r_at_3 >= TARGET_R3,
            f"MRR {engine.mrr:.3f} ≥ {TARGET_MRR}, R@3 {engine.r_at_3:.3f} ≥ {TARGET_R3}",
        ),
        Check(
            "the README's popularity line reproduced",
            abs(popularity.mrr - POPULARITY_MRR) < 0.002,
            f"MRR {popularity.mrr:.3f} ≈ {POPULARITY_MRR}",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER, metavar="DIR")
    args = parser.parse_args()
    if not args.folder.is_dir():
        parser.error(f"no benchmark folder at {args.folder} (it is not in the repository)")
    machine = describe()
    measured, loaded, routed = asyncio.run(measure(args.folder))
    for metrics in measured.values():
        print(metrics.line())
    figures: dict[str, Any] = {"loaded_s": round(loaded, 1), "routed_s": round(routed, 1)}
    figures |= {m.method: vars(m) for m in measured.values()}
    outcome = Outcome(figures, check(measured))
    print_outcome(
        f"checks on {args.folder} (loaded in {loaded:.1f} s, routed in {routed:.1f} s)",
        Outcome({}, outcome.checks),
    )
    save("routing_quality", machine, command_line(), outcome.as_json())
    if outcome.failed:
        print("FAILED: routing fell below its baselines (see the checks above)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
