"""What one recognition costs: askaround beside the floor and karmabot, side by side in one run.

Four targets, each its own process in Socket Mode against its own emulator (a second process,
the one Slack): the floor (`benchmarks/floor_bolt.py`, a one-listener Bolt app that acks
`/kudos` and posts the shout-out), PyBites' karmabot 2.0.1 from PyPI (one sync Bolt process
on SQLite, in its own venv, `benchmarks/karmabot_peer.py`; its recognition is its native
`@person ++` message, its shout-out its reply in the channel), and `askaround serve` on
SQLite and on PostgreSQL. Recognitions are spread over 200 channels and 10,000 people so
neither Slack's pace nor askaround's daily allowance binds.

The emulator sends every recognition, as Slack does (`benchmarks/drive.py`): over the
websocket, or signed over HTTP with `--transport http` (karmabot has no HTTP mode). The ack
time runs from the envelope sent to its ack received; sent → shout-out to the public post
recorded by the emulator.

- **Start-up** first: askaround's directory catch-up stored, the target quiet; the CPU spent
  until then is reported apart, never counted as the recognitions'.
- **One at a time** (N, each sent when the previous shout-out is up): recognitions a second,
  ack p50/p99, sent → public shout-out p50/p99, and CPU per recognition (the target's
  user+system time over the phase / N).
- **Bursts** (50/s and 200/s offered for 10 s, open loop): acks within 3 s, and how long
  after the last send the last shout-out was posted; for askaround, how many recipients' DMs
  were posted by then (new people's DMs wait on Slack's Tier 3 pace for `conversations.open`).
- Peak RSS of the target.
- **Correctness**, checked here from Slack's side: every acknowledged recognition announced
  exactly once (none missing, none twice), and the target's ledger (askaround's kudos rows,
  karmabot's karma transactions) holding one row per acknowledged recognition. A broken
  promise of askaround or the floor exits 1; karmabot's are printed, it is the peer.

    python -m benchmarks.recognition_cost                  # all four, N=1000, 50/s and 200/s
    python -m benchmarks.recognition_cost --quick          # N=200, a 50/s burst of 5 s
    python -m benchmarks.recognition_cost --targets floor,sqlite -n 300 --transport http
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks import procs
from benchmarks.ack_latency import settle
from benchmarks.emulator_proc import APP_TOKEN
from benchmarks.kudos_throughput import ledger_count, people_count
from benchmarks.machine import (
    RESULTS,
    command_line,
    describe,
    latency_summary,
    load_average,
    save,
)

PEOPLE = 10_000
WARM_UP = 20
TARGETS = ("floor", "karmabot", "sqlite", "postgresql")
PEERS = ("karmabot",)  # their broken promises are reported, not ours to fail the run on
TITLES = {
    "floor": "floor",
    "karmabot": "karmabot",
    "sqlite": "askaround SQLite",
    "postgresql": "askaround PostgreSQL",
}


@dataclass
class Target:
    pid: int
    kind: str  # what the emulator sends: "kudos" (/kudos) or "karma" (karmabot's ++)
    ledger: Callable[[], Awaitable[int]] | None
    # How many people its directory holds, for a target that syncs one at start (askaround).
    directory: Callable[[], Awaitable[int]] | None = None


def karma_rows(path: Path) -> Callable[[], Awaitable[int]]:
    async def count() -> int:
        with sqlite3.connect(path) as db:
            return int(db.execute("SELECT count(*) FROM karma_transaction").fetchone()[0])

    return count


@asynccontextmanager
async def target(
    name: str, emu: procs.Emulator, folder: Path, transport: str
) -> AsyncIterator[Target]:
    """The target running and reachable by the emulator: connected over Socket Mode, or (HTTP)
    healthy with the emulator's request_url pointed at it."""
    socket_mode = transport == "socket"
    if name == "karmabot":
        if not socket_mode:
            raise SystemExit(
                "karmabot runs in Socket Mode only: leave it out with --transport http"
            )
        path = folder / "karmabot.db"
        log = RESULTS / "recognition_cost-karmabot.log"
        # karmabot's Bolt runs listeners on a pool of threads, and its sessions' connections
        # are closed from whichever thread ends them: pysqlite refuses that unless told.
        url = f"sqlite:///{path}?check_same_thread=false"
        async with procs.karmabot(emu, url, log) as process:
            yield Target(procs.child_pid(process), "karma", karma_rows(path))
        return
    if name == "floor":
        port = procs.free_port()
        args = ["--port", str(port), "--api-url", emu.api_url]
        if socket_mode:
            args += ["--app-token", APP_TOKEN]
        process = procs.spawn(procs.python("-m", "benchmarks.floor_bolt", *args))
        try:
            await procs.wait_healthy(port, 30)
            served = procs.Served(process, f"http://127.0.0.1:{port}/slack/events")
            await reachable(emu, served, socket_mode)
            yield Target(served.pid, "kudos", None)
        finally:
            procs.stop(process)
        return
    async with procs.database(name, folder) as url:
        log = RESULTS / f"recognition_cost-{name}.log"
        async with procs.bot(emu.api_url, url, log, socket_mode=socket_mode) as served:
            await reachable(emu, served, socket_mode)
            yield Target(served.pid, "kudos", lambda: ledger_count(url), lambda: people_count(url))


