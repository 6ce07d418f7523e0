"""Queries that move a question from one status to another, and who helps with it. The
database, not memory, decides who wins an accept: each move is one conditional update, and
a question's row is locked while its offers change (`hold_question`). The question's other
queries are in `storage/questions.py`."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, Select, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from storage.models import Offer, Question


async def hold_question(session: AsyncSession, question: Question) -> None:
    """Lock the question's row until the transaction ends, and read it again: two offers
    closed at once (two "Not me" clicks) each saw the other still pending under PostgreSQL's
    READ COMMITTED and neither asked anyone next; the second now waits for the first's commit
    and sees the offers as it left them. (SQLite has one writer at a time already.)"""
    await session.flush()
    await session.refresh(question, with_for_update={"key_share": True})


async def set_question_status(
    session: AsyncSession,
    question: Question,
    status: str,
    *,
    expected: Collection[str],
    resolved_at: datetime | None = None,
    solved_by: str | None = None,
) -> bool:
    """Move a question on only from one of the `expected` states; False if someone beat us,
    and `question.status` is then the one they left it in, with who solved it and when (read
    again: what was read before this unit's first write may be older than their commit)."""
    values: dict[str, Any] = {"status": status}
    if resolved_at is not None:
        values["resolved_at"] = resolved_at
    if solved_by is not None:
        values["solved_by"] = solved_by
    result = await session.execute(
        update(Question)
        .where(Question.id == question.id, Question.status.in_(list(expected)))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    if result.rowcount == 1:
        for name, value in (
            ("status", status),
            ("solved_by", solved_by),
            ("resolved_at", resolved_at),
        ):
            if value is not None:  # as written: no second UPDATE at the flush
                set_committed_value(question, name, value)
        return True
    now = (
        await session.execute(
            select(Question.status, Question.solved_by, Question.resolved_at).where(
                Question.id == question.id
            )
        )
    ).first()
    if now is not None:
        set_committed_value(question, "status", now.status)
        # Who closed it, and when: said to whoever pressed Solved after them.
        set_committed_value(question, "solved_by", now.solved_by)
        set_committed_value(question, "resolved_at", now.resolved_at)
    return False


async def claim_question(session: AsyncSession, question: Question, helper_user_id: str) -> bool:
    """Atomically make `helper_user_id` the helper; exactly one of simultaneous clicks wins.
    The winner's `question` says so, as written (no second UPDATE at the flush)."""
    result = await session.execute(
        update(Question)
        .where(Question.id == question.id, Question.status == "open")
        .values(status="connected", helper_user_id=helper_user_id)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    if result.rowcount != 1:
        return False
    set_committed_value(question, "status", "connected")
    set_committed_value(question, "helper_user_id", helper_user_id)
    return True


async def release_question(session: AsyncSession, question: Question, helper_user_id: str) -> bool:
    """Open the question again, without its helper, if `helper_user_id` is still helping. The
    reply that connected them is theirs: it is not drawn again for whoever helps next."""
    result = await session.execute(
        update(Question)
        .where(
            Question.id == question.id,
            Question.status == "connected",
            Question.helper_user_id == helper_user_id,
        )
        .values(
            status="open",
            helper_user_id=None,
            connected_message_channel=None,
            connected_message_ts=None,
        )
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    if result.rowcount != 1:
        return False
    set_committed_value(question, "status", "open")
    set_committed_value(question, "helper_user_id", None)
    return True


def released_help(team_id: str, *columns: Any) -> Select[Any]:
    """`columns` of the questions someone took on and was released from (they left the
    workspace while helping, `release_question`), one row per such helper: the question no
    longer names them, their accepted offer (`Offer`, joined) does. Digests and the network
    insights count this help as given."""
    return (
        select(*columns)
        .select_from(Offer)
        .join(Question, Question.id == Offer.question_id)
        .where(
            Offer.team_id == team_id,
            Offer.status == "accepted",
            or_(
                Question.helper_user_id.is_(None),
                Question.helper_user_id != Offer.candidate_user_id,
            ),
        )
    )


async def questions_helped_by(
    session: AsyncSession, team_id: str, helper_user_id: str
) -> Sequence[Question]:
    """The questions `helper_user_id` is helping with now."""
    result = await session.scalars(
        select(Question).where(
            Question.team_id == team_id,
            Question.helper_user_id == helper_user_id,
            Question.status == "connected",
        )
    )
    return result.all()
