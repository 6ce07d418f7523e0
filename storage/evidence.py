"""Writing what routing learns from, in bulk: declared skill levels and solved questions,
recorded the same way for `askaround eval routing` and the tests as the bot records them.
The readers are in `storage/routing.py`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Offer, Person, PersonSkill, Question, Skill
from storage.routing import SOLVED, SolvedQuestion
from storage.skills import skill_upsert
from storage.upsert import insert_for


async def ensure_skills(
    session: AsyncSession, team_id: str, names: Mapping[str, str]
) -> dict[str, int]:
    """Create missing skills (key → display name) and return every key's id."""
    if names:
        statement = insert_for(session, Skill).on_conflict_do_nothing(
            index_elements=["team_id", "key"]
        )
        await session.execute(
            statement, [{"team_id": team_id, "key": k, "name": n} for k, n in names.items()]
        )
    rows = await session.execute(
        select(Skill.key, Skill.id).where(Skill.team_id == team_id, Skill.key.in_(list(names)))
    )
    return {key: skill_id for key, skill_id in rows}


async def declare_skills(
    session: AsyncSession,
    team_id: str,
    levels: Mapping[str, Mapping[str, int]],
    source: str = "declared",
    *,
    at: datetime,
) -> int:
    """Set people's skill levels (user → skill key → level); people must exist. Returns rows."""
    # In the order first declared, not a set's: a skill's id breaks ties in routing, and a
    # set's order of strings changes from one process to the next.
    keys = dict.fromkeys(key for skills in levels.values() for key in skills)
    skill_ids = await ensure_skills(session, team_id, {key: key for key in keys})
    person_ids = dict(
        (
            await session.execute(
                select(Person.user_id, Person.id).where(
                    Person.team_id == team_id, Person.user_id.in_(list(levels))
                )
            )
        ).all()
    )
    rows = [
        {
            "team_id": team_id,
            "person_id": person_ids[user_id],
            "skill_id": skill_ids[key],
            "level": level,
            "source": source,
            "updated_at": at,
        }
        for user_id, skills in levels.items()
        if user_id in person_ids
        for key, level in skills.items()
    ]
    if rows:
        await session.execute(skill_upsert(insert_for(session, PersonSkill)), rows)
    return len(rows)


async def record_solved_questions(
    session: AsyncSession,
    team_id: str,
    questions: Iterable[SolvedQuestion],
    channel_id: str,
    at: datetime,
) -> int:
    """Store resolved questions: helper on the question, every answerer as an offer row."""
    count = 0
    offers: list[dict[str, object]] = []
    for question in questions:
        created = question.created_at or at
        question_id = await session.scalar(
            insert_for(session, Question)
            .values(
                team_id=team_id,
                asker_user_id=question.asker_user_id,
                channel_id=channel_id,
                text=question.text,
                status=SOLVED,
                helper_user_id=question.helper_user_id,
                created_at=created,
                resolved_at=created,
                # Posted in its channel (a message of its own), unless it was an `/ask`.
                source="message" if question.posted else "command",
                message_ts=f"{int(created.timestamp())}.{count:06d}" if question.posted else None,
            )
            .returning(Question.id)
        )
        offers.extend(_offer_rows(team_id, question_id, question, created))
        count += 1
    if offers:
        await session.execute(insert_for(session, Offer), offers)
    return count


def _offer_rows(
    team_id: str, question_id: int | None, question: SolvedQuestion, created: datetime
) -> Sequence[dict[str, object]]:
    answerers = dict.fromkeys((question.helper_user_id, *question.answerer_user_ids))
    return [
        {
            "team_id": team_id,
            "question_id": question_id,
            "candidate_user_id": user_id,
            "status": "accepted" if user_id == question.helper_user_id else "answered",
            "created_at": created,
            "responded_at": created,
        }
        for user_id in answerers
    ]
