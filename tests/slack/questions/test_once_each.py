"""A person is asked once per question, even when they are both an expert on it and a
connector for it (issue 18, item 6: the second offer broke `offers`' UNIQUE constraint and
the question was dropped without a word to the asker)."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Offer
from tests.slack.harness import SlackHarness


async def test_an_expert_who_is_also_a_connector_is_asked_once(slack: SlackHarness) -> None:
    """Carol declared Kubernetes and has the CNCF Slack in her network: she is offered the
    question once, and the asker hears that colleagues are being asked."""
    await slack.command("carol", "/skills", "add kubernetes:4")
    await slack.command(
        "carol", "/skills", "network add CNCF Slack about kubernetes, helm as functional"
    )
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    await slack.command("alice", "/ask", "how should we size kubernetes pods for the api?")
    await slack.settle()
    async with slack.services.sessions() as s:
        offered = list((await s.scalars(select(Offer.candidate_user_id))).all())
    assert offered.count(slack.user("carol")) == 1
    assert any("asking" in m.text for m in slack.emu.dm_messages(slack.user("alice")))
