"""Asking from places the bot cannot post in, or that Bolt reads in its own way: a private
channel the bot was never added to, and a reply in a thread of the bot's DM."""

from __future__ import annotations

import json
import logging

import pytest

from handlers.client import marks
from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import envelope, questions, send

QUESTION = "how do we unlock a stuck terraform state in production?"


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def test_find_an_expert_in_a_private_channel_without_the_bot_asks_for_consent(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack offers message shortcuts in every conversation; the bot cannot post an ephemeral
    where it is not a member, but the shortcut's response_url reaches the person anywhere."""
    caplog.set_level(logging.INFO)
    hidden = slack.here.workspace.add_channel(
        "hidden", is_private=True, members=[slack.user("alice"), slack.user("carol")],
        include_bot=False,
    )  # fmt: skip
    message, _ = await slack.here.post_message(slack.user("carol"), hidden.id, QUESTION)
    await slack.settle()
    delivery = await slack.emu.message_shortcut(slack.user("alice"), "find_expert", message)
    await slack.settle()
    assert delivery.ok and errors(caplog) == []
    assert await questions(slack) == 1
    shown = slack.emu.ephemerals(slack.user("alice"))
    (consent,) = [e for e in shown if "This conversation is private" in e.text + str(e.blocks)]
    await slack.here.click(slack.user("alice"), "question_consent", message=consent)
    await slack.drain()
    assert errors(caplog) == []
    asked = [m.text for m in slack.emu.dm_messages(slack.user("dev")) if m.by_bot]
    assert [t for t in asked if "terraform" in t.lower()], asked


async def test_a_question_in_a_thread_of_the_bots_dm_is_asked_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """alice replies in a thread under the bot's DM, and Slack retries the event twice. Bolt
    would take that for an AI-assistant thread (read the thread, stamp metadata); askaround
    is no assistant app, so it answers as to any DM."""
    caplog.set_level(logging.INFO)
    alice = slack.user("alice")
    dm = slack.here.workspace.open_im(alice).id
    await slack.here.post_message(alice, dm, "hi")
    await slack.settle()
    greeting = [m for m in slack.emu.dm_messages(alice) if m.by_bot][-1]
    _, deliveries = await slack.here.post_message(alice, dm, QUESTION, thread_ts=greeting.ts)
    await slack.settle()
    for delivery in deliveries:
        await slack.emu.redeliver(delivery, 2)  # X-Slack-Retry-Num 1 and 2
    await slack.settle()
    assert errors(caplog) == []
    assert await questions(slack) == 1
    posted = [c.args for c in slack.emu.calls_to("chat.postMessage") if c.args.get("channel") == dm]
    # The outbox marks what it posts (the greeting, `marks.EVENT_TYPE`); nothing else may.
    stamped = [
        a
        for a in posted
        if (a.get("metadata") or {}).get("event_type", marks.EVENT_TYPE) != marks.EVENT_TYPE
    ]
    assert posted and not stamped
    assert slack.emu.calls_to("conversations.replies") == []


async def test_a_dm_thread_whose_parent_is_gone_still_gets_its_answer(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The same in a thread Slack cannot find any more (`thread_not_found`): the consent
    prompt still reaches the asker."""
    caplog.set_level(logging.INFO)
    alice = slack.user("alice")
    dm = slack.here.workspace.open_im(alice).id
    event = {
        "type": "message",
        "text": QUESTION,
        "user": alice,
        "ts": "1700000000.000300",
        "thread_ts": "1700000000.000001",
        "parent_user_id": slack.here.bot_user_id,
        "channel": dm,
        "event_ts": "1700000000.000300",
        "channel_type": "im",
        "team": slack.team_id,
    }
    status, _ = await send(slack, "application/json", json.dumps(envelope(slack, event)))
    assert status == 200 and errors(caplog) == []
    assert await questions(slack) == 1
    told = [m.text for m in slack.emu.dm_messages(alice) if m.by_bot]
    assert told and "went wrong" not in " ".join(told), told
