"""What finding the solved questions like a new one costs each ask, as solved history grows.

`SolvedFinder.similar` (bot/questions/solved.py) runs inside every ask: it reads the
workspace's newest solved questions (at most 2,000) and compares their terms (kept in memory
after the first ask) with the new question's. A company of 1,000 people with 1k / 10k / 50k
solved questions; the first ask (nothing remembered yet), then 200 new questions from the
same generator, timed one by one. Also how many asks are shown at least one solved question
(the generator repeats its phrasings, as people do).

    python -m benchmarks.solved_reuse                   # 1k, 10k, 50k solved, SQLite
    python -m benchmarks.solved_reuse --quick           # 1k, 10k
    python -m benchmarks.solved_reuse --backend postgresql
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import procs, seed
from benchmarks.company import Company
from benchmarks.machine import command_line, describe, latency_summary, save
from bot.database_url import normalise_database_url
from bot.questions.solved import SolvedFinder
from storage.db import create_engine, create_sessions

PEOPLE = 1_000
ASKS = 200
TARGET_P99_MS = 100.0


async def measure(backend: str, solved: int, folder: Path, company: Company) -> dict[str, Any]:
    async with procs.database(backend, folder) as url:
        engine = create_engine(normalise_database_url(url))
        try:
            await seed.people(engine, company, skills=False)
            await seed.history(engine, company.history(per_person=solved // PEOPLE))
            sessions = create_sessions(engine)
            rng = random.Random(5)
            asks = [
                (company.question(rng)[0], rng.choice(company.members).user_id) for _ in range(ASKS)
            ]
            finder, times, shown = SolvedFinder(), [], 0
            begun = time.perf_counter()
            async with sessions() as s:
                await finder.similar(s, seed.TEAM, "a first question", "U00000001")
            first_ms = round(1000 * (time.perf_counter() - begun), 1)
            cpu = time.process_time()
            for text, asker in asks:
                begun = time.perf_counter()
                async with sessions() as s:
                    found = await finder.similar(s, seed.TEAM, text, asker)
                times.append(time.perf_counter() - begun)
                shown += bool(found)
            cpu_ms = round(1000 * (time.process_time() - cpu) / ASKS, 1)
        finally:
            await engine.dispose()
    summary = latency_summary(times)
    return {
        "solved": solved,
        "first_ms": first_ms,
        "cpu_ms_per_ask": cpu_ms,  # this process only; steadier than wall time on a busy box
        "asks_shown_solved": shown,
        **summary,
    }


async def run(backend: str, sizes: list[int]) -> list[dict[str, Any]]:
    company = Company(PEOPLE)
    rows = []
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        for size in sizes:
            row = await measure(backend, size, Path(tmp), company)
            rows.append(row)
            print(
                f"  {backend} {size:>7,} solved: first ask {row['first_ms']} ms, then "
                f"p50={row['p50_ms']} ms p99={row['p99_ms']} ms "
                f"({row['cpu_ms_per_ask']} ms CPU an ask) "
                f"max={row['max_ms']} ms; {row['asks_shown_solved']} of {ASKS} asks shown "
                "solved questions first",
                flush=True,
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 50_000]
    machine = describe()
    rows = asyncio.run(run(args.backend, sizes))
    verdict = {"p99_under_100ms": rows[-1]["p99_ms"] < TARGET_P99_MS}
    print(f"verdict at {rows[-1]['solved']:,} solved: {verdict}")
    save(
        f"solved_reuse-{args.backend}",
        machine,
        command_line(),
        {"backend": args.backend, "people": PEOPLE, "sizes": rows, "verdict": verdict},
    )


if __name__ == "__main__":
    main()
