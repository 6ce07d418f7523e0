"""How long a replica's routing catch-up holds the event loop, at 10,000 and 100,000 people.

A synthetic company (`benchmarks.company`: a year of history, two kudos per person) is seeded
into a migrated database and a replica's `IndexCache` builds its routing index. Then 1,000
people's declared skills change (each drops one and declares a new one, as in
`benchmarks.routing_scale`) in one unit of work counted for routing, as an import of that
many does (`import_writer.IN_PLACE`, the most an import catches up in place), and the
next question's `IndexCache.get` catches the copy up while a heartbeat task wakes every
millisecond: the longest gap between two of its wake-ups, less that millisecond, is the
longest the loop was held (every Slack request the replica answers waits that long), in
wall-clock time and in the loop's thread's CPU time (a loaded host stretches the first),
beside the catch-up's wall-clock and CPU time.

    python -m benchmarks.catch_up_stall                  # 10k and 100k people, SQLite
    python -m benchmarks.catch_up_stall --quick          # 10k people
"""

from __future__ import annotations

import asyncio
import gc
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from benchmarks import seed
from benchmarks.company import Company
from benchmarks.routing_undo import company_database, run_sizes
from bot.directory.import_writer import IN_PLACE
from bot.questions.indexes import IndexCache
from storage import evidence, routing_changes
from storage import skills as skills_q
from storage.models import Person

BEAT = 0.001


class Heartbeat:
    """Wakes every BEAT seconds and keeps the longest it waited past that, in wall-clock
    time and in the CPU time of the event loop's thread (which a loaded host's scheduler does
    not stretch, and the database driver's thread does not add to)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.longest_cpu = 0.0
        self.longest_gc = 0.0  # Python's collector, which no slicing helps: its longest pass
        self.beats = 0
        self._collecting = 0.0
        gc.callbacks.append(self._collector)
        self._task = asyncio.create_task(self._run())

    def _collector(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._collecting = time.thread_time()
        else:
            self.longest_gc = max(self.longest_gc, time.thread_time() - self._collecting)

    async def _run(self) -> None:
        while True:
            started, cpu = time.perf_counter(), time.thread_time()
            await asyncio.sleep(BEAT)
            self.longest = max(self.longest, time.perf_counter() - started - BEAT)
            self.longest_cpu = max(self.longest_cpu, time.thread_time() - cpu)
            self.beats += 1

    async def stop(self) -> None:
        gc.callbacks.remove(self._collector)
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)


async def measure(size: int, backend: str) -> dict[str, Any]:
    company = Company(size)
    changed = company.members[:IN_PLACE]
    async with company_database(company, backend) as sessions:
        cache = IndexCache(sessions, max_age=3600.0)
        await cache.get(seed.TEAM)
        async with sessions() as s, s.begin():
            # What `benchmarks.routing_scale` redeclares of each: the first skill dropped, the
            # others kept, a new one declared.
            people = {
                p.user_id: p
                for p in await s.scalars(
                    select(Person).where(
                        Person.team_id == seed.TEAM,
                        Person.user_id.in_([m.user_id for m in changed]),
                    )
                )
            }
            for member in changed:
                first = await skills_q.skill_id(s, seed.TEAM, next(iter(member.skills)))
                assert first is not None
                await skills_q.remove_person_skill(s, people[member.user_id], first)
            levels = {m.user_id: {"zzfortran": 3} for m in changed}
            await evidence.declare_skills(s, seed.TEAM, levels, at=datetime.now(UTC))
            ids = [p.id for p in people.values()]
            await routing_changes.skills_changed(s, seed.TEAM, ids)
        heartbeat = Heartbeat()
        await asyncio.sleep(10 * BEAT)  # beating before the catch-up starts
        started, cpu = time.perf_counter(), time.process_time()
        index = await cache.get(seed.TEAM)
        wall, cpu_s = time.perf_counter() - started, time.process_time() - cpu
        await heartbeat.stop()
        assert all(index.evidence.level(m.user_id, "zzfortran") == 3 for m in changed)
    return {
        "people": size,
        "caught_up": len(changed),
        "catch_up_s": round(wall, 2),
        "catch_up_cpu_s": round(cpu_s, 2),
        "longest_stall_ms": round(1000 * heartbeat.longest, 1),
        "longest_stall_cpu_ms": round(1000 * heartbeat.longest_cpu, 1),
        "longest_gc_cpu_ms": round(1000 * heartbeat.longest_gc, 1),
        "beats": heartbeat.beats,
    }


def said(row: dict[str, Any]) -> str:
    return (
        f"{row['caught_up']:,} people caught up in {row['catch_up_s']} s "
        f"({row['catch_up_cpu_s']} s CPU); the event loop held {row['longest_stall_ms']} ms "
        f"at the longest, {row['longest_stall_cpu_ms']} ms of CPU (the collector's longest "
        f"pass {row['longest_gc_cpu_ms']} ms; {row['beats']} heartbeats meanwhile)"
    )


def main() -> None:
    run_sizes("catch_up_stall", __doc__, measure, said)


if __name__ == "__main__":
    main()
