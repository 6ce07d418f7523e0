"""Choose routing constants on the history alone, never on the questions being routed.

The last VALIDATION_FRACTION of history.jsonl become pseudo-questions (self-answered ones and
those whose accepted answerer is not a known person left out, as in the real split), routed
with the earlier history as evidence through the real `RoutingIndex` and the same metrics as
`askaround eval routing`. The index is built straight from a `RoutingSnapshot` (what the
database would return), so a run takes seconds and can be repeated while tuning.

    python -m benchmarks.routing_validation /work/shared/data/routing-dba \
        --set bot.routing.fitting.PRIOR_STRENGTH=50

Caveat: people.jsonl's declared skill levels were derived from the whole history, so the declared
signal sees the validation period a little; the figures here flatter it slightly.
"""

from __future__ import annotations

import argparse
import importlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.routing.evaluation import (
    Dataset,
    evaluate,
    read_dataset,
    scored_question,
    solved_questions,
)
from bot.routing.loading import index_from_snapshot
from storage.routing import DeclaredSkill, RoutingSnapshot

VALIDATION_FRACTION = 0.2


def split(dataset: Dataset, fraction: float = VALIDATION_FRACTION) -> Dataset:
    """Earlier history as history, the rest as questions to route (test questions unused).

    As in the real split, the people are exactly those who answered in the (earlier)
    history, and a question is scored only if its accepted answerer is one of them.
    """
    cut = int(len(dataset.history) * (1.0 - fraction))
    return within(dataset, dataset.history[:cut], dataset.history[cut:])


def within(dataset: Dataset, history: list[dict[str, Any]], later: list[dict[str, Any]]) -> Dataset:
    """`history` as the history, its answerers as the people, and those of `later` whose
    accepted answerer is one of them as the questions to route."""
    answered = {str(u) for row in history for u in row.get("answered_by") or ()}
    people = [p for p in dataset.people if str(p["user"]) in answered]
    questions = [row for row in later if scored_question(row, answered)]
    return Dataset(people, history, questions)


def snapshot(dataset: Dataset) -> RoutingSnapshot:
    """What `load_routing_snapshot` returns after `load_dataset` wrote this dataset."""
    people = {str(p["user"]): str(p["user"]) for p in dataset.people}
    declared_at = datetime.now(UTC)  # the eval declares them as it loads, after the history
    declared = [
        DeclaredSkill(str(p["user"]), str(key), int(level), "declared", declared_at)
        for p in dataset.people
        for key, level in p["skills"].items()
    ]
    solved = solved_questions(dataset.history)
    names = {d.skill_key: d.skill_key for d in declared}
    return RoutingSnapshot(people, names, {}, declared, solved, [], [])


def override(assignment: str) -> None:
    """`module.CONSTANT=value`: set a module constant (value parsed as float, int or bool; a
    yes/no word that is none of `BOOLEANS` is refused rather than read as False)."""
    target, _, raw = assignment.partition("=")
    module_name, _, name = target.rpartition(".")
    module = importlib.import_module(module_name)
    current = getattr(module, name)
    if isinstance(current, bool):
        if raw.lower() not in BOOLEANS:
            raise SystemExit(f"{target}: a yes/no setting takes one of {', '.join(BOOLEANS)}")
        value: Any = BOOLEANS[raw.lower()]
    else:
        value = type(current)(float(raw))
    setattr(module, name, value)


BOOLEANS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    parser.add_argument("--test", action="store_true", help="route the real questions instead")
    args = parser.parse_args()
    for assignment in args.set:
        override(assignment)
    dataset = read_dataset(args.folder)
    chosen = dataset if args.test else split(dataset)
    index = index_from_snapshot("TVAL", snapshot(chosen))
    for metrics in evaluate(index, chosen).methods:
        print(metrics.line())


if __name__ == "__main__":
    main()
