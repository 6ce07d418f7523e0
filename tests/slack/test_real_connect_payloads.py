"""Slack Connect events as Slack sends them, where they name teams unlike the emulator: an
`app_mention` in a channel shared with another organisation names the person's home as
their Enterprise Grid organisation (`user_team`, `source_team` and `user_profile.team` an
`E…` id, `team` the installed workspace), as bolt-python's own fixture of one shows
(slackapi/bolt-python tests/slack_bolt/request/test_internals.py,
`slack_connect_events_api_no_actor_team_requests`; its `extract_actor_team_id` notes that
`user_team` "can be an enterprise_id in app_mention events"). Signed and sent through the
real front door."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from handlers.surfaces.questions import FROM_ELSEWHERE
from slack_emulator import payloads, shapes
from storage.models import Question
from tests.slack.connect import shared
from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import QUESTION, envelope, send

pytestmark = pytest.mark.database_independent
GRID = "E0GRIDORG"  # the organisation this workspace is part of
OTHER_GRID = "E0OTHERORG"


def grid_mention(slack: SlackHarness, handle: str, org: str) -> dict[str, Any]:
    """`handle` mentions the bot in #partners, their home named as the Grid org `org`; the
    envelope names this workspace's install, of the organisation `GRID`."""
    ws = slack.here.workspace
    text = f"<@{ws.bot_user_id}> {QUESTION}"
    message = ws.chat.post(
        slack.channel("partners"), slack.user(handle), text, blocks=shapes.rich_text(text)
    )
    event = payloads.app_mention_event(ws, message)
    event |= {"team": slack.team_id, "user_team": org, "source_team": org}
    event["user_profile"] = {"team": org}
    body = envelope(slack, event) | {"is_ext_shared_channel": True, "enterprise_id": GRID}
    body["context_enterprise_id"] = GRID
    body["authorizations"][0]["enterprise_id"] = GRID
    return body


async def asked(slack: SlackHarness) -> list[Question]:
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(Question)))


def told(slack: SlackHarness, handle: str) -> list[str]:
    return [e.text for e in slack.emu.ephemerals() if e.user == slack.user(handle)]


async def test_a_mention_by_a_member_named_by_their_grid_org_is_asked(
    slack: SlackHarness,
) -> None:
    """Alice, of this workspace, mentions the bot in #partners and Slack names her home as
    this workspace's Grid organisation: she is asked once, not told she is a guest from
    another organisation (before: `user_team` `E…` differed from the workspace's `T…`)."""
    shared(slack, ("alice", "bob", "carol"))
    body = json.dumps(grid_mention(slack, "alice", GRID))
    assert await send(slack, "application/json", body) == (200, "")
    assert await send(slack, "application/json", body, retry=1) == (200, "")
    (question,) = await asked(slack)
    assert question.asker_user_id == slack.user("alice") and question.text == QUESTION
    assert FROM_ELSEWHERE not in told(slack, "alice")


async def test_a_mention_by_a_guest_named_by_another_grid_org_is_refused(
    slack: SlackHarness,
) -> None:
    """Carol, a guest from another organisation, named by her own Grid org: still told she
    is one, and nothing is asked."""
    shared(slack, ("alice", "bob", "carol"))
    body = json.dumps(grid_mention(slack, "carol", OTHER_GRID))
    assert await send(slack, "application/json", body) == (200, "")
    assert await asked(slack) == []
    assert told(slack, "carol") == [FROM_ELSEWHERE]