async def reachable(emu: procs.Emulator, served: procs.Served, socket_mode: bool) -> None:
    if socket_mode:
        await procs.wait_connected(emu.control_url, served.process)
    else:
        await control(emu, "request_url", {"url": served.url})


async def control(emu: procs.Emulator, path: str, body: dict[str, Any] | None = None) -> Any:
    timeout = aiohttp.ClientTimeout(total=procs.BOUND_SECONDS)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        if body is None:
            async with session.get(f"{emu.control_url}/{path}") as response:
                return await response.json()
        async with session.post(f"{emu.control_url}/{path}", json=body) as response:
            return await response.json()


async def one_at_a_time(
    emu: procs.Emulator, tgt: Target, offset: int, count: int
) -> dict[str, Any]:
    cpu, slack = procs.cpu_seconds(tgt.pid), procs.cpu_seconds(emu.pid)
    began = time.perf_counter()
    run = await control(emu, "drive", {"kind": tgt.kind, "offset": offset, "count": count})
    elapsed = time.perf_counter() - began
    cpu, slack = procs.cpu_seconds(tgt.pid) - cpu, procs.cpu_seconds(emu.pid) - slack
    return {
        "count": count,
        "acked": run["acked"],
        "recognitions_per_s": round(count / elapsed, 1),
        "ack": latency_summary(run["acks"]),
        "sent_to_shoutout": latency_summary(run["shown"]),
        "missing_shoutouts": run["missing_shoutouts"],
        "cpu_ms_per_recognition": round(1000 * cpu / count, 2),
        "emulator_cpu_ms_per_recognition": round(1000 * slack / count, 2),
    }


async def burst(
    emu: procs.Emulator, tgt: Target, offset: int, rate: float, duration: float
) -> dict[str, Any]:
    count = int(rate * duration)
    body = {"kind": tgt.kind, "offset": offset, "count": count, "rate": rate}
    cpu, slack = procs.cpu_seconds(tgt.pid), procs.cpu_seconds(emu.pid)
    sent = await control(emu, "drive", body)
    settled = await control(emu, "settle", {"offset": offset, "count": count})
    cpu, slack = procs.cpu_seconds(tgt.pid) - cpu, procs.cpu_seconds(emu.pid) - slack
    return {
        "offered_per_s": rate,
        "sent": sent["sent"],
        "acked": sent["acked"],
        "acked_within_3s": sent["acked_first_time"],
        "ack_p50_ms": sent["ack"]["p50_ms"],
        "ack_p99_ms": sent["ack"]["p99_ms"],
        "sender_late_p99_ms": sent["late_p99_ms"],
        "all_acked_within_3s": sent["acked_first_time"] == sent["sent"],
        "shoutouts": settled["shoutouts"],
        "last_shoutout_after_last_send_s": settled["last_shoutout_after_last_send_s"],
        "dms": settled["dms"],
        "last_dm_after_last_send_s": settled["last_dm_after_last_send_s"],
        "cpu_ms_per_recognition": round(1000 * cpu / count, 2) if count else 0.0,
        "emulator_cpu_ms_per_recognition": round(1000 * slack / count, 2) if count else 0.0,
    }


