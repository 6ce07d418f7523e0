"""Slack sends a `message.*` subscriber the app's own posts too: each message the bot posts,
edits (`chat.update`, a hidden `message_changed`) and deletes (`message_deleted`), with its
`bot_id`. The emulator delivers none of them, so these tests send them as Slack would, signed,
through the front door, after the flows that post, edit and delete the most (a question
asked, taken on and solved; kudos given and undone), and check that nothing changes: no
question, offer or kudos moves, nobody is told anything, nothing is logged as a problem."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from sqlalchemy import select

from slack_emulator import payloads, shapes
from storage.models import Kudos, Offer, Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give
from tests.slack.questions.test_flow import ask, offer_dm
from tests.slack.test_real_payloads import envelope, said, send, warnings

REASON = "@bob for untangling the release #teamwork"


async def _kept(slack: SlackHarness) -> list[Any]:
    async with slack.services.sessions() as s:
        return [
            [(q.id, q.status, q.text, q.helper_user_id) for q in await s.scalars(select(Question))],
            [(o.id, o.status) for o in await s.scalars(select(Offer))],
            [(k.id, k.source, k.undone_at) for k in await s.scalars(select(Kudos))],
        ]


async def _own_events_sent(slack: SlackHarness) -> int:
    """Every post of the bot's as its `message` event, each of its edits as a
    `message_changed` and each deletion as a `message_deleted`; how many were sent."""
    ws = slack.emu.workspace
    events: list[dict[str, Any]] = []
    for message in [m for m in ws.chat.messages if m.by_bot]:
        channel = ws.channel(message.channel)
        now = shapes.message_json(ws, message)
        if message.deleted:
            events.append(payloads.message_deleted_event(ws, now, channel))
            continue
        events.append(payloads.message_event(ws, message, channel))
        for before in message.revisions:
            previous = {k: v for k, v in now.items() if k != "edited"}
            previous |= {"text": before.text, "blocks": before.blocks}
            events.append(payloads.message_changed_event(ws, message, previous, channel))
    for event in events:
        assert await send(slack, "application/json", json.dumps(envelope(slack, event))) == (
            200,
            "",
        )
    return len(events)


async def _unchanged_by_own_events(slack: SlackHarness, caplog: pytest.LogCaptureFixture) -> None:
    await slack.drain()
    kept, told = await _kept(slack), said(slack)
    assert await _own_events_sent(slack) > 5
    await slack.drain()
    assert await _kept(slack) == kept
    assert said(slack) == told
    assert warnings(caplog) == []


async def test_a_question_taken_on_hears_its_own_posts_and_edits_as_nothing(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """A mention asks, Dev takes it on (the others' requests edited), kudos are given: the
    bot's thread replies, DMs, shout-out and edits come back as events, and change nothing."""
    caplog.set_level(logging.INFO)
    await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await give(slack, "alice", REASON)
    await _unchanged_by_own_events(slack, caplog)


async def test_a_question_asked_in_the_dm_and_kudos_undone_hear_their_own_posts_as_nothing(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """A question in the DM with the bot, asked of colleagues, taken on and solved; kudos
    given and undone (the shout-out and DM deleted): the bot's posts, edits and deletions
    in the DMs come back as events, and change nothing."""
    caplog.set_level(logging.INFO)
    alice = slack.user("alice")
    dm = slack.emu.workspace.open_im(alice)
    await slack.emu.post_message(alice, dm.id, "how do we unlock a stuck terraform state?")
    await slack.settle()
    await slack.emu.click_button(alice, "Ask colleagues privately")
    await slack.settle()
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.emu.click_button(alice, "Solved")
    await give(slack, "alice", REASON)
    await slack.emu.click_button(alice, "Undo")
    [(status,)] = [(q[1],) for q in (await _kept(slack))[0]]
    assert status == "solved"
    assert any(m.deleted and m.by_bot for m in slack.emu.workspace.chat.messages)
    await _unchanged_by_own_events(slack, caplog)
