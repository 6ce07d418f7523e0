"""What each test costs: a pytest plugin that writes, for every test, its wall time, its
process's CPU (every thread's: aiosqlite's included), the CPU of the processes it started and
waited for (the CLI, the demo, `askaround serve`), and the time its event loop sat in `select`
with nothing to run (waiting on a timer, a socket, another thread or a core); then a table of
them by folder or module. `--durations` alone misleads under xdist, where a test's wall time is
mostly its worker waiting for a core on a loaded machine.

    ASKAROUND_TEST_COST=/tmp/cost .venv/bin/python -m pytest -p benchmarks.suite_cost -n 2 tests
    .venv/bin/python -m benchmarks.suite_cost /tmp/cost --depth 3     # by folder or module
    .venv/bin/python -m benchmarks.suite_cost /tmp/cost --tests 30    # the dearest tests

(`python -m pytest`, so that the checkout is importable before pytest reads its conftests.)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import selectors
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

FOLDER_ENV = "ASKAROUND_TEST_COST"
_idle = [0.0]
_out: list[IO[str]] = []


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _select_timed(select: Any) -> Any:
    def timed(self: selectors.BaseSelector, timeout: float | None = None) -> Any:
        if timeout is not None and timeout <= 0:
            return select(self, timeout)
        started = time.perf_counter()
        try:
            return select(self, timeout)
        finally:
            _idle[0] += time.perf_counter() - started

    return timed


def pytest_configure(config: pytest.Config) -> None:
    folder = os.environ.get(FOLDER_ENV)
    if not folder or _out:
        return
    selectors.EpollSelector.select = _select_timed(selectors.EpollSelector.select)  # type: ignore[method-assign]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    Path(folder).mkdir(parents=True, exist_ok=True)
    _out.append(open(Path(folder) / f"{worker}-{os.getpid()}.jsonl", "a"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    wall, cpu, children, idle = time.perf_counter(), time.process_time(), _children_cpu(), _idle[0]
    yield
    if _out:
        cost = {
            "id": item.nodeid,
            "wall": time.perf_counter() - wall,
            "cpu": time.process_time() - cpu,
            "children": _children_cpu() - children,
            "idle": _idle[0] - idle,
        }
        _out[0].write(json.dumps(cost) + "\n")
        _out[0].flush()


def _costs(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in folder.glob("*.jsonl") for line in path.open()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--depth", type=int, default=2, help="path parts to group by")
    parser.add_argument("--tests", type=int, default=0, help="list the N dearest tests instead")
    args = parser.parse_args()
    costs = _costs(args.folder)
    print(f"{'':60} {'tests':>6} {'wall':>8} {'cpu':>7} {'children':>8} {'idle':>7}")
    if args.tests:
        costs.sort(key=lambda c: -(c["cpu"] + c["children"]))
        for c in costs[: args.tests]:
            print(
                f"{c['id'][-60:]:60} {1:6} {c['wall']:8.1f} {c['cpu']:7.2f} "
                f"{c['children']:8.2f} {c['idle']:7.2f}"
            )
        return
    groups: dict[str, list[float]] = defaultdict(lambda: [0.0] * 5)
    for c in costs:
        key = "/".join(c["id"].split("::")[0].split("/")[: args.depth])
        for at, value in enumerate((1.0, c["wall"], c["cpu"], c["children"], c["idle"])):
            groups[key][at] += value
    groups["all"] = [sum(g[at] for g in groups.values()) for at in range(5)]
    for key, (n, wall, cpu, children, idle) in sorted(
        groups.items(), key=lambda kv: -(kv[1][2] + kv[1][3])
    ):
        print(f"{key:60} {int(n):6} {wall:8.1f} {cpu:7.1f} {children:8.1f} {idle:7.1f}")


if __name__ == "__main__":
    main()
