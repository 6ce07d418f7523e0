"""Edits as Slack's published examples send them (`tests/data/slack/real_payloads.json`),
signed and sent through the real front door, against the emulator and a real database."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select

from handlers.dispatch.friendly import SLACK_BUSY
from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import (
    QUESTION,
    asked_once_by_alice,
    body_of,
    envelope,
    real,
    said,
    send,
    warnings,
)

pytestmark = pytest.mark.database_independent


async def test_a_dm_edit_whose_message_names_no_ts_is_asked_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """bolt-python's `message_changed` names the edited message's ts in `previous_message`
    alone. In the DM, the edit is the question, asked once in its edited words however often
    Slack sends it (before, reading the missing `ts` raised: nothing was asked, nobody was
    told, and the log had an unexpected KeyError)."""
    caplog.set_level(logging.INFO)
    asked = await asked_once_by_alice(slack, "message_changed_without_its_ts_in_a_dm")
    assert asked.text == QUESTION and asked.message_ts == "1665102538.901939"
    assert warnings(caplog) == []


async def test_a_mentions_edit_whose_message_names_no_ts_changes_its_question(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The same shape for a mention in #general asked already: the question takes the edited
    words (before, the edit was taken for one of a message "None" and dropped)."""
    caplog.set_level(logging.INFO)
    bot = slack.here.bot_user_id
    posted, _ = await slack.here.post_message(
        slack.user("alice"), slack.channel("general"), f"<@{bot}> {QUESTION}"
    )
    await slack.settle()
    event = real(slack, "message_changed_without_its_ts")["event"]
    event["previous_message"]["ts"] = posted.ts
    event["message"]["text"] = f"<@{bot}> {QUESTION} (prod only)"
    body = json.dumps(envelope(slack, event))
    for retry in (0, 1):
        assert await send(slack, "application/json", body, retry=retry) == (200, "")
    async with slack.services.sessions() as s:
        (asked,) = await s.scalars(select(Question))
    assert asked.text == f"{QUESTION} (prod only)"
    assert warnings(caplog) == []


async def test_a_dm_edit_slack_fails_to_describe_its_author_for_is_answered_try_again(
    slack: SlackHarness,
) -> None:
    """The edit in the DM of a question not asked yet, while Slack fails (a 503 from
    users.info, after the client's retries): its author is shown in the DM that they should
    try again, as for the message itself. Before, the person behind a `message_changed` was
    looked for in the event's `user`, which an edit names only in its `message`, and nobody
    was told."""
    slack.emu.faults.add("users.info", status=503, times=None)
    assert await send(slack, *body_of(slack, "message_changed_in_a_dm")) == (200, "")
    await slack.drain()
    assert [(e.user, e.text) for e in slack.emu.ephemerals()] == [(slack.user("alice"), SLACK_BUSY)]


async def test_slacks_updates_of_a_dm_question_ask_once_and_keep_its_edited_words(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """A question with a link in the DM, its first delivery lost to a timeout (Slack's retry,
    `http_timeout`, is all that arrives), then the `message_changed` Slack sends as its link
    is unfurled and once the bot has replied under it (no `edited` in either: not the
    person's edits), then Alice's own edit of it, now a thread's first message, each sent
    twice: one question, in the edited words, and nothing more said than the first answer."""
    caplog.set_level(logging.INFO)
    events = real(slack, "dm_question_unfurled_replied_under_and_edited")["events"]
    said_first: list[str] = []
    for name, event in events.items():
        body = json.dumps(envelope(slack, event))
        for retry in (1, 2) if name == "asked" else (0, 1):
            assert await send(slack, "application/json", body, retry, "http_timeout") == (200, "")
        await slack.drain()
        said_first = said_first or said(slack)
        async with slack.services.sessions() as s:
            (asked,) = await s.scalars(select(Question))
        assert asked.asker_user_id == slack.user("alice"), name
    assert "in staging?" in asked.text and "production" not in asked.text
    assert said_first and said(slack) == said_first
    assert warnings(caplog) == []
