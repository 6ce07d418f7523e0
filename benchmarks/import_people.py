"""Figure 6: `askaround import people` throughput, people per second.

Writes a CSV of the synthetic company (email, handle, name, time zone, team, manager by
email, 10–20 skills in the `/skills add` syntax), seeds the emulator process with the same
people so `users.lookupByEmail` resolves them, and runs the real command
(`python -m bot.runtime.cli import people FILE`) as its own process against a fresh database. The
second run of the same file (which must change nothing) is timed too.

    python -m benchmarks.import_people                  # 100,000 rows
    python -m benchmarks.import_people --quick          # 300 rows
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import procs
from benchmarks.company import Company
from benchmarks.machine import RESULTS, command_line, describe, save

COLUMNS = ("slack_id", "email", "handle", "name", "tz", "title", "team", "manager", "skills",
           "interests", "roles", "network")  # fmt: skip


def write_csv(company: Company, path: Path) -> None:
    email = {m.user_id: m.email for m in company.members}
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        for m in company.members:
            skills = ", ".join(f"{key}:{level}" for key, level in m.skills.items())
            manager = email[m.manager] if m.manager else ""
            out.writerow(
                ["", m.email, m.handle, m.name, m.tz, "Engineer", "", manager, skills, "", "", ""]
            )


def run_import(env: dict[str, str], path: Path, log: Path) -> dict[str, Any]:
    """One import as its own process: its wall and CPU time, its own peak RSS (`wait4` on
    it, so a run's figure is not the largest of every run so far) and the load around it."""
    load = os.getloadavg()[0]
    started = time.perf_counter()
    with log.open("ab") as sink, tempfile.TemporaryFile() as out:
        process = subprocess.Popen(
            procs.python("-m", "bot.runtime.cli", "import", "people", str(path)),
            cwd=procs.ROOT,
            env=env,
            stdout=out,
            stderr=sink,
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        report = out.read().decode().strip().splitlines()
    return {
        "exit_code": process.returncode,
        "report": report[:1],
        "wall_s": round(wall, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "load_average": [round(load, 2), round(os.getloadavg()[0], 2)],
    }


async def run(size: int, backend: str) -> dict[str, Any]:
    company = Company(size)
    with tempfile.TemporaryDirectory(prefix="askaround-bench-") as tmp:
        path = Path(tmp) / "people.csv"
        write_csv(company, path)
        with procs.emulator(size) as emu:
            async with procs.database(backend, Path(tmp)) as url:
                env = {**procs.bot_env(emu.api_url, url, 0), "COLUMNS": "100"}
                env.pop("ASKAROUND_PORT")
                log = RESULTS / f"import_people-{backend}.log"
                first = run_import(env, path, log)
                first["people_per_s"] = round(size / first["wall_s"], 1)
                print(f"  first import: {first}", flush=True)
                again = run_import(env, path, log)
                again["people_per_s"] = round(size / again["wall_s"], 1)
                print(f"  same file again: {again}", flush=True)
    return {"rows": size, "backend": backend, "first": first, "again": again}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rows", type=int)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    size = args.rows or (300 if args.quick else 100_000)
    machine = describe()
    os.makedirs(RESULTS, exist_ok=True)
    figures = asyncio.run(run(size, args.backend))
    save(f"import_people-{args.backend}", machine, command_line(), figures)


if __name__ == "__main__":
    main()
