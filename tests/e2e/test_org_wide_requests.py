"""What Slack sends for an org-wide install of an app (one install for a whole Enterprise Grid
organisation: `authorizations` naming no workspace with `is_enterprise_install` true, an
interaction's `team` null with the workspace in `user.team_id`, an envelope naming the
organisation alone), as bolt-python's tests and Slack's reference show them
(`tests/slack/payloads/`), over the bot's real HTTP server and its Socket Mode connection. The
bot runs with one workspace's token, which is what acts: each is acked once and has the
workspace's own effect, and nothing is logged as a problem."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.e2e.harness import Harness
from tests.slack.kudos.world import ledger
from tests.slack.test_real_payloads import QUESTION, request_of

pytestmark = pytest.mark.database_independent

ORG_WIDE = [
    ("app_home_opened_org_wide_install", False),
    ("message_org_wide_install", False),
    ("team_access_granted", False),
    ("kudos_from_an_org_wide_install", True),
    ("give_kudos_from_home_org_wide_install", False),
]


async def test_an_org_wide_installs_requests_act_in_the_workspace(
    slack_both: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The Messages tab opened publishes nothing; Alice's question in the DM with the bot is
    asked once, hers; `team_access_granted` changes nothing; her `/kudos @bob` is given once;
    *Give kudos* on her Home tab opens the form once."""
    slack = slack_both
    caplog.set_level(logging.INFO)
    await slack.settle()
    for name, accepts in ORG_WIDE:
        kind, payload = request_of(slack, name)
        sent = await slack.emu.send_request(kind, payload, accepts_response=accepts)
        assert sent.ok and len(sent.attempts) == 1, (name, sent.status)
        await slack.settle()
        if name == "app_home_opened_org_wide_install":
            assert slack.emu.calls_to("views.publish") == []
    async with slack.services.sessions() as s:
        asked = [(q.asker_user_id, q.text) for q in await s.scalars(select(Question))]
    assert asked == [(slack.user("alice"), QUESTION)]
    given = [(k.giver_user_id, k.receiver_user_id) for k in await ledger(slack)]
    assert given == [(slack.user("alice"), slack.user("bob"))]
    assert len(slack.emu.calls_to("views.open")) == 1
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == [] and not [r for r in caplog.records if r.exc_info]
