"""What one recognition costs: askaround beside the floor, one `/kudos` at a time and in bursts.

Each target runs as its own process in HTTP mode against the emulator (a third process): the
floor (`benchmarks/floor_bolt.py`, a one-listener Bolt app that acks and posts the shout-out)
and `askaround serve` on SQLite and on PostgreSQL. Kudos are spread over 200 channels and
10,000 givers so neither Slack's pace nor the daily allowance binds.

- **One at a time** (N kudos, each sent when the previous shout-out is up): recognitions a
  second, ack p50/p99, sent → public shout-out p50/p99 (the emulator's clock, same machine),
  and CPU per recognition (the target process's user+system time over the phase / N).
- **Bursts** (50/s and 200/s offered for 10 s by the open-loop load generator): every ack
  under 3 s?, and how long after the last send the last shout-out was posted.
- Peak RSS of the target, and the ledger count against acknowledged kudos (nothing lost or
  doubled).

    python -m benchmarks.recognition_cost                  # N=1000, bursts 50/s and 200/s
    python -m benchmarks.recognition_cost --quick          # N=200, a 50/s burst of 5 s
    python -m benchmarks.recognition_cost --targets floor,sqlite -n 300
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks import procs
from benchmarks.emulator_proc import SIGNING_SECRET, TEAMS
from benchmarks.kudos_throughput import ledger_count
from benchmarks.loadgen import send_signed
from benchmarks.machine import RESULTS, command_line, describe, latency_summary, save

PEOPLE = 10_000
WARM_UP = 20


@asynccontextmanager
async def target(
    name: str, emu: procs.Emulator, folder: Path
) -> AsyncIterator[tuple[procs.Served, str | None]]:
    """The floor, or `askaround serve` on a fresh database; with that database's URL."""
    if name == "floor":
        port = procs.free_port()
        args = procs.python(
            "-m", "benchmarks.floor_bolt", "--port", str(port), "--api-url", emu.api_url
        )
        process = procs.spawn(args)
        try:
            await procs.wait_healthy(port, 30)
            yield procs.Served(process, f"http://127.0.0.1:{port}/slack/events"), None
        finally:
            procs.stop(process)
        return
    async with procs.database(name, folder) as url:
        async with procs.bot(emu.api_url, url, RESULTS / f"recognition_cost-{name}.log") as bot:
            yield bot, url


async def send(session: aiohttp.ClientSession, url: str, delivery: dict[str, Any]) -> float:
    """Post one signed delivery; returns the ack latency in seconds."""
    seconds, status = await send_signed(session, url, SIGNING_SECRET, delivery)
    if status != 200:
        raise RuntimeError(f"the target answered {status}")
    return seconds


async def one_at_a_time(
    emu: procs.Emulator, served: procs.Served, offset: int, count: int
) -> dict[str, Any]:
    bodies = await procs.payloads(emu.control_url, "kudos", count, offset)
    acks: list[float] = []
    shown: list[float] = []
    missing = 0
    async with aiohttp.ClientSession() as session:
        cpu = procs.cpu_seconds(served.pid)
        began = time.perf_counter()
        for n, delivery in enumerate(bodies):
            sent_at = time.time()
            acks.append(await send(session, served.url, delivery))
            query = {"n": str(offset + n)}
            async with session.get(f"{emu.control_url}/shoutout", params=query) as answer:
                at = (await answer.json())["at"]
            if at is None:
                missing += 1
            else:
                shown.append(max(0.0, at - sent_at))
        elapsed = time.perf_counter() - began
        cpu = procs.cpu_seconds(served.pid) - cpu
    return {
        "count": count,
        "recognitions_per_s": round(count / elapsed, 1),
        "ack": latency_summary(acks),
        "sent_to_shoutout": latency_summary(shown),
        "missing_shoutouts": missing,
        "cpu_ms_per_recognition": round(1000 * cpu / count, 2),
    }


