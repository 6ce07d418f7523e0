"""Figure 2: end-to-end kudos throughput, from the signed `/kudos` to the shout-out.

The load generator sends signed `/kudos @someone for … #teamwork` at an offered rate; a kudos
is done when its shout-out reaches the emulator (`chat.postMessage` in the team channel it was
given in, counted by the emulator process; kudos are spread over 200 channels, as Slack takes
about one message a second per channel). Throughput is shout-outs received / (last shout-out
− first request); the ledger is counted in the database afterwards and must equal the
acknowledged commands.

    python -m benchmarks.kudos_throughput                  # 25, 50, 100, 200 /s for 30 s each
    python -m benchmarks.kudos_throughput --quick          # 25, 50, 100 /s for 5 s, SQLite only
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from benchmarks import procs
from benchmarks.emulator_proc import TEAMS
from benchmarks.machine import RESULTS, command_line, describe, save
from bot.database_url import normalise_database_url
from storage.db import create_engine
from storage.models import Kudos, Person

PEOPLE = 10_000
DRAIN_LIMIT = 60.0


async def ledger_count(database_url: str) -> int:
    return await row_count(database_url, Kudos)


async def people_count(database_url: str) -> int:
    """The people the directory holds."""
    return await row_count(database_url, Person)


async def row_count(database_url: str, model: type[Kudos] | type[Person]) -> int:
    engine = create_engine(normalise_database_url(database_url))
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(select(func.count()).select_from(model))).scalar_one())
    finally:
        await engine.dispose()


async def wait_for_shoutouts(emu: procs.Emulator, expected: int) -> dict[str, Any]:
    """Poll the emulator until `expected` shout-outs arrived or nothing moved for 10 s."""
    last_count, last_change = -1, time.monotonic()
    deadline = time.monotonic() + DRAIN_LIMIT
    while True:
        seen = await procs.count_calls(emu.control_url, "chat.postMessage", TEAMS)
        if seen["count"] >= expected or time.monotonic() > deadline:
            return seen
        if seen["count"] != last_count:
            last_count, last_change = seen["count"], time.monotonic()
        elif time.monotonic() - last_change > 10:
            return seen
        await asyncio.sleep(0.5)


async def backend_run(
    backend: str, rates: list[float], duration: float, folder: Path
) -> dict[str, Any]:
    rows = []
    offset = 0
    acked = 0
    with procs.emulator(PEOPLE) as emu:
        async with procs.database(backend, folder) as url:
            async with procs.bot(
                emu.api_url, url, RESULTS / f"kudos_throughput-{backend}.log"
            ) as served:
                for rate in rates:
                    count = int(rate * duration)
                    bodies = await procs.payloads(emu.control_url, "kudos", count, offset)
                    offset += count
                    path = folder / "kudos.json"
                    path.write_text(json.dumps(bodies))
                    before = await procs.count_calls(emu.control_url, "chat.postMessage", TEAMS)
                    cpu = procs.cpu_seconds(served.pid), procs.cpu_seconds(emu.pid)
                    started = time.time()
                    load = await procs.load(served.url, rate, duration, path)
                    after = await wait_for_shoutouts(emu, before["count"] + load["ok"])
                    delivered = after["count"] - before["count"]
                    span = (after["last"] or started) - started
                    acked += load["ok"]
                    row = {
                        "backend": backend,
                        "offered_rate": rate,
                        "sent": load["requests"],
                        "acked": load["ok"],
                        "shoutouts": delivered,
                        "shoutouts_per_s": round(delivered / span, 1) if span > 0 else 0.0,
                        "last_shoutout_after_s": round(span, 1),
                        "ack_p99_ms": load["p99_ms"],
                        "cpu_s": {
                            "bot": round(procs.cpu_seconds(served.pid) - cpu[0], 1),
                            "emulator": round(procs.cpu_seconds(emu.pid) - cpu[1], 1),
                        },
                    }
                    rows.append(row)
                    print(
                        f"  {backend} offered {rate:>4.0f}/s: {delivered}/{load['requests']} "
                        f"shout-outs, {row['shoutouts_per_s']}/s sustained (last after "
                        f"{row['last_shoutout_after_s']} s), cpu {row['cpu_s']}",
                        flush=True,
                    )
            ledger = await ledger_count(url)
    print(f"  {backend}: ledger has {ledger} entries for {acked} acknowledged /kudos")
    return {"rows": rows, "ledger": ledger, "acked": acked, "ledger_matches": ledger == acked}


async def run(backends: list[str], rates: list[float], duration: float) -> dict[str, Any]:
    out: dict[str, Any] = {"duration_s": duration, "backends": {}}
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        for backend in backends:
            out["backends"][backend] = await backend_run(backend, rates, duration, Path(tmp))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rates")
    parser.add_argument("--duration", type=float)
    parser.add_argument("--backends")
    args = parser.parse_args()
    rates = args.rates or ("25,50,100" if args.quick else "25,50,100,200")
    duration = args.duration or (5.0 if args.quick else 30.0)
    backends = args.backends or ("sqlite" if args.quick else "sqlite,postgresql")
    machine = describe()
    results = asyncio.run(run(backends.split(","), [float(r) for r in rates.split(",")], duration))
    save("kudos_throughput", machine, command_line(), results)


if __name__ == "__main__":
    main()
