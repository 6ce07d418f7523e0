"""A question's Slack message deleted or edited: nobody goes on being asked about words taken
back, and the words askaround quotes are the message's own as it is now."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.questions import lookup, tell
from bot.questions.asking import MAX_QUESTION
from bot.questions.indexes import IndexFor
from bot.questions.results import AskRequest
from bot.questions.rounds import Clock
from bot.routing.text import tokens
from bot.safe_text import clip
from storage import offers as offer_q
from storage import question_status, routing_changes
from storage import questions as q
from storage.models import Question
from storage.routing import SOLVED


async def asked_in(
    sessions: async_sessionmaker[AsyncSession], team_id: str, channel_id: str, message_ts: str
) -> bool:
    """Whether a question was asked in (or about) this message."""
    async with sessions() as s:
        return bool(await q.questions_posted_as(s, team_id, channel_id, message_ts))


async def deleted(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    team_id: str,
    channel_id: str,
    message_ts: str,
    unasked: AskRequest | None = None,
) -> int:
    """The message a question was asked in (or about) was deleted: nobody goes on being
    asked, those waiting or helping are told, as if its asker had withdrawn it, and its
    words are blanked, so no DM, solved-first suggestion or report shows them again.
    The bot's replies in the thread the message started go too. How many questions it
    was.

    `unasked`: the question the message would be, not asked yet (Slack delivers the
    message late, or retries it, after the deletion). It is stored blank under its key,
    `q.UNASKED`, so the message, when it comes, is a repeat and asks nobody: the same end
    as a question asked and then deleted, but never counted as a question."""
    async with sessions() as s, s.begin():
        questions = await q.questions_posted_as(s, team_id, channel_id, message_ts)
        now = clock()
        if not questions and unasked is not None:
            kept = await q.add_question(
                s,
                team_id=team_id,
                asker_user_id=unasked.asker_user_id,
                channel_id=channel_id,
                message_ts=message_ts,
                thread_ts=unasked.thread_ts,
                text="",
                topics=[],
                status=q.UNASKED,
                is_private=unasked.is_private,
                source=unasked.source,
                idempotency_key=unasked.key,
                created_at=now,
                resolved_at=now,
            )
            if kept is not None:
                return 0
            # Asked meanwhile: the insert waited for that question, seen now.
            questions = await q.questions_posted_as(s, team_id, channel_id, message_ts)
        for question in questions:
            was = question.text
            await q.forget_text(s, question)
            await _taken_back(s, question, was)
            if await question_status.set_question_status(
                s, question, "withdrawn", expected=("draft", *lookup.LIVE), resolved_at=now
            ):
                await lookup.close_others(s, question, keep=None, at=now)
                await tell.asking_closed(s, question, now)
                helping = await lookup.helping(s, question)
                await tell.helpers_released(s, question, helping, now, deleted=True)
            else:  # closed before: its connection, solved or withdrawn, still quoted it
                await tell.connected_requoted(s, question, now, "deleted")
            await tell.offers_deleted(s, question, await offer_q.offers_of(s, question.id), now)
            if question.thread_ts == message_ts:
                await tell.asker(s, question, "replies_deleted", now)
    return len(questions)


async def edited(
    sessions: async_sessionmaker[AsyncSession],
    index_for: IndexFor,
    clock: Clock,
    team_id: str,
    channel_id: str,
    message_ts: str,
    text: str,
    edit: str,
) -> int:
    """The message a question was asked in (or about) was edited: its words become the
    edited ones, everywhere askaround quotes them from now on (the colleagues' DMs are
    rendered again), so words taken out of the message are not kept. A question whose
    words were blanked (deleted, or past their retention) stays blank, and one that took
    a later edit keeps it (Slack may deliver an older edit late). How many questions it
    was; `edit` names this edit (Slack's `edited.ts`)."""
    text = clip(text.strip(), MAX_QUESTION)  # as a long question is cut when asked
    if not await asked_in(sessions, team_id, channel_id, message_ts):
        return 0
    # Its topics as well: a topic edited out must not point others to its channel.
    topics = list((await index_for(team_id)).topics(text))
    async with sessions() as s, s.begin():
        questions = await q.questions_posted_as(s, team_id, channel_id, message_ts)
        for question in questions:
            was = question.text
            if not await q.set_text(s, question, text, topics, edit):
                continue
            await _taken_back(s, question, was)
            offers = await offer_q.offers_of(s, question.id)
            await tell.offers_edited(s, question, offers, clock(), edit)
            await tell.connected_requoted(s, question, clock(), edit)
            await tell.tabs_requoted(s, question, clock())
    return len(questions)


async def _taken_back(s: AsyncSession, question: Question, was: str) -> None:
    """A solved question's words are routing's evidence, which its reasons quote ("has
    helped with questions about …", "helped with 1 similar question"): words taken out of
    one (its message deleted, or edited) have every copy of the index rebuilt before the
    next question, as for a channel made private, where a copy built before went on saying
    them until its next rebuild. Words only added ("[solved]") take nothing back, and cost
    no rebuild: a copy is behind on them as on any question solved in another replica."""
    if question.status != SOLVED or question.helper_user_id is None:
        return
    if set(tokens(was)) - set(tokens(question.text)):
        await routing_changes.rebuild_routing(s, question.team_id)
