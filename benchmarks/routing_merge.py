"""A replica's next question after an admin's `askaround skills merge` and `skills alias`, at
10,000 and 100,000 people.

A synthetic company (`benchmarks.company`: a year of history, two kudos per person) is seeded
into a migrated database and a replica's `IndexCache` builds its routing index. Then an admin
merges a skill held by about one person in a hundred into a popular one, and adds an alias,
through `bot.directory.admin` as `askaround skills` does, and the replica's next question is
timed through the cache (`IndexCache.get` and `RoutingIndex.suggest`, what `/ask` does), in
wall-clock and CPU time: as each now counts (`skills_version`: the copy catches up in place)
and as each counted before 6 December's afternoon (`rebuild_version`: every copy rebuilt
before its next question; here counted with a third merge).

    python -m benchmarks.routing_merge                  # 10k and 100k people, SQLite
    python -m benchmarks.routing_merge --quick          # 10k people
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from benchmarks import seed
from benchmarks.company import Company
from benchmarks.routing_profile import as_before
from benchmarks.routing_sync import next_question
from benchmarks.routing_undo import company_database, run_sizes
from bot.clock import Clock
from bot.directory.admin import add_alias, merge_skills
from bot.directory.profiles import ProfileService
from bot.questions.indexes import IndexCache


def duplicates(company: Company, count: int) -> list[tuple[str, int, str]]:
    """`count` skills held by about one person in a hundred: each with how many hold it, and
    one of them."""
    held = Counter(key for member in company.members for key in member.skills)
    near = sorted(held, key=lambda key: (abs(held[key] - company.size // 100), key))[:count]
    one = {key: next(m.user_id for m in company.members if key in m.skills) for key in near}
    return [(key, held[key], one[key]) for key in near]


async def measure(size: int, backend: str) -> dict[str, Any]:
    company = Company(size)
    sources = duplicates(company, 3)
    into, asker = company.skills[1], company.members[0].user_id
    figures: dict[str, Any] = {"people": size, "holders": [held for _, held, _ in sources]}
    async with company_database(company, backend) as sessions:
        cache = IndexCache(sessions, max_age=3600.0)
        built = await cache.get(seed.TEAM)
        figures["question_ms"], figures["question_cpu_ms"], _ = await next_question(cache, asker)
        profiles = ProfileService(sessions, Clock())
        # The first catch-up also compiles its statements once.
        kinds = ("first_in_place", "in_place", "rebuilt")
        for (source, _, holder), kind in zip(sources, kinds, strict=True):
            cpu = time.process_time()
            await merge_skills(profiles, seed.TEAM, source, into)
            figures[f"merge_{kind}_admin_cpu_ms"] = 1000 * (time.process_time() - cpu)
            if kind == "rebuilt":
                await as_before(sessions)
            wall, cpu_ms, index = await next_question(cache, asker)
            assert (index is built) == (kind != "rebuilt")
            assert not index.evidence.level(holder, source)
            assert index.evidence.level(holder, into)
            figures[f"merge_{kind}_ms"], figures[f"merge_{kind}_cpu_ms"] = wall, cpu_ms
            built = index
            if kind == "in_place":
                await add_alias(profiles, seed.TEAM, "benchmark-alias", into)
                wall, cpu_ms, index = await next_question(cache, asker)
                assert index is built
                figures["alias_in_place_ms"], figures["alias_in_place_cpu_ms"] = wall, cpu_ms
    return {name: round(v, 1) if isinstance(v, float) else v for name, v in figures.items()}


def said(row: dict[str, Any]) -> str:
    first, then, _ = row["holders"]
    merge = (
        f"{row['merge_in_place_ms']} ms in place ({row['merge_in_place_cpu_ms']} ms CPU; the "
        f"first, {first:,} people, {row['merge_first_in_place_ms']} ms), "
        f"{row['merge_rebuilt_ms']} ms rebuilt ({row['merge_rebuilt_cpu_ms']} ms CPU)"
    )
    alias = f"{row['alias_in_place_ms']} ms in place ({row['alias_in_place_cpu_ms']} ms CPU)"
    question = f"{row['question_ms']} ms ({row['question_cpu_ms']} ms CPU)"
    admin = f"{row['merge_in_place_admin_cpu_ms']} ms CPU"
    return (
        f"next question after a merge of {then:,} people's skill {merge}; after an alias "
        f"{alias}; a question otherwise {question}; the merge itself {admin} in the admin's shell"
    )


def main() -> None:
    run_sizes("routing_merge", __doc__, measure, said)


if __name__ == "__main__":
    main()
