"""What Slack sends for an org-wide install of an app (a whole Enterprise Grid organisation
at once), which askaround does not support (`org_deploy_enabled` is off in manifest.yml):
its envelopes name the organisation alone, no workspace. Signed and sent through the real
front door, each sent again as Slack's retry."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from storage.models import Workspace
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import give, ledger
from tests.slack.test_real_payloads import body_of, said, send, warnings

pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize("name", ["app_uninstalled_org_wide", "tokens_revoked_org_wide"])
async def test_an_org_wide_uninstall_leaves_the_workspace_installed(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """The app removed from an organisation's org-wide install, or that install's tokens
    revoked, as bolt-python's tests send it (`tests/slack/payloads/`): no workspace of
    askaround's is named, and its own install, a workspace's, is not that one. Answered 200,
    its retry too, one INFO line naming the organisation, and the workspace goes on: nothing
    marked uninstalled, and `/kudos` still given. Before, the listener raised for want of a
    workspace: an ERROR with a traceback, a bug of ours in the log."""
    caplog.set_level(logging.INFO)
    content_type, body = body_of(slack, name)
    assert await send(slack, content_type, body) == (200, "")
    assert await send(slack, content_type, body, retry=1) == (200, "")
    assert warnings(caplog) == [] and not [r for r in caplog.records if r.exc_info]
    lines = [r.getMessage() for r in caplog.records if "E0REALORG" in r.getMessage()]
    assert len(lines) == 1 and "org-wide" in lines[0], lines
    async with slack.services.sessions() as s:
        marks = [(w.uninstalled_at, w.bot_revoked_at) for w in await s.scalars(select(Workspace))]
    assert all(mark == (None, None) for mark in marks)
    assert said(slack) == []
    await give(slack, "alice", f"<@{slack.user('bob')}> for untangling the release")
    assert [k.receiver_user_id for k in await ledger(slack)] == [slack.user("bob")]
