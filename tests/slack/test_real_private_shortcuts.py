"""*Give kudos* and *Find an expert* used on a message in a private channel the bot is in, in
Slack's shape (`tests/slack/payloads/`: `channel.name` `privategroup`), signed and sent
through the real front door, each again as a duplicate."""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import kudos_posts, ledger, prefilled, submit_modal
from tests.slack.test_real_payloads import QUESTION, real, send, warnings

pytestmark = pytest.mark.database_independent
FORM = "application/x-www-form-urlencoded"


def in_secret(slack: SlackHarness, name: str) -> str:
    """The named shortcut, its `response_url` Alice's in #secret, where Slack issues it."""
    payload = real(slack, name)["payload"]
    payload["response_url"] = slack.here.response_url(slack.user("alice"), slack.channel("secret"))
    return urlencode({"payload": json.dumps(payload)})


async def test_shortcuts_in_a_private_channel_keep_it_private(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The form opens once with Bob, the message's author, in it; submitted, the kudos is
    private and its shout-out goes to #secret alone. The question is asked once, privately,
    about Alice's message. Nothing is logged as a problem."""
    caplog.set_level(logging.INFO)
    body = in_secret(slack, "give_kudos_in_a_private_channel")
    assert [await send(slack, FORM, body) for _ in range(2)] == [(200, "")] * 2
    modal = slack.here.open_modal(slack.user("alice"))
    assert modal is not None and len(slack.emu.calls_to("views.open")) == 1
    assert prefilled(modal) == [slack.user("bob")]
    await submit_modal(slack, "alice", modal, reason="shipped the partner release")
    await slack.drain()
    (kudos,) = await ledger(slack)
    assert (kudos.receiver_user_id, kudos.is_private) == (slack.user("bob"), True)
    assert len(kudos_posts(slack, "secret")) == 1 and kudos_posts(slack, "general") == []
    body = in_secret(slack, "find_expert_in_a_private_channel")
    assert [await send(slack, FORM, body) for _ in range(2)] == [(200, "")] * 2
    async with slack.services.sessions() as s:
        asked = list(await s.scalars(select(Question)))
    assert [(q.source, q.is_private, q.text) for q in asked] == [("shortcut", True, QUESTION)]
    assert asked[0].asker_user_id == slack.user("alice")
    assert warnings(caplog) == []
