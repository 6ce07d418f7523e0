"""Solved questions worth showing before anyone is asked again (issue 15).

A question like one already solved is answered best by that solution: the asker sees up to
three of the most similar solved questions they may see, then can still ask people.
Similarity is the cosine of the two questions' routing terms (`bot.routing.text.tokens`,
the tokeniser routing indexes questions by), so "how do we unlock a stuck terraform state?"
meets "Terraform state stuck: how to unlock it".
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot import visibility
from bot.routing.text import tokens
from storage import questions as q
from storage.models import Question

MIN_SIMILARITY = 0.6
SHOWN = 3


@dataclass(frozen=True)
class SolvedMatch:
    """A solved question and where to read its solution: its thread, when it was asked in a
    message (`message_ts`); a question asked with `/ask` was solved in private, so only who
    helped is shown."""

    question_id: int
    text: str
    asker_user_id: str
    helper_user_id: str | None
    channel_id: str
    message_ts: str | None
    similarity: float


def similarity(a: Collection[str], b: Collection[str]) -> float:
    """The cosine of two term sets: 1 for the same terms, 0 for none in common."""
    left, right = set(a), set(b)
    if not left or not right:
        return 0.0
    return len(left & right) / math.sqrt(len(left) * len(right))


async def similar_solved(
    s: AsyncSession, team_id: str, text: str, asker_user_id: str, *, exclude: int | None = None
) -> list[SolvedMatch]:
    """Up to SHOWN solved questions like `text` that the asker may see, most similar first."""
    terms = tokens(text)
    viewer = visibility.person(asker_user_id)
    found = []
    for past in await q.past_questions(s, team_id, statuses=("solved",)):
        helpers = (past.helper_user_id,) if past.helper_user_id else ()
        if past.id == exclude or not visibility.may_see_question(
            viewer, past.asker_user_id, helpers, is_private=past.is_private
        ):
            continue
        score = similarity(terms, tokens(past.text))
        if score >= MIN_SIMILARITY:
            found.append(
                SolvedMatch(
                    question_id=past.id,
                    text=past.text,
                    asker_user_id=past.asker_user_id,
                    helper_user_id=past.helper_user_id,
                    channel_id=past.channel_id,
                    message_ts=_thread(past, asker_user_id),
                    similarity=score,
                )
            )
    found.sort(key=lambda match: (-match.similarity, -match.question_id))
    return found[:SHOWN]


def _thread(past: Question, viewer_user_id: str) -> str | None:
    """The message to link to, when the viewer can open its conversation: a public channel,
    or their own private one; an `/ask` was never posted, its solution is private."""
    if past.source == "command" or past.message_ts is None:
        return None
    if past.is_private and past.asker_user_id != viewer_user_id:
        return None
    return past.message_ts