async def measure(
    name: str, count: int, bursts: list[float], duration: float, folder: Path, transport: str
) -> dict[str, Any]:
    load_at_start = [round(x, 2) for x in load_average()]
    with procs.emulator(PEOPLE) as emu:
        async with target(name, emu, folder, transport) as tgt:
            start_up = await caught_up(tgt)
            await one_at_a_time(emu, tgt, 0, WARM_UP)
            figures: dict[str, Any] = {
                "transport": transport,
                "start_up": start_up,
                "one_at_a_time": await one_at_a_time(emu, tgt, WARM_UP, count),
                "bursts": [],
            }
            offset = WARM_UP + count
            for rate in bursts:
                figures["bursts"].append(await burst(emu, tgt, offset, rate, duration))
                offset += int(rate * duration)
            figures["peak_rss_mb"] = round(procs.memory_kib(tgt.pid) / 1024, 1)
            # A backlog still being announced is late, not lost: wait for it (or 30 s of quiet).
            await control(emu, "settle", {"offset": 0, "count": offset, "limit": 300})
            check = await control(emu, "check")
            figures["check"] = check
            if tgt.ledger is not None:
                figures["ledger"] = await settled_ledger(tgt.ledger, check["acked"])
            figures["broken"] = broken_promises(figures)
    figures["load_average"] = {"start": load_at_start, "end": [round(x, 2) for x in load_average()]}
    return figures


async def caught_up(tgt: Target) -> dict[str, Any]:
    """Once the target's start-up work is done: askaround's catch-up of the directory (the
    emulator's 10,000 people, in one transaction) is several seconds of CPU. On a busy host it
    ran into the phase one at a time and was counted as the recognitions' (a profile of that
    phase at load 19: most of its CPU was the catch-up's rows). Waited for until the people
    are stored, then until the process is quiet; its CPU since the process started is reported
    apart."""
    began = time.monotonic()
    people = 0
    if tgt.directory is not None:
        for _ in range(600):  # 300 s at most
            if (people := await tgt.directory()) >= PEOPLE:
                break
            await asyncio.sleep(0.5)
    await settle(tgt.pid, within=30)
    return {
        "people": people if tgt.directory is not None else None,
        "waited_s": round(time.monotonic() - began, 1),
        "cpu_s": round(procs.cpu_seconds(tgt.pid), 2),
    }


async def settled_ledger(count_rows: Callable[[], Awaitable[int]], acked: int) -> int:
    """The ledger once it holds every acknowledged recognition or stops growing for 30 s: a
    backlog still being worked is late, not lost, and must not be counted as lost."""
    count, still_since = await count_rows(), time.monotonic()
    while count < acked and time.monotonic() - still_since < 30:
        await asyncio.sleep(1)
        now = await count_rows()
        if now != count:
            count, still_since = now, time.monotonic()
    return count


def broken_promises(figures: dict[str, Any]) -> list[str]:
    """One ledger row and one public shout-out per acknowledged recognition, none doubled."""
    check = figures["check"]
    broken = []
    if check["missing"]:
        broken.append(f"{check['missing']} acknowledged without a shout-out")
    if check["doubled"]:
        broken.append(f"{check['doubled']} announced more than once")
    ledger = figures.get("ledger")
    if ledger is not None and not check["acked"] <= ledger <= check["sent"]:
        broken.append(f"ledger {ledger} rows for {check['acked']} acknowledged")
    if ledger is not None and check["acked"] == check["sent"] and ledger != check["acked"]:
        broken.append(f"ledger {ledger} rows for {check['acked']} acknowledged, all of them")
    return broken


def _span(values: list[str]) -> str:
    return " / ".join(values)


