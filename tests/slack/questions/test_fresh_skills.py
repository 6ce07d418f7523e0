"""A `/skills` change reaches routing at the next question, with no rebuild and no wait: the
cached index catches up in place (issue 14, company scale)."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Offer, Question
from tests.slack.harness import SlackHarness


async def asked(slack: SlackHarness, handle: str, text: str) -> list[str]:
    """Who was offered the question `handle` just asked."""
    await slack.command(handle, "/ask", text)
    await slack.settle()
    async with slack.services.sessions() as s:
        question = await s.scalar(select(Question).order_by(Question.id.desc()).limit(1))
        assert question is not None and question.text == text
        rows = await s.scalars(select(Offer).where(Offer.question_id == question.id))
        return [o.candidate_user_id for o in rows]


async def test_a_skill_added_or_removed_is_routed_on_at_once(slack: SlackHarness) -> None:
    first = await asked(slack, "alice", "how do we import terraform state?")
    assert slack.user("dev") in first  # the index is built and cached now
    index = await slack.services.indexes.get(slack.team_id)

    await slack.command("carol", "/skills", "add cobol:5")
    await slack.settle()
    assert await asked(slack, "alice", "who can read our cobol copybooks?") == [slack.user("carol")]
    assert await slack.services.indexes.get(slack.team_id) is index  # caught up, not rebuilt

    await slack.command("carol", "/skills", "remove cobol")
    await slack.settle()
    assert slack.user("carol") not in await asked(slack, "bob", "any cobol people around?")
    assert await slack.services.indexes.get(slack.team_id) is index
