"""askaround's own buttons pressed in the shapes Slack's reference gives a click
(`tests/slack/payloads/`), signed and sent through the real front door: *I can help* in the
request's DM, *Solved* under the question in its thread, each sent twice (a double click)."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from storage.models import Offer, Question
from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import form_of, real, said, send, warnings

pytestmark = pytest.mark.database_independent

QUESTION = "how do we unlock a stuck terraform state?"


async def test_i_can_help_in_the_dm_then_solved_in_the_thread_each_take_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice asks in #general; Bob presses *I can help* in his DM (a top-level message of
    the bot's, `channel.name` `directmessage`), then Alice *Solved* in her question's thread
    (`container.thread_ts`, the message's `parent_user_id`). Bob is her helper and the
    question is solved, each once: the second press of each adds nothing to the thread."""
    caplog.set_level(logging.INFO)
    bot = slack.emu.bot_user_id
    asked = await slack.post("alice", "general", f"<@{bot}> {QUESTION}")
    await slack.settle()
    async with slack.services.sessions() as s:
        question = (await s.scalars(select(Question))).one()
        offer = (
            await s.scalars(select(Offer).filter_by(candidate_user_id=slack.user("bob")))
        ).one()
    [request] = [m for m in slack.emu.dm_messages(slack.user("bob")) if m.by_bot]
    [status] = [
        m
        for m in slack.emu.messages(slack.channel("general"))
        if m.by_bot and m.thread_ts == asked.ts and "question_solved" in str(m.blocks)
    ]

    press = real(slack, "offer_accept_in_the_requests_dm")["payload"]
    press["container"] |= {"channel_id": request.channel, "message_ts": request.ts}
    press["channel"]["id"] = request.channel
    press["message"] |= {"ts": request.ts, "text": request.text, "blocks": request.blocks}
    press["actions"][0]["value"] = str(offer.id)
    press["response_url"] = slack.here.response_url(slack.user("bob"), request.channel)

    solve = real(slack, "solved_in_the_questions_thread")["payload"]
    solve["container"] |= {"message_ts": status.ts, "thread_ts": asked.ts}
    solve["message"] |= {"ts": status.ts, "thread_ts": asked.ts, "blocks": status.blocks}
    solve["actions"][0]["value"] = str(question.id)

    statuses = []
    for payload in (press, solve):
        content_type, body = form_of(payload)
        thread_before: list[str] = []
        for n in range(2):
            assert await send(slack, content_type, body) == (200, "")
            await slack.drain()
            thread = [
                m.text
                for m in slack.emu.messages(slack.channel("general"))
                if m.thread_ts == asked.ts
            ]
            assert n == 0 or thread == thread_before, payload["actions"][0]["action_id"]
            thread_before = thread
        async with slack.services.sessions() as s:
            now = await s.get(Question, question.id)
            assert now is not None
            statuses.append((now.status, now.helper_user_id))
    assert statuses == [("connected", slack.user("bob")), ("solved", slack.user("bob"))]
    assert not [t for t in said(slack) if "went wrong" in t.lower()]
    assert warnings(caplog) == []
