"""Slack Connect interactions in OAuth mode, as Slack sends them: in a channel shared with
another organisation, a button pressed or a shortcut used there names as `team` the
workspace that installed the app (slackapi/java-slack-sdk issue #1041: "the team_id being
assigned is ... of the app who initially submitted the message"; a form, by
`view.app_installed_team_id`, bolt-js issue #1614), and as `enterprise` the person's own
Enterprise Grid organisation, or none (bolt-python tests/scenario_tests_async/
test_view_submission.py, `connect_channel_payload`). Bolt looks the installation up by
organisation and workspace both, so the person's organisation must not be taken for the
installation's. Signed and sent through the real front door of a bot that knows its
workspace by its OAuth install."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from handlers.client.directory import GUEST_GIVES
from handlers.surfaces.asking import FROM_ELSEWHERE
from storage.models import Question
from tests.slack.connect import OTHER_ORG, shared
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_real_connect_payloads import GRID, GRID_HOME, OTHER_GRID
from tests.slack.test_real_payloads import QUESTION, real, send, warnings

FORM = "application/x-www-form-urlencoded"


@asynccontextmanager
async def installed(tmp_path: Path, org: str | None) -> AsyncIterator[SlackHarness]:
    """A workspace that installed askaround through OAuth (under the Grid organisation
    `org`, or outside any), with #partners shared with another organisation, whose guest
    Carol is."""
    async with bot_in_process(tmp_path, oauth=True) as slack:
        slack.here.workspace.enterprise_id = org
        assert (await slack.install()).status == 200
        shared(slack, ("alice", "bob", "carol"))
        yield slack


def as_in_partners(
    slack: SlackHarness, payload: dict[str, Any], handle: str, home: str, org: str | None
) -> str:
    """`payload` by `handle` in #partners, Slack naming their team `home` and their
    organisation `org`, and as `team` this workspace."""
    ws = slack.here.workspace
    payload["channel"] = {"id": slack.channel("partners"), "name": "partners"}
    payload["user"] |= {"id": slack.user(handle), "name": handle, "team_id": home}
    payload["response_url"] = slack.here.response_url(slack.user(handle), slack.channel("partners"))
    payload["team"] = {"id": slack.team_id, "domain": "example"}
    if ws.enterprise_id is not None:
        payload["team"] |= {"enterprise_id": ws.enterprise_id, "enterprise_name": "Grid"}
    payload["enterprise"] = {"id": org, "name": "Sandbox Org"} if org else None
    return urlencode({"payload": json.dumps(payload)})


def told(slack: SlackHarness, handle: str) -> list[str]:
    return [e.text for e in slack.emu.ephemerals() if e.user == slack.user(handle)]


async def asked(slack: SlackHarness) -> list[Question]:
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(Question)))


# (this workspace's organisation, Carol's)
ORGANISATIONS = [(None, OTHER_GRID), (GRID, OTHER_GRID), (GRID, None)]


@pytest.mark.parametrize(("ours", "hers"), ORGANISATIONS)
async def test_a_guests_shortcuts_in_a_shared_channel_are_refused_as_a_guest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, ours: str | None, hers: str | None
) -> None:
    """Carol, of another organisation (a Grid one, or none), uses *Give kudos* and *Find an
    expert* on a thread reply in #partners: told she is a guest, once each, nothing opened
    or asked, and nothing logged as a problem. Before, where her organisation was not this
    workspace's, Bolt found no installation for it: she read that askaround is not
    installed here, and the log had Bolt's ERROR that an installation was missing."""
    caplog.set_level(logging.INFO)
    async with installed(tmp_path, ours) as slack:
        for shortcut in ("give_kudos", "find_expert"):
            payload = real(slack, f"{shortcut}_on_a_thread_reply")["payload"]
            payload["message"]["user"] = slack.user("carol")
            body = as_in_partners(slack, payload, "carol", OTHER_ORG, hers)
            assert await send(slack, FORM, body) == (200, "")
        await slack.drain()
        assert told(slack, "carol") == [GUEST_GIVES, FROM_ELSEWHERE]
        assert slack.here.open_modal(slack.user("carol")) is None
        assert await asked(slack) == []
    assert warnings(caplog) == []


@pytest.mark.parametrize(("ours", "hers"), ORGANISATIONS)
async def test_a_guest_pressing_solved_in_a_shared_channel_is_told_why_not(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, ours: str | None, hers: str | None
) -> None:
    """Carol presses *Solved* on askaround's message about Alice's question in #partners (a
    `block_actions` naming this workspace as `team`, her organisation as `enterprise`): told
    only its asker or helper may, and the question stays open. Before, she read that
    askaround is not installed here, and the log had Bolt's ERROR."""
    caplog.set_level(logging.INFO)
    async with installed(tmp_path, ours) as slack:
        await slack.here.slash_command(slack.user("alice"), "/ask", QUESTION)
        await slack.drain()
        (question,) = await asked(slack)
        payload = real(slack, "not_now_on_an_ephemeral_nudge")["payload"]
        payload["container"] |= {"channel_id": slack.channel("partners"), "is_ephemeral": False}
        payload["actions"][0] |= {"action_id": "question_solved", "value": str(question.id)}
        body = as_in_partners(slack, payload, "carol", OTHER_ORG, hers)
        assert await send(slack, FORM, body) == (200, "")
        await slack.drain()
        assert told(slack, "carol") == [
            "Only the person who asked, or who helped, can mark it solved."
        ]
        (still,) = await asked(slack)
        assert still.status == question.status
    assert warnings(caplog) == []


async def test_a_member_at_home_in_another_grid_workspace_is_asked_from_a_shared_channel(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice, of this workspace's Grid organisation but at home in another of its
    workspaces, uses *Find an expert* in #partners: her question is asked once, here."""
    caplog.set_level(logging.INFO)
    async with installed(tmp_path, GRID) as slack:
        payload = real(slack, "find_expert_on_a_thread_reply")["payload"]
        payload["message"]["user"] = slack.user("alice")
        body = as_in_partners(slack, payload, "alice", GRID_HOME, GRID)
        for _ in range(2):
            assert await send(slack, FORM, body) == (200, "")
        await slack.drain()
        (question,) = await asked(slack)
        assert (question.team_id, question.asker_user_id) == (slack.team_id, slack.user("alice"))
    assert warnings(caplog) == []
