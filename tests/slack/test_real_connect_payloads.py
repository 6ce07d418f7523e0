"""Slack Connect events as Slack sends them, where they name teams unlike the emulator: an
`app_mention` in a channel shared with another organisation names the person's home as
their Enterprise Grid organisation (`user_team`, `source_team` and `user_profile.team` an
`E…` id, `team` the installed workspace), as bolt-python's own fixture of one shows
(slackapi/bolt-python tests/slack_bolt/request/test_internals.py,
`slack_connect_events_api_no_actor_team_requests`; its `extract_actor_team_id` notes that
`user_team` "can be an enterprise_id in app_mention events"). An interaction there names as
the person's team (`user.team_id`) the one workspace of their organisation they call home,
whichever workspace they act in (slackapi/bolt-js issue #1875, its maintainer's answer), and
their organisation in `enterprise` (the Slack Connect `view_submission` of bolt-python's
tests/scenario_tests_async/test_view_submission.py, `connect_channel_payload`). Signed and
sent through the real front door."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from handlers.client.directory import GUEST_GIVES
from handlers.surfaces.asking import FROM_ELSEWHERE
from slack_emulator import payloads, shapes
from storage.models import Question
from tests.slack.connect import shared
from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import QUESTION, envelope, real, send

pytestmark = pytest.mark.database_independent
FORM = "application/x-www-form-urlencoded"
GRID = "E0GRIDORG"  # the organisation this workspace is part of
OTHER_GRID = "E0OTHERORG"
GRID_HOME = "T0GRIDHOME"  # another workspace of the organisation, where Alice is at home


def in_grid(slack: SlackHarness) -> None:
    """This workspace is one of the organisation `GRID`'s (`auth.test` says so, as Slack's
    does), with #partners shared with another organisation, whose guest Carol is."""
    slack.here.workspace.enterprise_id = GRID
    shared(slack, ("alice", "bob", "carol"))


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
    in_grid(slack)
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
    in_grid(slack)
    body = json.dumps(grid_mention(slack, "carol", OTHER_GRID))
    assert await send(slack, "application/json", body) == (200, "")
    assert await asked(slack) == []
    assert told(slack, "carol") == [FROM_ELSEWHERE]


def find_expert_from(
    slack: SlackHarness, handle: str, home: str, org: str, shortcut: str = "find_expert"
) -> str:
    """*Find an expert* (or `shortcut`) on a thread reply in #partners, by `handle`, whose
    team Slack names as `home` and organisation as `org`."""
    payload = real(slack, f"{shortcut}_on_a_thread_reply")["payload"]
    payload["channel"] = {"id": slack.channel("partners"), "name": "partners"}
    payload["user"] |= {"id": slack.user(handle), "name": handle, "team_id": home}
    payload["response_url"] = slack.here.response_url(slack.user(handle), slack.channel("partners"))
    payload["message"]["user"] = slack.user(handle)
    payload["team"]["enterprise_id"] = GRID
    payload["enterprise"] = {"id": org, "name": "Sandbox Org"}
    return urlencode({"payload": json.dumps(payload)})


async def test_find_an_expert_by_a_member_at_home_in_another_grid_workspace_is_asked(
    slack: SlackHarness,
) -> None:
    """Alice uses *Find an expert* in #partners, and Slack names her team as another
    workspace of this one's Grid organisation: her question is asked once, not refused as a
    guest's (before: her `user.team_id` was not this workspace's)."""
    in_grid(slack)
    body = find_expert_from(slack, "alice", GRID_HOME, GRID)
    for _ in range(2):
        assert await send(slack, FORM, body) == (200, "")
    (question,) = await asked(slack)
    assert question.asker_user_id == slack.user("alice") and question.source == "shortcut"


async def test_find_an_expert_by_a_guest_of_another_grid_org_is_refused(
    slack: SlackHarness,
) -> None:
    """Carol, of another organisation, named by her own team and organisation: told she is
    a guest from another organisation, and nothing is asked for her."""
    in_grid(slack)
    body = find_expert_from(slack, "carol", "T0OTHERORG", OTHER_GRID)
    assert await send(slack, FORM, body) == (200, "")
    assert await asked(slack) == []
    assert told(slack, "carol") == [FROM_ELSEWHERE]


async def test_give_kudos_by_a_guest_of_a_grid_org_is_refused_in_a_workspace_outside_one(
    slack: SlackHarness,
) -> None:
    """This workspace is in no Grid organisation; Carol, a guest whose own is one, uses
    *Give kudos* in #partners, Slack naming her organisation in `enterprise`: refused as a
    guest, no form opened. Her organisation is not taken for this workspace's."""
    shared(slack, ("alice", "bob", "carol"))
    body = find_expert_from(slack, "carol", "T0OTHERORG", OTHER_GRID, shortcut="give_kudos")
    assert await send(slack, FORM, body) == (200, "")
    assert slack.here.open_modal(slack.user("carol")) is None
    assert told(slack, "carol") == [GUEST_GIVES]
