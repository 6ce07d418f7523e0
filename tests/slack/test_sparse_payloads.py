"""Requests with only what Slack's reference documents as always there: an Events API
envelope without `authorizations`, `event_context`, `event_time`; a slash command without
`enterprise_id`, `is_enterprise_install`, `api_app_id`, `channel_name`, `user_name`; a
`block_actions` without `container` or `message`, its `user` without `username` or `name`; a
message event without `client_msg_id`, `blocks` or `team`; `app_home_opened` without `tab` or
`view`. A Slack (or a stand-in for it) that sends no more still gets its work done."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import ledger
from tests.slack.test_real_payloads import send

pytestmark = pytest.mark.database_independent

QUESTION = "how do we rotate the postgres credentials in production?"


def sparse_envelope(slack: SlackHarness, event: dict[str, Any], event_id: str) -> str:
    return json.dumps(
        {
            "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
            "team_id": slack.team_id,
            "api_app_id": slack.here.workspace.app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
        }
    )


async def test_a_sparse_dm_message_in_a_sparse_envelope_is_asked(slack: SlackHarness) -> None:
    """A question typed in a DM to the bot: stored as a question waiting for consent."""
    alice = slack.user("alice")
    im = slack.here.workspace.open_im(alice).id
    event = {
        "type": "message",
        "channel": im,
        "user": alice,
        "text": QUESTION,
        "ts": f"{time.time():.6f}",
        "channel_type": "im",
    }
    status, _ = await send(slack, "application/json", sparse_envelope(slack, event, "Ev0SPARSE1"))
    assert status == 200
    async with slack.services.sessions() as s:
        [question] = (await s.scalars(select(Question))).all()
    assert question.asker_user_id == alice and "postgres credentials" in question.text


async def test_a_sparse_slash_command_gives_kudos(slack: SlackHarness) -> None:
    """`/kudos` with only the documented fields a workspace install always has."""
    bob = slack.user("bob")
    form = {
        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        "team_id": slack.team_id,
        "team_domain": "example",
        "channel_id": slack.channel("general"),
        "user_id": slack.user("alice"),
        "command": "/kudos",
        "text": f"<@{bob}> for untangling the release",
        "response_url": slack.here.response_url(slack.user("alice"), slack.channel("general")),
        "trigger_id": slack.here.workspace.views.issue_trigger(slack.user("alice")),
    }
    status, _ = await send(slack, "application/x-www-form-urlencoded", urlencode(form))
    assert status == 200
    assert [k.receiver_user_id for k in await ledger(slack)] == [bob]


async def test_a_sparse_block_action_opens_the_profile_editor(slack: SlackHarness) -> None:
    """*Edit profile* pressed, the payload without `container`, `message` or `view`, its user
    only an id and a team."""
    alice = slack.user("alice")
    payload = {
        "type": "block_actions",
        "user": {"id": alice, "team_id": slack.team_id},
        "api_app_id": slack.here.workspace.app_id,
        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        "team": {"id": slack.team_id, "domain": "example"},
        "trigger_id": slack.here.workspace.views.issue_trigger(alice),
        "actions": [
            {
                "type": "button",
                "action_id": "skills_edit_profile",
                "block_id": "home_profile",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    body = urlencode({"payload": json.dumps(payload)})
    status, _ = await send(slack, "application/x-www-form-urlencoded", body)
    assert status == 200
    assert slack.here.open_modal(alice) is not None


async def test_app_home_opened_without_tab_or_view_publishes_home(slack: SlackHarness) -> None:
    """`tab` is how Slack tells the Home tab from the Messages tab; an event without it is
    the app's Home opened, and is published (it was left unpublished)."""
    alice = slack.user("alice")
    event = {
        "type": "app_home_opened",
        "user": alice,
        "channel": slack.here.workspace.open_im(alice).id,
        "event_ts": f"{time.time():.6f}",
    }
    status, _ = await send(slack, "application/json", sparse_envelope(slack, event, "Ev0SPARSE2"))
    assert status == 200
    await slack.drain()
    home = slack.here.home_view(alice)
    assert home is not None and "Your expertise profile" in str(home.blocks)
