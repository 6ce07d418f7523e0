"""A message in a channel in the shape of Slack's `message` event reference, which names no
`channel_type` (`tests/data/slack/real_payloads.json`, signed and posted as in
`test_real_payloads`): a watched public channel's question is offered help as it is with the
`channel_type` `message.channels` adds; a private channel's never is."""

from __future__ import annotations

import logging

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import body_of, questions, send, warnings
from tests.slack.test_real_typed_messages import offers

pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    ("name", "channel", "offered"),
    [
        ("message_in_a_channel_without_channel_type", "general", 1),
        ("message_in_a_private_channel_without_channel_type", "secret", 0),
    ],
)
async def test_a_question_in_a_watched_channel_without_its_channel_type(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str, channel: str, offered: int
) -> None:
    """Alice's question in a watched channel, in an event that names no `channel_type`: in
    #general she is offered help once, however often Slack sends it (before, the event was
    taken for no conversation the bot watches, and left); in a private channel, watched or
    not, never, as a `message.groups` event is not. Nobody is asked until she says so."""
    caplog.set_level(logging.INFO)
    await slack.services.watching.set_watching(
        slack.team_id, slack.channel(channel), slack.user("maria"), True
    )
    content_type, body = body_of(slack, name)
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    assert len(offers(slack, "alice")) == offered
    assert await questions(slack) == 0 and warnings(caplog) == []
