"""The directory sync's CPU and peak memory at 10,000 people: a first sync, then the daily one.

Slack's `users.list` of a synthetic company (`benchmarks.company`) is recorded as
`handlers.surfaces.jobs.sync` records it (`PeopleService.record_directory`, the whole list
read first), on a migrated database: once on a new one (everyone new), then again (everyone
known and unchanged, the daily sync). For each: the CPU and wall seconds, and the peak
resident memory it added (VmHWM, reset before each through `/proc/self/clear_refs`, less
VmRSS before), with `MALLOC_ARENA_MAX=2` as `askaround serve` sets it (export it before).

    MALLOC_ARENA_MAX=2 python -m benchmarks.directory_sync [--people N] [--backend postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import procs
from benchmarks.company import Company
from benchmarks.machine import command_line, describe, save
from benchmarks.seed import TEAM
from bot.database_url import normalise_database_url
from bot.directory.sync import SyncReport
from bot.people import PeopleService
from bot.profile import Profile
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def _reset_peak() -> float:
    """VmHWM back to VmRSS; VmRSS now."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


async def _timed(people: PeopleService, directory: list[Profile]) -> dict[str, float]:
    before, cpu, wall = _reset_peak(), time.process_time(), time.perf_counter()
    listed = [p.user_id for p in directory]
    await people.record_directory(TEAM, directory, SyncReport(), listed=listed)
    return {
        "cpu_s": round(time.process_time() - cpu, 2),
        "wall_s": round(time.perf_counter() - wall, 2),
        "peak_added_mb": round(_status_mb("VmHWM") - before, 1),
    }


async def measure(size: int, backend: str) -> dict[str, Any]:
    company = Company(size)
    directory = [
        Profile(m.user_id, m.handle, m.name, m.email, m.tz, updated=1) for m in company.members
    ]
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        async with procs.database(backend, Path(tmp)) as url:
            engine = create_engine(normalise_database_url(url))
            try:
                await upgrade_head(engine)
                people = PeopleService(create_sessions(engine))
                first = await _timed(people, directory)
                daily = await _timed(people, directory)
            finally:
                await engine.dispose()
    return {"people": size, "first": first, "daily": daily}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    machine = describe()
    row = asyncio.run(measure(args.people, args.backend))
    print(
        f"{args.people:,} people, {args.backend}: "
        + "; ".join(
            f"{kind} {row[key]['cpu_s']} s CPU ({row[key]['wall_s']} s), "
            f"peak +{row[key]['peak_added_mb']} MB"
            for kind, key in (("first sync", "first"), ("daily sync (everyone known)", "daily"))
        )
    )
    save(f"directory_sync-{args.backend}", machine, command_line(), row)


if __name__ == "__main__":
    main()
