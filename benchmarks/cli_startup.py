"""Figure 11: how long an `askaround` command takes to start, wall and CPU.

Each command runs as its own process, as a person (or the test suite, dozens of times a run)
starts it: `--help`, `report --help`, `migrate` and `outbox` on a SQLite file, and `eval
routing` on a folder that is not there (a failure said in one line). Median of the runs, with
the CPU of the process itself (`wait4`).

    python -m benchmarks.cli_startup            # 9 runs of each
    python -m benchmarks.cli_startup --quick    # 3 runs of each
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import procs
from benchmarks.machine import command_line, describe, save

COMMANDS = (
    ("--help",),
    ("report", "--help"),
    ("migrate",),
    ("outbox",),
    ("eval", "routing", "no-such-folder"),
)


def once(argv: tuple[str, ...], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and exit code of one `askaround ARGV` process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        procs.python("-m", "bot.runtime.cli", *argv),
        cwd=procs.ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def measure(runs: int) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ASKAROUND_DATABASE_URL": f"sqlite:///{Path(tmp) / 'cli.db'}",
        }
        once(("migrate",), env)  # the schema exists, as it does for any command but the first
        for argv in COMMANDS:
            timed = [once(argv, env) for _ in range(runs)]
            name = "askaround " + " ".join(argv)
            figures[name] = {
                "runs": runs,
                "wall_s": round(statistics.median(t[0] for t in timed), 2),
                "cpu_s": round(statistics.median(t[1] for t in timed), 2),
                "exit_codes": sorted({t[2] for t in timed}),
            }
            print(f"  {name}: {figures[name]}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    machine = describe()
    figures = measure(3 if args.quick else 9)
    save("cli_startup", machine, command_line(), figures)


if __name__ == "__main__":
    main()
