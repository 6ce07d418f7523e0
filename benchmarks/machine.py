"""The machine a figure was measured on, and writing a figure's JSON.

A latency figure means nothing without the cores, memory and the load other processes put on
the machine at the time, so every result file carries them.
"""

from __future__ import annotations

import json
import math
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return 0.0


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def describe() -> dict[str, Any]:
    """Cores, memory, Python, CPU model, the load average now, and the time (UTC)."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "python": sys.version.split()[0],
        "cpu_model": _cpu_model(),
        "platform": platform.platform(),
        "load_average_start": [round(x, 2) for x in load_average()],
    }


def machine_line(machine: dict[str, Any]) -> str:
    return (
        f"machine: {machine['cores']} cores, {machine['memory_gib']} GiB, "
        f"Python {machine['python']}, {machine['cpu_model']}; "
        f"load average {machine['load_average_start']} at start, "
        f"{machine.get('load_average_end', '?')} at end; {machine['date']}"
    )


def save(name: str, machine: dict[str, Any], command: str, figures: dict[str, Any]) -> Path:
    """Write `results/NAME.json` and print where; the load average at the end is added."""
    machine = {**machine, "load_average_end": [round(x, 2) for x in load_average()]}
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    document = {"name": name, "command": command, "machine": machine, "figures": figures}
    path.write_text(json.dumps(document, indent=2, default=str) + "\n")
    print(machine_line(machine))
    print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return path


def command_line() -> str:
    """How this benchmark was started, to paste into docs/benchmarks.md."""
    module = sys.argv[0]
    if module.endswith(".py") and "benchmarks" in module:
        module = "-m benchmarks." + Path(module).stem
    return " ".join(["python", module, *sys.argv[1:]])


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list (0.0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, min(len(sorted_values), math.ceil(fraction * len(sorted_values))))
    return sorted_values[rank - 1]


def latency_summary(seconds: list[float]) -> dict[str, float]:
    """p50 / p99 / max in milliseconds."""
    ordered = sorted(seconds)
    return {
        "count": len(ordered),
        "p50_ms": round(1000 * percentile(ordered, 0.50), 2),
        "p99_ms": round(1000 * percentile(ordered, 0.99), 2),
        "max_ms": round(1000 * (ordered[-1] if ordered else 0.0), 2),
    }
