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


async def test_what_the_archived_thread_cannot_take_says_which_question_it_is_about(
    slack: SlackHarness,
) -> None:
    """Carol's question in #launch is taken on by Dev, then #launch is archived and Carol
    presses Solved in their group DM: the offer to thank Dev, which the thread no longer
    takes, comes to her DM saying which question and channel it is about, as one the thread
    kept failing does. It came bare, "Solved! Want to thank @Dev for helping?", in a DM
    where nothing said which question was solved."""
    channel = launch(slack)
    await slack.post("carol", "launch", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=dev_dm)
    await slack.drain()
    await slack.emu.archive_channel(channel, by=slack.user("carol"))
    await slack.settle()
    carol = slack.user("carol")
    await slack.emu.click_button(carol, "Solved")
    await slack.drain()
    [thanks] = [m for m in slack.emu.dm_messages(carol) if m.bot_id and "Want to thank" in m.text]
    assert f"About question #1 in <#{channel}>" in thanks.text, thanks.text


async def test_the_asking_list_the_thread_refused_keeps_saying_which_question_when_redrawn(
    slack: SlackHarness,
) -> None:
    """#launch takes no post from the bot (`is_archived`, as Slack answers once it is
    archived): Carol's list of who is asked comes to her DM saying which question it is
    about, and still says so once Dev takes the question on and it is drawn again."""
    channel = launch(slack)
    slack.emu.faults.add("chat.postMessage", error="is_archived", times=None, channel=channel)
    await slack.post("carol", "launch", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    carol = slack.user("carol")
    [listed] = [m for m in slack.emu.dm_messages(carol) if m.bot_id and "colleague" in m.text]
    assert f"About question #1 in <#{channel}>" in listed.text, listed.text
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=dev_dm)
    await slack.drain()
    [listed] = [m for m in slack.emu.dm_messages(carol) if m.ts == listed.ts]
    shown = f"{listed.text}\n{listed.blocks}"
    assert "is helping you" in shown and f"About question #1 in <#{channel}>" in shown, shown
