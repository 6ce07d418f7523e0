"""The next question's wait after a kudos Undo, at 10,000 and 100,000 people.

A synthetic company (`benchmarks.company`: a year of history, two kudos per person) is seeded
into a migrated database and a replica's `IndexCache` builds its routing index. Then an entry
is undone as `KudosService.undo` does, and the next question is timed through the cache
(`IndexCache.get` and `RoutingIndex.suggest`, what `/ask` does): once as an Undo now counts
(`kudos_version`: the copy takes the kudos back in place) and once as it counted before
(`rebuild_version` now, `profiles_version` then: every copy is rebuilt before the next
question).

    python -m benchmarks.routing_undo                  # 10k and 100k people, SQLite
    python -m benchmarks.routing_undo --quick          # 10k people
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from benchmarks import procs, seed
from benchmarks.company import NOW, Company
from benchmarks.machine import command_line, describe, save
from bot.database_url import normalise_database_url
from bot.questions.indexes import IndexCache
from storage import routing_changes
from storage.db import create_engine, create_sessions
from storage.models import Kudos

QUESTION = "how do we tune the replication lag of our postgres cluster?"


async def undo(
    sessions: async_sessionmaker[AsyncSession], kudos_id: int, *, in_place: bool
) -> None:
    """Mark one entry undone and count it as `KudosService.undo` does (or as it did)."""
    async with sessions() as s, s.begin():
        batch = await s.scalar(select(Kudos.batch_key).where(Kudos.id == kudos_id))
        await s.execute(update(Kudos).where(Kudos.id == kudos_id).values(undone_at=NOW))
        if in_place:
            await routing_changes.kudos_undone(s, seed.TEAM, str(batch))
        else:
            await routing_changes.rebuild_routing(s, seed.TEAM)


async def next_question(cache: IndexCache, asker: str) -> tuple[float, object]:
    started = time.perf_counter()
    index = await cache.get(seed.TEAM)
    index.suggest(QUESTION, asker)
    return 1000 * (time.perf_counter() - started), index


@asynccontextmanager
async def company_database(
    company: Company, backend: str
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A migrated database holding `company`: its people, a year of history, two kudos each."""
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        async with procs.database(backend, Path(tmp)) as url:
            engine = create_engine(normalise_database_url(url))
            try:
                await seed.people(engine, company)
                await seed.history(engine, company.history())
                await seed.kudos(engine, company.kudos(2 * len(company.members)))
                yield create_sessions(engine)
            finally:
                await engine.dispose()


async def measure(size: int, backend: str) -> dict[str, Any]:
    company = Company(size)
    asker = company.members[0].user_id
    async with company_database(company, backend) as sessions:
        cache = IndexCache(sessions, max_age=3600.0)
        started = time.perf_counter()
        built = await cache.get(seed.TEAM)
        build_s = time.perf_counter() - started
        steady_ms, _ = await next_question(cache, asker)
        # Entries near the end of the history, as a recent one would be; the first
        # Undo's catch-up also compiles its statements once.
        await undo(sessions, 2 * size - 3, in_place=True)
        first_ms, index = await next_question(cache, asker)
        await undo(sessions, 2 * size - 4, in_place=True)
        after_ms, index = await next_question(cache, asker)
        assert index is built
        await undo(sessions, 2 * size - 5, in_place=False)
        before_ms, index = await next_question(cache, asker)
        assert index is not built
    return {
        "people": size,
        "index_build_s": round(build_s, 1),
        "question_ms": round(steady_ms, 1),
        "after_first_undo_in_place_ms": round(first_ms, 1),
        "after_undo_in_place_ms": round(after_ms, 1),
        "after_undo_rebuilt_ms": round(before_ms, 1),
    }


def run_sizes(
    name: str,
    doc: str,
    measure: Callable[[int, str], Coroutine[Any, Any, dict[str, Any]]],
    line: Callable[[dict[str, Any]], str],
) -> None:
    """The command line of a benchmark measured at 10,000 and 100,000 people (`--quick`:
    10,000), each size's `line` printed and its figures saved as `name`."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 people only")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    machine = describe()
    rows = []
    for size in (10_000,) if args.quick else (10_000, 100_000):
        row = asyncio.run(measure(size, args.backend))
        rows.append(row)
        print(f"{size:>7,} people: {line(row)}", flush=True)
    save(f"{name}-{args.backend}", machine, command_line(), {"sizes": rows})


def main() -> None:
    run_sizes(
        "routing_undo",
        __doc__,
        measure,
        lambda row: (
            f"next question after an Undo {row['after_undo_in_place_ms']} ms "
            f"in place (the first {row['after_first_undo_in_place_ms']} ms), "
            f"{row['after_undo_rebuilt_ms']} ms rebuilt (a question otherwise "
            f"{row['question_ms']} ms; index built in {row['index_build_s']} s)"
        ),
    )


if __name__ == "__main__":
    main()