async def burst(
    emu: procs.Emulator, served: procs.Served, offset: int, rate: float, duration: float,
    folder: Path,
) -> dict[str, Any]:  # fmt: skip
    count = int(rate * duration)
    bodies = await procs.payloads(emu.control_url, "kudos", count, offset)
    path = folder / "burst.json"
    path.write_text(json.dumps(bodies))
    before = await procs.count_calls(emu.control_url, "chat.postMessage", TEAMS)
    started = time.time()
    load = await procs.load(served.url, rate, duration, path)
    last_send = started + (count - 1) / rate
    expected = before["count"] + load["ok"]
    deadline = time.monotonic() + 120
    seen = before
    while seen["count"] < expected and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        seen = await procs.count_calls(emu.control_url, "chat.postMessage", TEAMS)
    return {
        "offered_per_s": rate,
        "sent": load["requests"],
        "acked": load["ok"],
        "ack_p99_ms": load["p99_ms"],
        "all_acked_within_3s": load["ok"] == load["requests"],
        "shoutouts": seen["count"] - before["count"],
        "last_shoutout_after_last_send_s": round((seen["last"] or started) - last_send, 3),
    }


async def measure(
    name: str, count: int, bursts: list[float], duration: float, folder: Path
) -> dict[str, Any]:
    with procs.emulator(PEOPLE) as emu:
        async with target(name, emu, folder) as (served, database_url):
            await one_at_a_time(emu, served, 0, WARM_UP)
            figures: dict[str, Any] = {
                "one_at_a_time": await one_at_a_time(emu, served, WARM_UP, count)
            }
            offset = WARM_UP + count
            figures["bursts"] = []
            for rate in bursts:
                figures["bursts"].append(await burst(emu, served, offset, rate, duration, folder))
                offset += int(rate * duration)
            figures["peak_rss_mb"] = round(procs.memory_kib(served.pid) / 1024, 1)
            acked = count + WARM_UP + sum(b["acked"] for b in figures["bursts"])
            if database_url is not None:
                figures["ledger"] = await settled_ledger(database_url, acked)
                figures["ledger_matches_acked"] = figures["ledger"] == acked
    return figures


async def settled_ledger(database_url: str, acked: int) -> int:
    """The ledger once it holds every acknowledged kudos or stops growing for 30 s: a backlog
    still being worked is late, not lost, and must not be counted as lost."""
    count, still_since = await ledger_count(database_url), time.monotonic()
    while count < acked and time.monotonic() - still_since < 30:
        await asyncio.sleep(1)
        now = await ledger_count(database_url)
        if now != count:
            count, still_since = now, time.monotonic()
    return count


def report(name: str, figures: dict[str, Any]) -> None:
    one = figures["one_at_a_time"]
    print(
        f"{name:>10}: {one['recognitions_per_s']}/s one at a time; ack p50/p99 "
        f"{one['ack']['p50_ms']}/{one['ack']['p99_ms']} ms; sent → shout-out p50/p99 "
        f"{one['sent_to_shoutout']['p50_ms']}/{one['sent_to_shoutout']['p99_ms']} ms; "
        f"CPU {one['cpu_ms_per_recognition']} ms per recognition; peak RSS "
        f"{figures['peak_rss_mb']} MB",
        flush=True,
    )
    for b in figures["bursts"]:
        print(
            f"{'':>10}  {b['offered_per_s']:.0f}/s: {b['acked']}/{b['sent']} acked "
            f"(p99 {b['ack_p99_ms']} ms), {b['shoutouts']} shout-outs, the last "
            f"{b['last_shoutout_after_last_send_s']} s after the last send",
            flush=True,
        )


async def run(
    targets: list[str], count: int, bursts: list[float], duration: float
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        for name in targets:
            out[name] = await measure(name, count, bursts, duration, Path(tmp))
            report(name, out[name])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("-n", type=int, help="kudos one at a time (1000; 200 with --quick)")
    parser.add_argument("--targets", default="floor,sqlite,postgresql")
    parser.add_argument("--bursts", help="offered rates, comma-separated (50,200)")
    parser.add_argument("--duration", type=float, help="seconds per burst (10; 5 with --quick)")
    args = parser.parse_args()
    count = args.n or (200 if args.quick else 1000)
    bursts = [float(r) for r in (args.bursts or ("50" if args.quick else "50,200")).split(",")]
    duration = args.duration or (5.0 if args.quick else 10.0)
    machine = describe()
    figures = asyncio.run(run(args.targets.split(","), count, bursts, duration))
    save("recognition_cost", machine, command_line(), figures)
    broken = [
        name
        for name, f in figures.items()
        if f.get("ledger_matches_acked") is False or f["one_at_a_time"]["missing_shoutouts"]
    ]
    if broken:
        print(f"lost or doubled kudos in: {', '.join(broken)}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
