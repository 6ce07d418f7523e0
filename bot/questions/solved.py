"""Solved questions worth showing before anyone is asked again (issue 15).

A question like one already solved is answered best by that solution: the asker sees up to
three of the most similar solved questions they may see, then can still ask people.
Similarity is the cosine of the two questions' routing terms (`bot.routing.text.tokens`,
the tokeniser routing indexes questions by), so "how do we unlock a stuck terraform state?"
meets "Terraform state stuck: how to unlock it".
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot import visibility
from bot.conversations import MadePrivate, PrivateNow
from bot.routing.text import tokens
from storage import people as people_queries
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


def similarity(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """The cosine of two term sets: 1 for the same terms, 0 for none in common."""
    if not a or not b or a.isdisjoint(b):
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


class SolvedFinder:
    """Finds them; keeps each solved question's terms, so an ask reads and tokenises only the
    texts it has not seen (about 2,000 the first time) and the few that match, again."""

    def __init__(self, remembered: int = 50_000) -> None:
        self._terms: OrderedDict[int, frozenset[str]] = OrderedDict()
        self._remembered = remembered

    async def _terms_of(
        self, s: AsyncSession, ids: list[int], *, again: bool = False
    ) -> dict[int, frozenset[str]]:
        """The terms of these questions, read only for those not seen yet, or for all when
        `again`: a question's words change when its message is edited."""
        unseen = ids if again else [i for i in ids if i not in self._terms]
        for question_id, text in (await q.question_texts(s, unseen)).items():
            self._terms[question_id] = frozenset(tokens(text))
        known = {i: self._terms[i] for i in ids if i in self._terms}
        while len(self._terms) > self._remembered:
            self._terms.popitem(last=False)
        return known

    async def similar(
        self,
        s: AsyncSession,
        team_id: str,
        text: str,
        asker_user_id: str,
        private_now: PrivateNow | None = None,
    ) -> list[SolvedMatch]:
        """Up to SHOWN solved questions like `text` that the asker may see, closest first.

        A question stored as public was public when asked; its channel may have been made
        private since, and Slack tells the app nothing of that. `private_now` says whether a
        channel is private now: one that is counts as private here (`visibility`
        decides who may see it then), and its questions are stored as private from now on.
        """
        terms = frozenset(tokens(text))
        guest = await people_queries.is_guest(s, team_id, asker_user_id)
        viewer = visibility.person(asker_user_id, guest=guest)
        solved = await q.solved_ids(s, team_id)
        known = await self._terms_of(s, [row.id for row in solved])
        close = [
            row
            for row in solved
            if similarity(terms, known.get(row.id, frozenset())) >= MIN_SIMILARITY
        ]
        # The few that match are read again, as they are now: words edited out of a question
        # since its terms were kept must not find it (showing it would say they were in it).
        now = await self._terms_of(s, [row.id for row in close], again=True)
        close = [
            (score, row)
            for row in close
            if (score := similarity(terms, now.get(row.id, frozenset()))) >= MIN_SIMILARITY
        ]
        close.sort(key=lambda pair: (pair[0], pair[1].id), reverse=True)
        made = MadePrivate(private_now)
        best: list[tuple[float, int]] = []
        for score, row in close:
            is_private = visibility.question_private(
                is_private=row.is_private, posted=row.message_ts is not None
            ) or await made.is_private(row.is_private, row.channel_id)
            helpers = (row.helper_user_id,) if row.helper_user_id else ()
            if visibility.may_see_question(
                viewer, row.asker_user_id, helpers, is_private=is_private
            ):
                best.append((score, row.id))
                if len(best) == SHOWN:
                    break
        await q.mark_channels_private(s, team_id, made.found)
        rows = await q.questions_by_id(s, [question_id for _score, question_id in best])
        return [_match(rows[question_id], score, asker_user_id) for score, question_id in best]


def _match(past: Question, score: float, viewer_user_id: str) -> SolvedMatch:
    return SolvedMatch(
        question_id=past.id,
        text=past.text,
        asker_user_id=past.asker_user_id,
        helper_user_id=past.helper_user_id,
        channel_id=past.channel_id,
        message_ts=_thread(past, viewer_user_id),
        similarity=score,
    )


def _thread(past: Question, viewer_user_id: str) -> str | None:
    """The message to link to, when the viewer can open its conversation: a public channel,
    or their own private one; an `/ask` was never posted, its solution is private."""
    if past.source == "command" or past.message_ts is None:
        return None
    mine = past.asker_user_id == viewer_user_id
    if not visibility.may_link_question(is_private=past.is_private, by_asker=mine):
        return None
    return past.message_ts
