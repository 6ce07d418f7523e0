"""Figure 1: how fast `askaround serve` acknowledges Slack under load, beside the floor.

Slack gives an app 3 seconds to answer. The load generator (its own process) sends signed
`/kudos`, `/ask`, a button click (*Not now*) and an `app_mention` event at fixed rates to
`askaround serve` (its own process, HTTP mode), which calls back the emulator (a third
process); then the same rates against a bare aiohttp handler that only answers 200 (the
floor). Payloads come from the emulator's own builders; the bot's database starts empty
(people are remembered as they act). Between steps the bot is left to finish its post-ack
work (up to 60 s; 8 s with --quick, so a backlog may spill into the next step there).
The emulator has 10,000 people, so no giver exceeds the 5-a-day allowance.

    python -m benchmarks.ack_latency                   # 60 s per step (the issue's figure)
    python -m benchmarks.ack_latency --quick           # 2 s per step, PostgreSQL at 200/s only
    python -m benchmarks.ack_latency --backends sqlite --rates 200
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import procs
from benchmarks.machine import RESULTS, command_line, describe, save

KINDS = ("kudos", "ask", "click", "event")
PEOPLE = 10_000
TARGET_P99_MS = 50.0
TARGET_FLOOR_RATIO = 2.0


async def settle(pid: int, quiet: float = 0.05, within: float = 30.0) -> float:
    """Wait until the process uses under `quiet` CPU-seconds per half second; seconds waited."""
    started = time.monotonic()
    before = procs.cpu_seconds(pid)
    while time.monotonic() - started < within:
        await asyncio.sleep(0.5)
        now = procs.cpu_seconds(pid)
        if now - before < quiet:
            break
        before = now
    return round(time.monotonic() - started, 1)


async def step(
    url: str, rate: float, duration: float, bodies: list[Any], folder: Path, pids: dict[str, int]
) -> dict[str, Any]:
    """One load run; with the CPU seconds each process spent during it."""
    path = folder / "bodies.json"
    path.write_text(json.dumps(bodies))
    cpu_before = {name: procs.cpu_seconds(pid) for name, pid in pids.items()}
    result = await procs.load(url, rate, duration, path)
    result["cpu_s"] = {
        name: round(procs.cpu_seconds(pid) - cpu_before[name], 2) for name, pid in pids.items()
    }
    return result


def line(label: str, r: dict[str, Any]) -> str:
    bad = r["requests"] - r["ok"]
    return (
        f"  {label:<8} {r['rate']:>4.0f}/s  p50={r['p50_ms']:7.2f} ms  p99={r['p99_ms']:8.2f} ms"
        f"  max={r['max_ms']:8.2f} ms  n={r['requests']} non2xx={bad}"
        f"  gen_late_p99={r['late_p99_ms']:.0f} ms  cpu={r.get('cpu_s', {})}"
    )


async def backend_run(
    backend: str, rates: list[float], duration: float, folder: Path, drain: float
) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    offsets = dict.fromkeys(KINDS, 0)
    with procs.emulator(PEOPLE) as emu:
        async with (
            procs.database(backend, folder) as url,
            procs.bot(emu.api_url, url, RESULTS / f"ack_latency-{backend}.log") as served,
            procs.floor() as floor,
        ):
            pids = {"bot": served.pid, "emulator": emu.pid}
            for rate in rates:
                count = int(rate * duration)
                floor_bodies = await procs.payloads(emu.control_url, "click", count, 10**6)
                result = await step(
                    floor.url, rate, duration, floor_bodies, folder, {"floor": floor.pid}
                )
                rows.append({"backend": backend, "kind": "floor", **result})
                print(line("floor", result), flush=True)
                for kind in KINDS:
                    bodies = await procs.payloads(emu.control_url, kind, count, offsets[kind])
                    offsets[kind] += count
                    result = await step(served.url, rate, duration, bodies, folder, pids)
                    result["drain_s"] = await settle(served.pid, within=drain)
                    rows.append({"backend": backend, "kind": kind, **result})
                    print(line(kind, result), flush=True)
            rss = procs.memory_kib(served.pid)
    return {"rows": rows, "bot_peak_rss_mib": round(rss / 1024, 1)}


def verdict(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The issue's targets: p99 < 50 ms at 200 req/s on SQLite; p50 within 2x of the floor."""
    out: dict[str, Any] = {}
    for backend in sorted({r["backend"] for r in rows}):
        mine = [r for r in rows if r["backend"] == backend]
        at200 = [r for r in mine if r["rate"] == 200 and r["kind"] != "floor"]
        floors = {r["rate"]: r["p50_ms"] for r in mine if r["kind"] == "floor"}
        ratios = {
            f"{r['kind']}@{r['rate']:.0f}": round(r["p50_ms"] / floors[r["rate"]], 1)
            for r in mine
            if r["kind"] != "floor" and floors.get(r["rate"])
        }
        out[backend] = {
            "p99_under_50ms_at_200": {r["kind"]: r["p99_ms"] < TARGET_P99_MS for r in at200},
            "p50_to_floor": ratios,
            "p50_within_2x_floor": {k: v <= TARGET_FLOOR_RATIO for k, v in ratios.items()},
        }
    return out


async def run(
    backends: list[str], rates: dict[str, list[float]], duration: float, drain: float
) -> dict[str, Any]:
    results: dict[str, Any] = {
        "duration_s": duration,
        "drain_limit_s": drain,
        "rates": rates,
        "backends": {},
    }
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        for backend in backends:
            print(f"{backend}: {duration:.0f} s per step", flush=True)
            results["backends"][backend] = await backend_run(
                backend, rates[backend], duration, Path(tmp), drain
            )
    rows = [r for b in results["backends"].values() for r in b["rows"]]
    results["verdict"] = verdict(rows)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="2 s per step instead of 60, drains cut at 8 s, PostgreSQL at 200/s only",
    )
    parser.add_argument("--duration", type=float, help="seconds per step")
    parser.add_argument("--rates", default="50,200,500")
    parser.add_argument("--pg-rates", help="rates on PostgreSQL (default: --rates; 200 if --quick)")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    duration = args.duration or (2.0 if args.quick else 60.0)
    drain = 8.0 if args.quick else 60.0
    machine = describe()
    pg_rates = args.pg_rates or ("200" if args.quick else args.rates)
    rates = {
        "sqlite": [float(r) for r in args.rates.split(",")],
        "postgresql": [float(r) for r in pg_rates.split(",")],
    }
    results = asyncio.run(run(args.backends.split(","), rates, duration, drain))
    for backend, checks in results["verdict"].items():
        print(f"{backend}: p99<50ms@200/s {checks['p99_under_50ms_at_200']}")
        print(f"{backend}: p50/floor {checks['p50_to_floor']}")
    save("ack_latency", machine, command_line(), results)


if __name__ == "__main__":
    main()
