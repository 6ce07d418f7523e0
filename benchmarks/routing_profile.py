"""The next question's wait after an Edit profile save and after `/skills forget me`, at 10,000
and 100,000 people.

A synthetic company (`benchmarks.company`: a year of history, two kudos per person) is seeded
into a migrated database and a replica's `IndexCache` builds its routing index. Then a person
saves the Edit profile modal (their levels changed, a new skill, interests, a network entry)
and another says `/skills forget me`, through `ProfileService` as the bot does, and the next
question is timed through the cache (`IndexCache.get` and `RoutingIndex.suggest`, what `/ask`
does), in wall-clock and CPU time: as each change now counts (`skills_version`: the copy
catches up in place) and as it counted before 6 December (a deletion from profiles, which had
every copy rebuilt before the next question; here `rebuild_version`, counted with the same
change).

    python -m benchmarks.routing_profile                  # 10k and 100k people, SQLite
    python -m benchmarks.routing_profile --quick          # 10k people
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from benchmarks import seed
from benchmarks.company import Company
from benchmarks.routing_sync import next_question
from benchmarks.routing_undo import company_database, run_sizes
from bot.clock import Clock
from bot.directory.parse import parse_network_entry
from bot.directory.profiles import ProfileEdit, ProfileService
from bot.questions.indexes import IndexCache
from storage import routing_changes


async def as_before(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Count what the change counted before: every copy is rebuilt before the next question."""
    async with sessions() as s, s.begin():
        await routing_changes.rebuild_routing(s, seed.TEAM)


async def measure(size: int, backend: str) -> dict[str, Any]:
    company = Company(size)
    asker = company.members[0].user_id
    figures: dict[str, Any] = {"people": size}
    async with company_database(company, backend) as sessions:
        profiles = ProfileService(sessions, Clock())
        cache = IndexCache(sessions, max_age=3600.0)
        built = await cache.get(seed.TEAM)
        figures["question_ms"], figures["question_cpu_ms"], _ = await next_question(cache, asker)
        for n, in_place in ((1, True), (2, True), (3, False)):
            editor, forgetter = company.members[2 * n], company.members[2 * n + 1]
            skills = {key: 5 for key in editor.skills} | {f"benchmark skill {n}": 4}
            contact = parse_network_entry(f"Guild {n} about postgresql, replication")
            await profiles.save_edit(
                seed.TEAM, editor.user_id, ProfileEdit(skills, ("rust",), (contact,))
            )
            if not in_place:
                await as_before(sessions)
            wall, cpu, index = await next_question(cache, asker)
            assert (index is built) == in_place
            built = index
            kind = "in_place" if in_place else "rebuilt"
            # The first catch-up also compiles its statements once.
            first = "first_" if n == 1 else ""
            figures[f"edit_{first}{kind}_ms"], figures[f"edit_{first}{kind}_cpu_ms"] = wall, cpu
            await profiles.forget(seed.TEAM, forgetter.user_id)
            if not in_place:
                await as_before(sessions)
            wall, cpu, index = await next_question(cache, asker)
            assert (index is built) == in_place
            assert not index.declared_keys(forgetter.user_id)
            built = index
            figures[f"forget_{first}{kind}_ms"], figures[f"forget_{first}{kind}_cpu_ms"] = wall, cpu
    return {k: round(v, 1) if isinstance(v, float) else v for k, v in figures.items()}


def main() -> None:
    run_sizes(
        "routing_profile",
        __doc__,
        measure,
        lambda row: (
            f"next question after an Edit profile save {row['edit_in_place_ms']} ms in place "
            f"({row['edit_in_place_cpu_ms']} ms CPU; the first {row['edit_first_in_place_ms']} "
            f"ms), {row['edit_rebuilt_ms']} ms rebuilt ({row['edit_rebuilt_cpu_ms']} ms CPU); "
            f"after forget me {row['forget_in_place_ms']} ms in place "
            f"({row['forget_in_place_cpu_ms']} ms CPU), {row['forget_rebuilt_ms']} ms rebuilt "
            f"({row['forget_rebuilt_cpu_ms']} ms CPU); a question otherwise "
            f"{row['question_ms']} ms ({row['question_cpu_ms']} ms CPU)"
        ),
    )


if __name__ == "__main__":
    main()
