"""A question whose channel is archived or deleted while it is open. Slack keeps an archived
channel read-only (`is_archived` to every post), so what the bot would have said in the
question's thread reaches the people it is for another way, in a DM; and a question whose
message Slack no longer links to is still sent to colleagues, without the link."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_made_private import launch
from tests.slack.questions.test_solved_first import QUESTION


async def test_a_helper_found_after_the_channel_was_archived_still_meets_the_asker(
    slack: SlackHarness,
) -> None:
    """Carol asks in #launch; #launch is archived; Dev then says they can help. The thread
    cannot take the introduction, so Carol and Dev are introduced in a group DM; once solved,
    Carol hears so in her DM; no delivery is given up."""
    channel = launch(slack)
    await slack.post("carol", "launch", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.archive_channel(channel, by=slack.user("carol"))
    await slack.settle()
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=dev_dm)
    await slack.drain()
    carol, dev = slack.user("carol"), slack.user("dev")
    together = [
        m
        for m in slack.emu.messages()
        if m.bot_id
        and (c := slack.here.workspace.get_channel(m.channel)) is not None
        and c.is_mpim
        and {carol, dev} <= set(c.members)
    ]
    assert together, "Carol and Dev were never introduced"
    await slack.emu.click_button(carol, "Solved")
    await slack.drain()
    thanks = [m for m in slack.emu.dm_messages(carol) if m.bot_id and "solved" in m.text.lower()]
    assert thanks, "Carol never heard her question was marked solved"
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert [(f.method, f.last_error) for f in failed] == []


async def test_a_question_whose_link_slack_refuses_still_reaches_colleagues(
    slack: SlackHarness,
) -> None:
    """Slack will not give a link to the question's message (`channel_not_found`: the
    channel was deleted meanwhile): each colleague is still asked, without the link."""
    slack.emu.faults.add("chat.getPermalink", error="channel_not_found", times=None)
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    asked = [
        m
        for handle in ("bob", "dev", "maria", "alice")
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.bot_id and "has a question" in m.text
    ]
    assert asked and all("See the question in Slack" not in str(m.blocks) for m in asked)
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert [(f.method, f.last_error) for f in failed] == []
