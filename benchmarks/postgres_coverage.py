"""Whether the PostgreSQL pass still reaches all of `storage/` that every test would reach there.

The PostgreSQL pass of `scripts/test` runs tier b (`tests/slack`) only where a test is marked
`postgres_too` (scripts/postgres-pass.sh, docs/testing-log.md): the rest of tier b drives Slack
logic that is the same on both databases, and what it stores goes through storage code the
selected tests reach too. This checks that rule against a PostgreSQL run of every test under
coverage with one context a test (`.ci/postgres-coverage` makes it): the storage statements and
branches (as `coverage report` counts them) that the selected tests reach, against those all the
tests reach. It fails when the selection misses any, naming the tier b modules that reach each.

    python -m benchmarks.postgres_coverage COVERAGE_FILE SELECTED_NODE_IDS_FILE
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

from coverage import Coverage
from coverage.python import PythonFileReporter

TIER_B = "tests/slack/"
Arc = tuple[int, int]
# What a test reached: a statement (file, "line", number) or a branch taken (file, "branch",
# (from, to)), as `coverage report` counts them.
Reached = tuple[str, str, object]


class _Storage:
    """Each file's statements and branches, from coverage.py's own reading of its source: the
    raw arcs a test records also hold a coroutine's resumption at each await that suspended,
    which follows the timing of the database's answers rather than the code's paths."""

    def __init__(self) -> None:
        self._coverage = Coverage(branch=True, data_file=None)
        self._files: dict[str, tuple[PythonFileReporter, set[int], set[Arc], set[int]]] = {}

    def reached(self, path: str, arcs: set[Arc]) -> set[Reached]:
        if path not in self._files:
            source = PythonFileReporter(path, self._coverage)
            branching = {line for line, exits in source.exit_counts().items() if exits > 1}
            self._files[path] = (source, source.lines(), source.arcs(), branching)
        source, statements, possible, branching = self._files[path]
        lines = source.translate_lines({line for arc in arcs for line in arc if line > 0})
        taken = source.translate_arcs({arc for arc in arcs if arc[0] != arc[1]})
        return {(path, "line", line) for line in lines & statements} | {
            (path, "branch", arc) for arc in taken if arc in possible and arc[0] in branching
        }


def reached_by_test(data_file: Path) -> dict[str, set[Reached]]:
    """What each test reached, by node id: pytest-cov's contexts are `node id|phase`, and the
    empty one is what ran outside any test (imports, collection)."""
    arcs: dict[str, dict[str, set[Arc]]] = defaultdict(lambda: defaultdict(set))
    with sqlite3.connect(data_file) as db:
        rows = db.execute(
            "SELECT file.path, context.context, arc.fromno, arc.tono FROM arc"
            " JOIN file ON file.id = arc.file_id JOIN context ON context.id = arc.context_id"
        )
        for path, context, start, end in rows:
            arcs[context.rpartition("|")[0]][path].add((start, end))
    storage = _Storage()
    return {
        test: {item for path, pairs in files.items() for item in storage.reached(path, pairs)}
        for test, files in arcs.items()
    }


def _counts(reached: set[Reached]) -> str:
    lines = sum(1 for item in reached if item[1] == "line")
    return f"{lines} statements and {len(reached) - lines} branches"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("coverage_file", type=Path)
    parser.add_argument("selected", type=Path, help="the PostgreSQL pass's node ids, one a line")
    args = parser.parse_args()
    selected = {line.strip() for line in args.selected.read_text().splitlines() if line.strip()}
    by_test = reached_by_test(args.coverage_file)
    left_out = sorted(test for test in by_test if test and test not in selected)
    if any(not test.startswith(TIER_B) for test in left_out):
        print("only tier b may be left out of the PostgreSQL pass:", left_out[:5])
        return 1
    every: set[Reached] = set().union(*by_test.values())
    kept: set[Reached] = set().union(
        *(reached for test, reached in by_test.items() if test not in left_out)
    )
    reaching_any = len(by_test) - ("" in by_test)
    print(f"storage/ reached on PostgreSQL by {reaching_any} tests: {_counts(every)}")
    print(f"by the {reaching_any - len(left_out)} of them the pass runs: {_counts(kept)}")
    missed = every - kept
    if not missed:
        return 0
    reaching: dict[Reached, set[str]] = defaultdict(set)
    for test in left_out:
        for item in by_test[test] & missed:
            reaching[item].add(test.partition("::")[0])
    print("reached only by tier b tests not marked postgres_too:", file=sys.stderr)
    for (path, kind, where), modules in sorted(reaching.items(), key=str):
        print(f"  {Path(path).name} {kind} {where}: {', '.join(sorted(modules))}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
