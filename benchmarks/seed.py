"""Bulk-loading a synthetic company into a migrated database, fast.

Figures about 100,000 people or a million kudos need the data in minutes, not hours, so rows
go in with multi-row core inserts in chunks rather than through the bot's one-at-a-time
writers. The rows are what those writers would store (same columns, same defaults); the
bot's own import path is measured separately (`benchmarks.import_people`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from benchmarks.company import NOW, Company, Solved, Thanks
from storage.migrate import upgrade_head
from storage.models import Kudos, Offer, Person, PersonSkill, Question, Skill

TEAM = "T0EMULATE"  # the emulator's team id, so `askaround serve` against it sees this data
CHANNEL = "C0BENCH"
CHUNK = 5_000
T = TypeVar("T")


def chunks(rows: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


async def _insert(engine: AsyncEngine, model: Any, rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    for chunk in chunks(rows):
        async with engine.begin() as conn:
            await conn.execute(insert(model), chunk)
        count += len(chunk)
    return count


async def people(engine: AsyncEngine, company: Company, skills: bool = True) -> None:
    """People with their manager; with `skills`, the skills table and declared levels."""
    await upgrade_head(engine)
    await _insert(
        engine,
        Person,
        (
            {
                "team_id": TEAM, "user_id": m.user_id, "name": m.handle, "real_name": m.name,
                "email": m.email, "tz": m.tz, "title": "Engineer", "team_name": "",
                "manager_user_id": m.manager, "roles": [], "interests": [], "is_bot": False,
                "deactivated": False, "routing_status": "available", "updated_at": NOW,
            }
            for m in company.members
        ),
    )  # fmt: skip
    if not skills:
        return
    await _insert(engine, Skill, ({"team_id": TEAM, "key": k, "name": k} for k in company.skills))
    async with engine.connect() as conn:
        skill_ids = dict((await conn.execute(select(Skill.key, Skill.id))).all())
        person_ids = dict((await conn.execute(select(Person.user_id, Person.id))).all())
    await _insert(
        engine,
        PersonSkill,
        (
            {
                "team_id": TEAM, "person_id": person_ids[m.user_id], "skill_id": skill_ids[key],
                "level": level, "source": "declared", "evidence": 0, "updated_at": NOW,
            }
            for m in company.members
            for key, level in m.skills.items()
        ),
    )  # fmt: skip


async def history(engine: AsyncEngine, solved: Iterable[Solved]) -> int:
    """Solved questions with their helper's accepted offer, as `record_solved_questions` does."""
    count = 0
    for chunk in chunks(solved):
        async with engine.begin() as conn:
            first = count + 1
            await conn.execute(
                insert(Question),
                [
                    {
                        "id": first + n, "team_id": TEAM, "asker_user_id": s.asker,
                        "channel_id": CHANNEL, "text": s.text, "topics": [], "status": "solved",
                        "is_private": False, "source": "message", "helper_user_id": s.helper,
                        "message_ts": f"{first + n}.000000", "created_at": s.at,
                        "resolved_at": s.at,
                    }
                    for n, s in enumerate(chunk)
                ],
            )  # fmt: skip
            await conn.execute(
                insert(Offer),
                [
                    {
                        "team_id": TEAM, "question_id": first + n, "candidate_user_id": s.helper,
                        "score": 0.0, "reason": "", "introduction": "", "status": "accepted",
                        "kind": "expert", "rank": 0, "created_at": s.at, "responded_at": s.at,
                    }
                    for n, s in enumerate(chunk)
                ],
            )  # fmt: skip
        count += len(chunk)
    return count


async def kudos(engine: AsyncEngine, thanks: Iterable[Thanks]) -> int:
    """Ledger entries as `KudosService.give` writes them (one per recipient)."""
    return await _insert(
        engine,
        Kudos,
        (
            {
                "team_id": TEAM, "giver_user_id": t.giver, "receiver_user_id": t.receiver,
                "message": t.message, "values": list(t.values), "channel_id": CHANNEL,
                "is_private": n % 10 == 0, "source": "command",
                "idempotency_key": f"bench:{n}", "batch_key": f"bench:{n}",
                "created_at": t.at,
            }
            for n, t in enumerate(thanks)
        ),
    )  # fmt: skip
