"""`askaround eval routing DIR`: measure routing on a folder of real questions and answerers.

`askaround eval questions FILE.jsonl` measures the question detector instead
(`bot/runtime/cli/evaluate_questions.py`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.database_url import normalise_database_url
from bot.errors import AskaroundError, ConfigError
from bot.runtime.cli import evaluate_questions
from bot.runtime.cli.failures import UsageError

if TYPE_CHECKING:
    from bot.routing.engine import RoutingIndex
    from bot.routing.evaluation import Dataset, Evaluation


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "eval",
        examples=[
            "askaround eval routing DIR --history 0.5",
            "askaround eval questions tests/data/questions.jsonl --verbose",
        ],
        help="measure question routing on a benchmark folder, or the question detector",
        description=(
            "`eval routing PATH`: load people.jsonl and history.jsonl from the folder PATH "
            "into a fresh database, route every question in questions.jsonl with the bot's "
            "engine and two baselines (popularity, BM25 similar-question vote), and "
            "print one line of P@1, R@3, R@10, MRR, nDCG@10 and latency per method. "
            "`eval questions FILE.jsonl` runs the question detector on labelled messages "
            '(lines {"text": …, "expert_question": true|false}) and prints precision and recall.'
        ),
    )
    parser.add_argument(
        "target",
        choices=["routing", "questions"],
        metavar="WHAT",
        help="routing: a benchmark folder; questions: the detector on a labelled file",
    )
    parser.add_argument(
        "folder", type=Path, metavar="PATH", help="the benchmark folder, or the labelled file"
    )
    parser.add_argument(
        "--history",
        type=float,
        default=1.0,
        metavar="FRACTION",
        help="keep only the latest FRACTION of history.jsonl (0, 0.1, 0.5: a younger workspace)",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="an empty database to load into (default: a temporary SQLite file)",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="questions: list each miss and false alarm"
    )
    return parser


async def run(args: argparse.Namespace) -> int:
    if args.target == "questions":
        return await evaluate_questions.run(args)
    if not 0.0 <= args.history <= 1.0:
        raise UsageError(f"--history {args.history:g} is not a fraction between 0 and 1")
    database = _database_flag(args.database)
    from bot.routing.evaluation import keep_history, read_dataset

    dataset = keep_history(read_dataset(args.folder), args.history)
    measured = await measure(dataset, database)
    results, index = measured.results, measured.index
    loaded, routed = measured.loaded, measured.routed
    for metrics in results.methods:
        print(metrics.line())
    reuse = results.solved_reuse
    print(f"solved-reuse R@3={reuse:.3f} (a shown similar solved question's helper answered)")
    print(
        f"scored {results.scored} of {results.asked} questions to route (the rest: the "
        "accepted answerer is not one of the people, or is the asker)",
        file=sys.stderr,
    )
    print(f"weights fitted on {index.fitted_on} history questions", file=sys.stderr)
    print(f"loaded in {loaded:.1f} s, routed in {routed:.1f} s", file=sys.stderr)
    return 0


def _database_flag(given: str | None) -> str | None:
    """--database read as ASKAROUND_DATABASE_URL is, and refused in the flag's name."""
    if given is None:
        return None
    try:
        return normalise_database_url(given)
    except ConfigError as error:
        raise UsageError(f"--database{str(error).removeprefix(error.variable)}") from None


@dataclass(frozen=True)
class Measured:
    """One folder routed through the real pipeline: its figures, the index (what it fitted
    on) and the seconds spent loading and routing."""

    results: Evaluation
    index: RoutingIndex
    loaded: float
    routed: float


async def measure(dataset: Dataset, database: str | None = None) -> Measured:
    """Write `dataset` into a fresh database (`database`, or a temporary SQLite file), load
    the index as the bot does and route its questions: the eval's pipeline, for
    `benchmarks.routing_pooled` too."""
    from bot.routing.evaluation import TEAM_ID, evaluate, load_dataset
    from bot.routing.loading import load_index
    from bot.runtime.cli.database import migrated
    from storage.db import create_sessions
    from storage.workspace_settings import workspace_ids

    with tempfile.TemporaryDirectory(prefix="askaround-eval-") as scratch:
        url = database or f"sqlite+aiosqlite:///{Path(scratch) / 'eval.db'}"
        async with migrated(normalise_database_url(url), in_memory=True, create=True) as engine:
            sessions = create_sessions(engine)
            async with sessions() as session:
                held = await workspace_ids(session)
            if held:
                raise AskaroundError(
                    f"--database already holds workspace {', '.join(held)}: the eval writes a "
                    "benchmark's people and questions, so give it an empty database"
                )
            started = time.perf_counter()
            await load_dataset(sessions, dataset)
            index = await load_index(sessions, TEAM_ID)
            loaded = time.perf_counter() - started
            results = evaluate(index, dataset)
            routed = time.perf_counter() - started - loaded
    return Measured(results, index, loaded, routed)
