"""What a bot's start and stop cost in CPU, phase by phase: a tier b test's bot (the local
Slack, a migrated SQLite copy, the fake clock), built, started, routing's indexes warmed, and
closed, with nothing in between, `--bots` times in a loop after `--warm` unmeasured ones.
Prints each phase's median CPU ms a bot (the process's CPU, aiosqlite's threads included).

    .venv/bin/python -m benchmarks.bot_start --bots 60

The host is shared: compare two checkouts by running this in each in turn, several times.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bot.runtime.app import build
from slack_emulator import FakeClock
from tests.databases import migrated_database
from tests.e2e.harness import bot_settings, new_emulator
from tests.slack.harness import ACK_WITHIN

PHASES = ("build", "start", "warm", "close")


async def _one(folder: Path, cpu: dict[str, list[float]], measured: bool) -> None:
    pace = FakeClock()
    async with migrated_database(folder) as url:
        emu = new_emulator(pace)
        await emu.start()
        try:
            settings = bot_settings(emu, url, socket_mode=False, working_hours=None)
            marks = [time.process_time()]
            bot = build(settings, pace_clock=pace, ack_within=ACK_WITHIN)
            marks.append(time.process_time())
            await bot.start()
            marks.append(time.process_time())
            if bot.warming is not None:
                await bot.warming
            marks.append(time.process_time())
            await bot.close()
            marks.append(time.process_time())
        finally:
            await emu.stop()
    if measured:
        for phase, before, after in zip(PHASES, marks, marks[1:], strict=False):
            cpu[phase].append((after - before) * 1000)


async def _run(bots: int, warm: int) -> dict[str, list[float]]:
    cpu: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        for n in range(warm + bots):
            await _one(Path(folder), cpu, measured=n >= warm)
    return cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bots", type=int, default=60)
    parser.add_argument("--warm", type=int, default=5)
    args = parser.parse_args()
    cpu = asyncio.run(_run(args.bots, args.warm))
    total = [sum(parts) for parts in zip(*(cpu[phase] for phase in PHASES), strict=True)]
    figures = {**{phase: cpu[phase] for phase in PHASES}, "total": total}
    print("  ".join(f"{name} {statistics.median(ms):.2f}" for name, ms in figures.items()))


if __name__ == "__main__":
    main()
