"""The next question's wait after a daily directory sync, at 10,000 and 100,000 people.

A synthetic company (`benchmarks.company`: a year of history, two kudos per person) is seeded
into a migrated database, Slack's directory is recorded once (`PeopleService.record_directory`,
as the first sync does) and a replica's `IndexCache` builds its routing index. Then the daily
sync is recorded twice, as `handlers.surfaces.jobs.sync` does: once with nobody changed, once
with one person gone and 1% renamed, and the next question is timed through the cache
(`IndexCache.get` and `RoutingIndex.suggest`, what `/ask` does), in wall-clock and CPU time:
as the sync now hands the index the people it changed (`IndexCache.people_changed`), and as
it did before (`IndexCache.invalidate`: the next question waits for a whole rebuild).

    python -m benchmarks.routing_sync                  # 10k and 100k people, SQLite
    python -m benchmarks.routing_sync --quick          # 10k people
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from benchmarks import seed
from benchmarks.company import Company
from benchmarks.routing_undo import company_database, run_sizes
from bot.directory.sync import SyncReport
from bot.people import PeopleService
from bot.profile import Profile
from bot.questions.indexes import IndexCache
from bot.routing.engine import RoutingIndex

QUESTION = "how do we tune the replication lag of our postgres cluster?"


async def next_question(cache: IndexCache, asker: str) -> tuple[float, float, RoutingIndex]:
    """The question's wall-clock and CPU milliseconds, and the index it was routed on."""
    started, cpu = time.perf_counter(), time.process_time()
    index = await cache.get(seed.TEAM)
    index.suggest(QUESTION, asker)
    wall_ms = 1000 * (time.perf_counter() - started)
    return wall_ms, 1000 * (time.process_time() - cpu), index


async def sync(
    people: PeopleService, cache: IndexCache, profiles: list[Profile], *, in_place: bool
) -> tuple[SyncReport, float]:
    """Record the directory as the daily sync does, then tell the index (or drop it); the
    report, and the CPU milliseconds the index's part took."""
    listed = [p.user_id for p in profiles]
    report = await people.record_directory(seed.TEAM, profiles, SyncReport(), listed=listed)
    cpu = time.process_time()
    if in_place:
        await cache.people_changed(seed.TEAM, report.changed)
    else:
        cache.invalidate(seed.TEAM)
    return report, 1000 * (time.process_time() - cpu)


async def measure(size: int, backend: str) -> dict[str, Any]:
    company = Company(size)
    asker = company.members[0].user_id
    directory = [
        Profile(m.user_id, m.handle, m.name, m.email, m.tz, updated=1) for m in company.members
    ]
    renamed = {p.user_id for p in directory[1 : 1 + size // 100]}
    changed = [
        replace(p, real_name=f"{p.real_name} Jr", updated=2) if p.user_id in renamed else p
        for p in directory
    ]
    gone = directory[-1].user_id
    changed[-1] = replace(changed[-1], deactivated=True, updated=2)
    figures: dict[str, Any] = {"people": size}
    async with company_database(company, backend) as sessions:
        people = PeopleService(sessions)
        await people.record_directory(
            seed.TEAM, directory, SyncReport(), listed=[p.user_id for p in directory]
        )
        cache = IndexCache(sessions, max_age=3600.0)
        started = time.perf_counter()
        built = await cache.get(seed.TEAM)
        figures["index_build_s"] = round(time.perf_counter() - started, 1)
        figures["question_ms"], figures["question_cpu_ms"], _ = await next_question(cache, asker)
        for name, profiles, in_place in (
            ("unchanged_in_place", directory, True),
            ("unchanged_rebuilt", directory, False),
        ):
            await sync(people, cache, profiles, in_place=in_place)
            wall, cpu, index = await next_question(cache, asker)
            assert (index is built) == in_place
            figures[f"{name}_ms"], figures[f"{name}_cpu_ms"] = wall, cpu
        built = index
        report, figures["people_changed_cpu_ms"] = await sync(people, cache, changed, in_place=True)
        figures["changed_people"] = len(report.changed)
        wall, cpu, index = await next_question(cache, asker)
        assert index is built and gone not in index.people
        figures["changed_in_place_ms"], figures["changed_in_place_cpu_ms"] = wall, cpu
        await sync(people, cache, directory, in_place=False)  # back, then gone again
        await sync(people, cache, changed, in_place=False)
        wall, cpu, index = await next_question(cache, asker)
        assert index is not built and gone not in index.people
        figures["changed_rebuilt_ms"], figures["changed_rebuilt_cpu_ms"] = wall, cpu
    return {k: round(v, 1) if isinstance(v, float) else v for k, v in figures.items()}


def main() -> None:
    run_sizes(
        "routing_sync",
        __doc__,
        measure,
        lambda row: (
            f"next question after a sync that changed nobody "
            f"{row['unchanged_in_place_ms']} ms ({row['unchanged_in_place_cpu_ms']} ms CPU), "
            f"{row['unchanged_rebuilt_ms']} ms rebuilt ({row['unchanged_rebuilt_cpu_ms']} ms "
            f"CPU); after one that changed {row['changed_people']} "
            f"{row['changed_in_place_ms']} ms in place ({row['changed_in_place_cpu_ms']} ms "
            f"CPU; the index's part of the sync {row['people_changed_cpu_ms']} ms CPU), "
            f"{row['changed_rebuilt_ms']} ms rebuilt ({row['changed_rebuilt_cpu_ms']} ms CPU); "
            f"a question otherwise {row['question_ms']} ms; index built in "
            f"{row['index_build_s']} s"
        ),
    )


if __name__ == "__main__":
    main()
