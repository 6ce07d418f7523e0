"""The link to a question's message in each colleague's request is asked of Slack once
(`chat.getPermalink`), not once per request sent and again for each redraw: a message's
link does not change, and a round of colleagues asked, then the question edited, asked the
same thing of Slack for each of them, every time."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Offer
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state?"


async def test_a_questions_link_is_asked_of_slack_once(slack: SlackHarness) -> None:
    """Carol asks in #general; Dev and Bob (at least) are asked, each request carrying the
    link; Carol edits her question, and the requests are redrawn with the same link. Slack
    was asked for it once."""
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    async with slack.services.sessions() as s:
        offered = list(await s.scalars(select(Offer)))
    assert len(offered) >= 2
    edited = slack.escape(f"{bot} {QUESTION} (v2)")
    await slack.here.edit_message(slack.user("carol"), asked, edited)
    await slack.settle()
    requests = [
        m
        for o in offered
        for m in slack.emu.dm_messages(o.candidate_user_id)
        if m.bot_id and "(v2)" in m.text + str(m.blocks)
    ]
    assert len(requests) == len(offered)
    link = f"archives/{asked.channel}/p{asked.ts.replace('.', '')}"
    assert all(link in str(m.blocks) for m in requests)
    assert len(slack.emu.calls_to("chat.getPermalink")) == 1
