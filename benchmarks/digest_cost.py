"""Figure 4: what a manager's weekly report and a round of digests cost as the ledger grows.

A company of 10,000 people (1,250 managers, eight reports each) with 10k / 100k / 1M kudos
over a year. For each size: one first-line manager's report and one second-level manager's
(64 people below) through `DigestService.summary`, the function `/kudos report`, the CLI and
the digest DM all use, timed 20 times each; then the summaries of 1,000 managers in a row
(the data work of a weekly digest round; the Slack calls are not included). With --quick
the round is 100 managers and the time for 1,000 is that times ten (`round_1000_s`). Beside
each report's wall time: its CPU (`time.process_time`, steadier on a shared machine) and the
statements it ran (an SQLAlchemy `before_cursor_execute` listener).

    python -m benchmarks.digest_cost                    # 10k, 100k, 1M kudos on SQLite
    python -m benchmarks.digest_cost --quick            # 10k, 100k kudos
    python -m benchmarks.digest_cost --backend postgresql
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from benchmarks import procs, seed
from benchmarks.company import NOW, Company
from benchmarks.machine import command_line, describe, latency_summary, save
from bot.database_url import normalise_database_url
from bot.digests.service import DigestService
from bot.digests.weeks import IsoWeek
from storage.db import create_engine, create_sessions

PEOPLE = 10_000
REPEAT = 20
ROUND = 1_000
TARGET_REPORT_MS = 100.0
TARGET_ROUND_S = 30.0


async def measure(
    backend: str, kudos: int, folder: Path, company: Company, round_size: int
) -> dict[str, Any]:
    async with procs.database(backend, folder) as url:
        engine = create_engine(normalise_database_url(url))
        try:
            started = time.perf_counter()
            await seed.people(engine, company, skills=False)
            await seed.kudos(engine, company.kudos(kudos))
            load_s = time.perf_counter() - started
            service = DigestService(create_sessions(engine), lambda: NOW)
            week = IsoWeek.at(NOW, "UTC").shifted(-1)
            managers = company.managers()
            first_line, second_level = managers[0], "U00000010"
            row: dict[str, Any] = {"kudos": kudos, "seed_s": round(load_s, 1)}
            statements = [0]

            def count(*_args: Any) -> None:
                statements[0] += 1

            event.listen(engine.sync_engine, "before_cursor_execute", count)
            for label, manager in (("first_line", first_line), ("second_level", second_level)):
                await service.summary(seed.TEAM, manager, week)  # warm caches and the workspace
                times = []
                statements[0] = 0
                cpu = time.process_time()
                for _ in range(REPEAT):
                    begun = time.perf_counter()
                    summary = await service.summary(seed.TEAM, manager, week)
                    times.append(time.perf_counter() - begun)
                row[label] = {
                    "team_size": summary.team_size,
                    **latency_summary(times),
                    "cpu_ms": round((time.process_time() - cpu) * 1000 / REPEAT, 2),
                    "statements": statements[0] / REPEAT,
                }
            begun, cpu = time.perf_counter(), time.process_time()
            for manager in managers[:round_size]:
                await service.summary(seed.TEAM, manager, week)
            elapsed = time.perf_counter() - begun
            row["round_managers"] = round_size
            row["round_s"] = round(elapsed, 2)
            row["round_cpu_s"] = round(time.process_time() - cpu, 2)
            row["round_1000_s"] = round(elapsed * ROUND / round_size, 1)
        finally:
            await engine.dispose()
    return row


async def run(backend: str, sizes: list[int], round_size: int) -> list[dict[str, Any]]:
    company = Company(PEOPLE)
    rows = []
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        for size in sizes:
            row = await measure(backend, size, Path(tmp), company, round_size)
            rows.append(row)
            print(
                f"  {backend} {size:>9,} kudos: report p50={row['first_line']['p50_ms']} ms "
                f"p99={row['first_line']['p99_ms']} ms, CPU {row['first_line']['cpu_ms']} ms, "
                f"{row['first_line']['statements']:g} statements "
                f"(team of {row['first_line']['team_size']}); "
                f"second level p50={row['second_level']['p50_ms']} ms, "
                f"CPU {row['second_level']['cpu_ms']} ms, "
                f"{row['second_level']['statements']:g} statements "
                f"(team of {row['second_level']['team_size']}); "
                f"{row['round_managers']} managers in {row['round_s']} s "
                f"(CPU {row['round_cpu_s']} s; 1,000: {row['round_1000_s']} s); "
                f"seeded in {row['seed_s']} s",
                flush=True,
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes")
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    sizes = args.sizes or ("10000,100000" if args.quick else "10000,100000,1000000")
    round_size = 100 if args.quick else ROUND
    machine = describe()
    rows = asyncio.run(run(args.backend, [int(s) for s in sizes.split(",")], round_size))
    largest = rows[-1]
    verdict = {
        "at_kudos": largest["kudos"],
        "report_p99_under_100ms": largest["first_line"]["p99_ms"] < TARGET_REPORT_MS,
        "round_under_30s": largest["round_1000_s"] < TARGET_ROUND_S,
    }
    print(f"verdict at {largest['kudos']:,} kudos: {verdict}")
    save(
        f"digest_cost-{args.backend}",
        machine,
        command_line(),
        {"backend": args.backend, "people": PEOPLE, "sizes": rows, "verdict": verdict},
    )


if __name__ == "__main__":
    main()
