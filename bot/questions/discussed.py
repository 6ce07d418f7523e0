"""Where else to ask, when nobody can be asked: channels where the topic came up before."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot import visibility
from storage import people as people_queries
from storage import questions as q
from storage.models import Question

SHOWN = 3


async def channels_discussing(s: AsyncSession, question: Question) -> list[str]:
    """Channels where other people recently posted questions on these topics, busiest first.

    Only questions anybody may read (`bot.visibility.may_see_question`: public ones, so their
    channel is public) and posted as a message there (an `/ask` is never seen in its
    channel); never the asker's own, which would send them back to themselves. The database
    counts them over the newest questions (`storage.questions.channels_discussing`). A guest
    of the workspace may read no colleague's public question, so is pointed to no channel. The
    channel the question itself was posted in is not somewhere else to ask.
    """
    guest = await people_queries.is_guest(s, question.team_id, question.asker_user_id)
    asker = visibility.person(question.asker_user_id, guest=guest)
    if not visibility.may_see_question(asker, "", (), is_private=False):
        return []
    topics = question.topics or ()
    # A question posted in a channel is there already; an `/ask` typed in one is not.
    posted_in = question.channel_id if question.message_ts else None
    return await q.channels_discussing(
        s, question.team_id, topics, question.asker_user_id, shown=SHOWN, besides=posted_in
    )
