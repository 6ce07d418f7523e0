"""Queries on questions: storing one, finding it, its words, and the lists read about them. The
moves from one status to another, and who helps, are in `storage/question_status.py`."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    String,
    and_,
    bindparam,
    cast,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Offer, Question
from storage.units import dialect_of, execute
from storage.upsert import insert_for

# A question a colleague took on (it has its helper): connected, solved, or withdrawn after
# (its asker withdrew it or deleted its message). The help happened and counts, in digests and
# the insights; a deleted question's words are blanked all the same (`forget_text`).
HELPED_STATES = ("connected", "solved", "withdrawn")
# The status of the blank row a message deleted before askaround received it leaves under its
# key (`QuestionService.deleted`), so the message, if it still comes, is a repeat. Nobody
# asked it: it is no question to count (`asked`).
UNASKED = "unasked"
# The first key of the advisory lock an asker's questions take on PostgreSQL (the second: the
# asker); a two-key lock never meets the one-key lock of the migrations, nor the givers'.
_ASKER_LOCK_CLASS = 1_440_615
_ASKER_LOCK = select(
    func.pg_advisory_xact_lock(_ASKER_LOCK_CLASS, func.hashtext(bindparam("who", type_=String)))
)


def asked() -> ColumnElement[bool]:
    """The questions someone asked: every row but an UNASKED one. Every read that counts or
    ranks questions over all their statuses goes through it."""
    return Question.status != UNASKED


def sent_by_asker() -> ColumnElement[bool]:
    """The asked questions their asker sent: put to colleagues, or finding nobody who could
    be asked (or only colleagues Slack refused to message), which says as much that the
    topic was asked about: the insights' "asked N×" counts both, and a topic asked
    often that nobody could take is a risk it must show. A draft waits for the asker's click
    (a private question, or one shown solved questions first), and one withdrawn or deleted
    before that click was sent by nobody: neither is a question anyone asked."""
    offered = exists().where(Offer.question_id == Question.id)
    return and_(
        asked(),
        Question.status != "draft",
        or_(Question.status != "withdrawn", Question.helper_user_id.is_not(None), offered),
    )


async def add_question(session: AsyncSession, **fields: Any) -> Question | None:
    """The new question; None when one with its idempotency key is there already: the same
    ask arriving twice at once (two presses of *Find an expert*), where both looked for the
    key before either stored it. The second insert waits for the first to commit and then
    does nothing, instead of failing on the unique key."""
    statement = (
        insert_for(session, Question)
        .values(**fields)
        .on_conflict_do_nothing(index_elements=["team_id", "idempotency_key"])
        .returning(Question)
    )
    return await session.scalar(statement)


async def hold_asker(session: AsyncSession, team_id: str, asker_user_id: str) -> None:
    """Make an asker's concurrent questions wait for each other until this transaction ends,
    so each sees the other's. SQLite has one writer at a time already (the question's insert
    waits for it); PostgreSQL takes a transaction-scoped advisory lock on the asker."""
    if dialect_of(session) == "postgresql":
        await execute(session, _ASKER_LOCK, {"who": f"{team_id}:{asker_user_id}"})


async def question_by_key(session: AsyncSession, team_id: str, key: str) -> Question | None:
    return await session.scalar(
        select(Question).where(Question.team_id == team_id, Question.idempotency_key == key)
    )


async def get_question(session: AsyncSession, team_id: str, question_id: int) -> Question | None:
    return await session.scalar(
        select(Question).where(Question.team_id == team_id, Question.id == question_id)
    )


async def question_of_offer(session: AsyncSession, team_id: str, offer_id: int) -> Question | None:
    """The question one of its offers was made for, in one statement (an offer read first
    for its question's id, then the question, took two)."""
    return await session.scalar(
        select(Question)
        .join(Offer, Offer.question_id == Question.id)
        .where(Offer.team_id == team_id, Offer.id == offer_id, Question.team_id == team_id)
    )


async def questions_posted_as(
    session: AsyncSession, team_id: str, channel_id: str, message_ts: str
) -> Sequence[Question]:
    """The questions asked in (or about) this message: a mention, a DM, "Find an expert"."""
    result = await session.scalars(
        select(Question).where(
            Question.team_id == team_id,
            Question.channel_id == channel_id,
            Question.message_ts == message_ts,
        )
    )
    return result.all()


async def forget_text(session: AsyncSession, question: Question) -> None:
    """Blank one question's words (its message was deleted); who asked and helped stay."""
    await session.execute(
        update(Question)
        .where(Question.id == question.id)
        .values(text="")
        .execution_options(synchronize_session=False)
    )
    question.text = ""


async def set_text(
    session: AsyncSession, question: Question, text: str, topics: list[str], edit: str
) -> bool:
    """Replace one question's words with its message's words as edited (`edit`, the edit's
    ts), and its topics with those the edited words name, unless it took a later edit (Slack
    may deliver an older edit late) or its words were blanked (deleted, or past their
    retention): whether its words changed."""
    newer = and_(
        Question.id == question.id,
        Question.text != "",
        # Slack's ts strings have one width, so they sort as text.
        or_(Question.edit_ts.is_(None), Question.edit_ts < edit),
    )
    result = await session.execute(
        update(Question)
        .where(newer, Question.text != text)
        .values(text=text, topics=topics, edit_ts=edit)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    if result.rowcount == 1:
        question.text, question.topics, question.edit_ts = text, topics, edit
        return True
    await session.execute(
        update(Question)
        .where(newer, Question.text == text)
        .values(edit_ts=edit)
        .execution_options(synchronize_session=False)
    )
    return False


async def questions_of(
    session: AsyncSession,
    team_id: str,
    asker_user_id: str,
    statuses: Collection[str],
    limit: int | None = 20,
) -> Sequence[Question]:
    """The asker's questions in `statuses`, newest first: the newest `limit`, or all."""
    result = await session.scalars(
        select(Question)
        .where(
            Question.team_id == team_id,
            Question.asker_user_id == asker_user_id,
            Question.status.in_(list(statuses)),
        )
        .order_by(Question.id.desc())
        .limit(limit)
    )
    return result.all()


async def helping_with(
    session: AsyncSession, team_id: str, helper_user_id: str, limit: int
) -> Sequence[Question]:
    """The questions this person took on and that are not closed yet, newest first."""
    result = await session.scalars(
        select(Question)
        .where(
            Question.team_id == team_id,
            Question.helper_user_id == helper_user_id,
            Question.status == "connected",
        )
        .order_by(Question.id.desc())
        .limit(limit)
    )
    return result.all()


async def count_questions_of(
    session: AsyncSession, team_id: str, asker_user_id: str, statuses: Collection[str]
) -> int:
    """All of them, where `questions_of` reads the newest 20."""
    statement = select(func.count()).where(
        Question.team_id == team_id,
        Question.asker_user_id == asker_user_id,
        Question.status.in_(list(statuses)),
    )
    return int(await session.scalar(statement) or 0)


async def channels_discussing(
    session: AsyncSession,
    team_id: str,
    topics: Collection[str],
    not_asked_by: str,
    *,
    window: int = 2000,
    shown: int = 3,
    besides: str | None = None,
) -> list[str]:
    """Among the newest `window` questions asked in a message people can find in its
    conversation (not `/ask`), not by `not_asked_by`: the channels of the public ones on any
    of `topics`, but `besides`, most such questions first (a tie: the latest first), at most
    `shown`.

    Counted in the database over a bounded window (the newest rows of `ix_questions_posted`),
    so an `/ask` costs the same after a year of questions as after a day. A topic matches as
    its JSON string inside the stored list, written by the same serialiser.
    """
    if not topics:
        return []
    recent = (
        select(Question.id, Question.channel_id, Question.is_private, Question.topics)
        .where(
            Question.team_id == team_id,
            Question.message_ts.is_not(None),
            Question.asker_user_id != not_asked_by,
            asked(),
        )
        .order_by(Question.id.desc())
        .limit(window)
        .subquery()
    )
    listed = cast(recent.c.topics, String)
    matches = or_(*(listed.contains(json.dumps(t), autoescape=True) for t in sorted(topics)))
    found = await session.scalars(
        select(recent.c.channel_id)
        .where(recent.c.is_private.is_(False), matches, recent.c.channel_id != besides)
        .group_by(recent.c.channel_id)
        .order_by(func.count().desc(), func.max(recent.c.id).desc())
        .limit(shown)
    )
    return list(found)


async def solved_ids(session: AsyncSession, team_id: str, limit: int = 2000) -> Sequence[Any]:
    """The newest solved questions as rows of id, asker, helper, privacy, channel and message
    (None for `/ask`, never posted): no text,
    as this runs for every question asked (`question_texts` reads the texts not seen yet)."""
    result = await session.execute(
        select(
            Question.id,
            Question.asker_user_id,
            Question.helper_user_id,
            Question.is_private,
            Question.channel_id,
            Question.message_ts,
        )
        .where(Question.team_id == team_id, Question.status == "solved", Question.text != "")
        .order_by(Question.id.desc())
        .limit(limit)
    )
    return result.all()


async def mark_channels_private(
    session: AsyncSession, team_id: str, channel_ids: Collection[str]
) -> None:
    """The questions asked in these channels are private from now on: the channels were
    made private after they were asked, which their askers agreed to nobody new reading."""
    if not channel_ids:
        return
    await session.execute(
        update(Question)
        .where(
            Question.team_id == team_id,
            Question.channel_id.in_(channel_ids),
            Question.is_private.is_(False),
        )
        .values(is_private=True, made_private=True)
        .execution_options(synchronize_session=False)
    )


async def question_texts(session: AsyncSession, ids: Collection[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = await session.execute(select(Question.id, Question.text).where(Question.id.in_(ids)))
    return {question_id: text for question_id, text in rows.all()}


async def questions_by_id(session: AsyncSession, ids: Collection[int]) -> dict[int, Question]:
    if not ids:
        return {}
    rows = await session.scalars(select(Question).where(Question.id.in_(ids)))
    return {question.id: question for question in rows.all()}


async def set_asker_message(
    session: AsyncSession, question_id: int, channel_id: str, ts: str | None
) -> None:
    """Where the asker was told who is asked (the thread's first reply, or a DM); no ts when
    told in an ephemeral, which cannot be edited (or not told at all, which nothing changes)."""
    await _set_message(session, question_id, asker_message_channel=channel_id, asker_message_ts=ts)


async def set_connected_message(
    session: AsyncSession, question_id: int, channel_id: str, ts: str
) -> None:
    """Where asker and helper were connected (the question's thread, or their group DM)."""
    await _set_message(
        session, question_id, connected_message_channel=channel_id, connected_message_ts=ts
    )


async def _set_message(session: AsyncSession, question_id: int, **where: str | None) -> None:
    await session.execute(
        update(Question)
        .where(Question.id == question_id)
        .values(**where)
        .execution_options(synchronize_session=False)
    )


OPEN = ("draft", "open", "connected")


async def forget_closed_texts(session: AsyncSession, closed_before: datetime) -> int:
    """Blank the text of every question that closed (solved, withdrawn, unanswered) before
    `closed_before`, in every workspace; returns how many. Who asked, who helped and the
    topics stay: they are the evidence routing learns from, and hold no one's words."""
    closed_at = func.coalesce(Question.resolved_at, Question.created_at)
    result = await session.execute(
        update(Question)
        .where(Question.status.not_in(OPEN), Question.text != "", closed_at < closed_before)
        .values(text="")
        .execution_options(synchronize_session=False)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount
