"""Where else to ask, when nobody can be asked: channels where the topic came up before."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot import visibility
from storage import questions as q
from storage.models import Question

SHOWN = 3


async def channels_discussing(s: AsyncSession, question: Question) -> list[str]:
    """Channels where other people posted questions on these topics, busiest first.

    Only questions anybody may read (so their channel is public) and posted as a message
    there (an `/ask` is never seen in its channel); never the asker's own, which would send
    them back to themselves.
    """
    wanted = set(question.topics or ())
    counts: dict[str, int] = {}
    for past in await q.posted_questions(s, question.team_id, question.asker_user_id):
        anybody = visibility.may_see_question(
            visibility.READERS, past.asker_user_id, (), is_private=past.is_private
        )
        if anybody and wanted & set(past.topics or ()):
            counts[past.channel_id] = counts.get(past.channel_id, 0) + 1
    return sorted(counts, key=lambda channel: -counts[channel])[:SHOWN]
