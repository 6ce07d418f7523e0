"""Asking: what a question must say, a repeat or a twin of one asked already answered as
that one, and the new question stored and sent to its first round (or held for the asker's
consent)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import home, visibility
from bot.conversations import PrivateNow
from bot.errors import UserError
from bot.questions import lookup
from bot.questions.indexes import IndexFor
from bot.questions.lookup import LIVE
from bot.questions.offering import rank, why_nobody_asked
from bot.questions.policy import RoutingConfig
from bot.questions.results import Asked, AskRequest
from bot.questions.rounds import Clock, Observe, first_round, nobody
from bot.questions.solved import SolvedFinder, similarity
from bot.questions.views import QuestionView, offer_views
from bot.routing.text import tokens, word_count
from bot.safe_text import clip, safe_text, unescaped
from storage import offers as offer_q
from storage import questions as q
from storage.models import Question

if TYPE_CHECKING:  # the engine brings numpy, which serve loads once it builds an index
    from bot.routing.engine import RoutingIndex

MAX_QUESTION = 4000  # characters kept of a question; a longer message is quoted in Slack
# How alike (the cosine of their routing terms, `similarity`) a question must be to one the
# asker is still asking to be that question reworded. Just under sqrt(3/4) = 0.866: a word
# added to or dropped from a three-term question is the smallest rewording it meets, while
# one word changed needs eight terms (7/8) and two need fifteen, for a changed word is most
# often a different question on the same subject ("upgrade" or "pin" terraform provider
# versions, 0.75). Chosen on tests/domain/questions/test_same_question.py's pairs.
SAME_QUESTION = 0.86


async def _repeated(s: AsyncSession, question: Question) -> Asked:
    """An ask seen before: the question as it is, changed in nothing."""
    offers = await offer_q.offers_of(s, question.id)
    return Asked(QuestionView.of(question), offer_views(offers), repeated=True)


def same_question(text: str, other: str) -> float:
    """How alike two questions are, 0 to 1, when at least SAME_QUESTION (the same question,
    in the same or other words), else 0."""
    score = similarity(frozenset(tokens(text)), frozenset(tokens(other)))
    return score if score >= SAME_QUESTION else 0.0


async def still_asking(
    s: AsyncSession, team_id: str, asker_user_id: str, text: str, besides: int | None = None
) -> Question | None:
    """The asker's question still being asked that this one rewords or repeats
    (`same_question`; the closest, then the first asked), other than `besides`: asked again,
    in another channel or after an edit, it would ask the same people twice (and a watched
    channel would offer to ask it). Only their own, in this workspace, not yet closed."""
    live = await q.questions_of(s, team_id, asker_user_id, ("draft", *LIVE), limit=None)
    scored = [(same_question(text, m.text), m) for m in live if m.id != besides]
    alike = [(score, m) for score, m in scored if score]
    if not alike:
        return None
    return max(alike, key=lambda pair: (pair[0], -pair[1].id))[1]


def _topic(word: str) -> str:
    """The one word someone asked about, as they typed it, without its punctuation."""
    return safe_text(word.strip("?!.,:;`*_~"))


class _AskedMeanwhile(Exception):
    """The same question, asked by the same person at the same moment (`/ask` sent twice, the
    same DM twice), was stored first: this one is rolled back. It carries that question as
    read, for its row is expired once the transaction rolls back."""

    def __init__(self, question: Question) -> None:
        super().__init__(question.id)
        self.question = QuestionView.of(question)


async def ask(
    sessions: async_sessionmaker[AsyncSession],
    index_for: IndexFor,
    solved_finder: SolvedFinder,
    config: RoutingConfig,
    clock: Clock,
    observe: Observe,
    request: AskRequest,
    private_now: PrivateNow | None = None,
) -> Asked:
    """`private_now` tells whether a channel is private now, for solved questions asked in
    one that has been made private since (`SolvedFinder.similar`)."""
    # The detector's words compile their regexes as they are imported (some 0.14 s of CPU):
    # by the first question, not by every command that opens the services (`askaround outbox`,
    # `export`, `import`, `sync`, `skills`), which never asks one.
    from bot.questions.detect import only_code, says_nothing

    text = request.text.strip()
    if len(text) < 8 or says_nothing(text):
        raise UserError("Tell me a bit more: what do you need help with?")
    if request.source != "shortcut":  # words the asker typed to ask, not another's message
        if word_count(text) < 2:  # a topic alone, a request quoting "terraform"
            raise UserError(
                f"Tell me a bit more: what do you need to know about {_topic(text)}? "
                "A whole question, like `/ask how do we unlock a stuck terraform state?`, "
                "tells colleagues whether they can help."
            )
        if only_code(text):
            raise UserError(
                "Tell me a bit more: what do you need help with? Say in a line what you're "
                "after, with the code, so colleagues know whether they can help."
            )
    # Measured as typed: Slack sends a typed `<`, `>` or `&` as an entity of 4 or 5.
    typed = len(unescaped(text))
    if typed > MAX_QUESTION and request.source == "command":  # a message stays whole
        raise UserError(
            f"That question is {typed:,} characters; keep it to {MAX_QUESTION:,} at most."
        )
    index = await index_for(request.team_id)
    try:
        return await _ask(
            sessions, solved_finder, config, clock, observe, request, text, index, private_now
        )
    except _AskedMeanwhile as twin:  # this one's insert was rolled back with the rest
        return Asked(twin.question, already=True)


async def _ask(
    sessions: async_sessionmaker[AsyncSession],
    solved_finder: SolvedFinder,
    config: RoutingConfig,
    clock: Clock,
    observe: Observe,
    request: AskRequest,
    text: str,
    index: RoutingIndex,
    private_now: PrivateNow | None,
) -> Asked:
    async with sessions() as s, s.begin():
        if (existing := await q.question_by_key(s, request.team_id, request.key)) is not None:
            return await _repeated(s, existing)
        if (
            same := await still_asking(s, request.team_id, request.asker_user_id, text)
        ) is not None:
            asleep = await lookup.waiting(s, same.team_id, [same.id], clock(), config.hours)
            return Asked(QuestionView.of(same), already=True, waiting=bool(asleep))
        solved = await solved_finder.similar(
            s, request.team_id, text, request.asker_user_id, private_now
        )
        waits = visibility.needs_consent(is_private=request.is_private) or bool(solved)
        question = await q.add_question(
            s,
            team_id=request.team_id,
            asker_user_id=request.asker_user_id,
            channel_id=request.channel_id,
            message_ts=request.message_ts,
            thread_ts=request.thread_ts or request.message_ts,
            # a command's within MAX_QUESTION as typed, whole; a longer message's first part
            text=text if request.source == "command" else clip(text, MAX_QUESTION),
            topics=list(index.topics(text)),
            status="draft" if waits else "open",
            is_private=request.is_private,
            source=request.source,
            idempotency_key=request.key,
            created_at=clock(),
        )
        if question is None:  # the same ask, stored meanwhile by its twin
            existing = await q.question_by_key(s, request.team_id, request.key)
            assert existing is not None
            return await _repeated(s, existing)
        # The check above read before this insert; the insert (and on PostgreSQL the
        # asker's lock) waits for a twin asked at the same moment, which is seen now.
        await q.hold_asker(s, request.team_id, request.asker_user_id)
        if (
            same := await still_asking(
                s, request.team_id, request.asker_user_id, text, besides=question.id
            )
        ) is not None:
            raise _AskedMeanwhile(same)
        await home.changed(s, request.team_id, request.asker_user_id, clock())  # their questions
        if not waits:
            return await first_round(s, index, question, config, clock, observe)
        ranked = await rank(s, index, question, (), config, clock(), observe)
        would_ask = min(len(ranked), config.offers_per_round)
        if not would_ask:
            why = await why_nobody_asked(s, index, question, config, clock())
            return await nobody(s, question, solved, clock, why=why)
        others_after = len(ranked) > would_ask
        if request.is_private and not others_after:  # told "and nobody else": agreed to those
            question.agreed_colleagues = would_ask
        return Asked(
            QuestionView.of(question),
            needs_consent=True,
            solved=solved,
            would_ask=would_ask,
            others_after=others_after,
        )