def table(results: dict[str, dict[str, Any]]) -> list[str]:
    """The issue's table: one column a target, one row a figure."""
    names = list(results)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, cell: Callable[[dict[str, Any]], str]) -> None:
        rows.append((label, [cell(results[n]) for n in names]))

    def one(f: dict[str, Any]) -> dict[str, Any]:
        return dict(f["one_at_a_time"])

    row("one at a time: recognitions/s", lambda f: str(one(f)["recognitions_per_s"]))
    row(
        "ack p50 / p99",
        lambda f: f"{one(f)['ack']['p50_ms']} / {one(f)['ack']['p99_ms']} ms",
    )
    row(
        "sent → public shout-out p50 / p99",
        lambda f: (
            f"{one(f)['sent_to_shoutout']['p50_ms']} / {one(f)['sent_to_shoutout']['p99_ms']} ms"
        ),
    )
    row("CPU per recognition", lambda f: f"{one(f)['cpu_ms_per_recognition']} ms")
    rates = sorted({b["offered_per_s"] for f in results.values() for b in f["bursts"]})
    for rate in rates:
        row(f"{rate:.0f}/s offered: acked in 3 s; ack p99", _burst_cell(rate, ack=True))
        row(f"{rate:.0f}/s offered: last shout-out after the last send", _burst_cell(rate))
        row(f"{rate:.0f}/s offered: recipients' DMs posted by then; the last", _dm_cell(rate))
    row("peak RSS", lambda f: f"{f['peak_rss_mb']} MB")
    row(
        "CPU before the first recognition (start-up, directory catch-up)",
        lambda f: f"{f['start_up']['cpu_s']} s",
    )
    row(
        "the emulator's CPU per recognition (one at a time)",
        lambda f: f"{one(f)['emulator_cpu_ms_per_recognition']} ms",
    )
    row(
        "load average at the target's start → end (1 min)",
        lambda f: f"{f['load_average']['start'][0]} → {f['load_average']['end'][0]}",
    )
    row(
        "ledger / shout-outs / acked (missing, doubled)",
        lambda f: (
            f"{f.get('ledger', '–')} / {f['check']['shoutouts']} / {f['check']['acked']} "
            f"({f['check']['missing']}, {f['check']['doubled']})"
        ),
    )
    header = "| | " + " | ".join(TITLES.get(n, n) for n in names) + " |"
    lines = [header, "| --- |" + " --- |" * len(names)]
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
    return lines


def _burst_cell(rate: float, *, ack: bool = False) -> Callable[[dict[str, Any]], str]:
    def cell(figures: dict[str, Any]) -> str:
        found = [b for b in figures["bursts"] if b["offered_per_s"] == rate]
        if not found:
            return "–"
        b = found[0]
        if ack:
            late = b["sender_late_p99_ms"]
            return f"{b['acked_within_3s']}/{b['sent']}; {b['ack_p99_ms']} ms (sender late {late})"
        after = b["last_shoutout_after_last_send_s"]
        return f"+{after} s ({b['shoutouts']} posted)" if after is not None else "none posted"

    return cell


def _dm_cell(rate: float) -> Callable[[dict[str, Any]], str]:
    """Only askaround DMs each recipient: the others have no DM to wait for."""

    def cell(figures: dict[str, Any]) -> str:
        found = [b for b in figures["bursts"] if b["offered_per_s"] == rate]
        if not found or found[0].get("dms") is None:
            return "–"
        b = found[0]
        last = b["last_dm_after_last_send_s"]
        return f"{b['dms']}/{b['acked']}" + (f"; the last {last:+} s" if last is not None else "")

    return cell


async def run(
    targets: list[str], count: int, bursts: list[float], duration: float, transport: str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        for name in targets:
            print(f"== {TITLES.get(name, name)} ({transport})", flush=True)
            out[name] = await measure(name, count, bursts, duration, Path(tmp), transport)
            for line in table({name: out[name]})[2:]:
                print(line, flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("-n", type=int, help="recognitions one at a time (1000; 200 with --quick)")
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--bursts", help="offered rates, comma-separated (50,200)")
    parser.add_argument("--duration", type=float, help="seconds per burst (10; 5 with --quick)")
    parser.add_argument("--transport", choices=("socket", "http"), default="socket")
    args = parser.parse_args()
    targets = args.targets.split(",")
    unknown = set(targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}: choose among {', '.join(TARGETS)}")
    count = args.n or (200 if args.quick else 1000)
    bursts = [float(r) for r in (args.bursts or ("50" if args.quick else "50,200")).split(",")]
    duration = args.duration or (5.0 if args.quick else 10.0)
    if WARM_UP + count + sum(int(r * duration) for r in bursts) >= PEOPLE:
        # karmabot's shout-out names the receiver, and each person receives once a run.
        parser.error(f"at most {PEOPLE - 1} recognitions a run")
    machine = describe()
    figures = asyncio.run(run(targets, count, bursts, duration, args.transport))
    save("recognition_cost", machine, command_line(), figures)
    print("\n".join(table(figures)))
    failed = False
    for name, f in figures.items():
        for problem in f["broken"]:
            peer = name in PEERS
            failed = failed or not peer
            print(f"{'PEER' if peer else 'FAIL'} {TITLES.get(name, name)}: {problem}")
        if not f["broken"]:
            print(f"ok   {TITLES.get(name, name)}: one ledger row and one shout-out per ack")
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
