"""A mention of the bot in two shapes Slack really sends, through the emulator: a question
posted with a screenshot (a `file_share` message, and an `app_mention` carrying the files:
seratch/seratch-slack-types#8), and a thread reply also sent to the channel (its
`app_mention` keeps `subtype: thread_broadcast` and the thread's `root`: soxtoby/SlackNet#69,
a captured payload). Each is one question, however many events and retries Slack sends for
it, and a watched channel offers no "Find an expert" beside it."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import rows
from tests.slack.questions.test_solved_first import QUESTION

pytestmark = pytest.mark.database_independent


async def watch_general(slack: SlackHarness) -> None:
    await slack.services.watching.set_watching(
        slack.team_id, slack.channel("general"), slack.user("alice"), True
    )


def offered_help(slack: SlackHarness, handle: str) -> list[str]:
    """The "Find an expert" offers a watched channel showed this person."""
    shown = slack.emu.ephemerals(slack.user(handle))
    return [e.text for e in shown if "Find an expert" in str(e.blocks)]


def offers_sent(slack: SlackHarness) -> list[str]:
    """Every offer DM the bot sent anyone (an *I can help* button in it)."""
    return [
        m.ts
        for handle in slack.users
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.bot_id and "offer_accept" in str(m.blocks)
    ]


async def test_a_question_with_a_screenshot_mentioning_the_bot_is_asked_once(
    slack: SlackHarness,
) -> None:
    """Carol asks `@askaround …` in watched #general with a screenshot attached: Slack sends
    the `file_share` message and the `app_mention`, each again as its retry. One question in
    her words, one round of offers, and no offer of help beside a message that asked already."""
    await watch_general(slack)
    text = f"<@{slack.emu.bot_user_id}> {QUESTION}"
    message, deliveries = await slack.here.post_message(
        slack.user("carol"), slack.channel("general"), text, files=("terraform-error.png",)
    )
    assert {d.payload["event"].get("subtype") for d in deliveries} == {"file_share", None}
    await slack.settle()
    question, offers = await rows(slack)
    sent = offers_sent(slack)
    assert question.asker_user_id == slack.user("carol") and question.text == QUESTION
    assert question.message_ts == message.ts and offers and len(sent) == len(offers)
    for delivery in deliveries:
        await slack.emu.redeliver(delivery)
    await slack.settle()
    assert [o.id for o in (await rows(slack))[1]] == [o.id for o in offers]
    assert offers_sent(slack) == sent
    assert offered_help(slack, "carol") == []


async def test_a_mention_also_sent_to_the_channel_is_asked_once_in_its_thread(
    slack: SlackHarness,
) -> None:
    """Carol replies in Bob's thread, `@askaround …`, with "Also send to #general" ticked:
    one question, about her reply and in Bob's thread, however often Slack sends it; her
    edit of it asks nobody again."""
    await watch_general(slack)
    parent = await slack.post("bob", "general", "release thread for 4.2")
    bot = f"<@{slack.emu.bot_user_id}>"
    reply, deliveries = await slack.here.post_message(
        slack.user("carol"),
        slack.channel("general"),
        f"{bot} {QUESTION}",
        thread_ts=parent.ts,
        broadcast=True,
    )
    assert {d.payload["event"]["subtype"] for d in deliveries} == {"thread_broadcast"}
    await slack.settle()
    question, offers = await rows(slack)
    assert question.asker_user_id == slack.user("carol") and question.text == QUESTION
    assert (question.message_ts, question.thread_ts) == (reply.ts, parent.ts)
    sent = offers_sent(slack)
    assert offers and len(sent) == len(offers)
    for delivery in deliveries:
        await slack.emu.redeliver(delivery)
    await slack.here.edit_message(slack.user("carol"), reply, f"{bot} {QUESTION} (prod)")
    await slack.settle()
    assert len((await rows(slack))[1]) == len(offers) and offers_sent(slack) == sent
    assert offered_help(slack, "carol") == []
