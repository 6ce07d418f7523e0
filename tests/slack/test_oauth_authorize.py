"""In OAuth mode each request is authorized with its workspace's installation (Bolt's
`AsyncInstallationStoreAuthorize`): what Slack said of a bot token (`auth.test`) is asked
once, not before every request's ack, and the installation is read once and kept a while
(`handlers.client.installations`), forgotten when the workspace uninstalls or installs
again, which are followed at once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import event

from slack_emulator import Delivery
from tests.e2e.harness import PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_workspaces import said

PEOPLE = (PersonSpec("alice", "Alice Martin", "UTC"), PersonSpec("bob", "Bob Chen", "UTC"))


@pytest.fixture
async def installed(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as side:
        assert (await side.install()).status == 200
        yield side


def asked(side: SlackHarness, since: int) -> int:
    """How many times `auth.test` was called since then."""
    return sum(c.method == "auth.test" for c in side.emu.calls[since:])


def read_installations(side: SlackHarness) -> list[str]:
    """The statements that read an installation or a bot token from now on, as they run."""
    reads: list[str] = []

    def executed(_c: object, _cur: object, statement: str, *_a: object) -> None:
        if "FROM slack_installations" in statement or "FROM slack_bots" in statement:
            reads.append(statement)

    event.listen(side.services.engine.sync_engine, "before_cursor_execute", executed)
    return reads


async def test_a_bot_token_is_checked_with_slack_once_not_on_every_request(
    installed: SlackHarness,
) -> None:
    side = installed
    since = len(side.emu.calls)
    for n in range(3):
        assert "Kudos sent" in await said(side, "alice", "/kudos", f"@bob for the release {n}")
    assert asked(side, since) == 1  # three before: one a request


async def test_an_uninstall_and_a_reinstall_are_followed_at_once(
    installed: SlackHarness,
) -> None:
    side = installed
    assert "Kudos sent" in await said(side, "alice", "/kudos", "@bob for the first release")
    await side.here.uninstall()
    await side.settle()
    refused = await said(side, "alice", "/kudos", "@bob for the second release")
    assert "not installed in this workspace" in refused
    assert (await side.install()).status == 200
    assert "Kudos sent" in await said(side, "alice", "/kudos", "@bob for the third release")
    since, reads = len(side.emu.calls), read_installations(side)
    assert "Kudos sent" in await said(side, "alice", "/kudos", "@bob for the fourth release")
    assert asked(side, since) == 0
    assert reads == []  # kept again once installed again


async def test_an_installation_is_read_once_not_on_every_request(
    installed: SlackHarness,
) -> None:
    """Neither the authorizer nor the outbox's deliveries read the installation again: three
    reads a /kudos before (the installation and its bot for the request, the bot for each of
    its two deliveries)."""
    side = installed
    reads = read_installations(side)
    assert "Kudos sent" in await said(side, "alice", "/kudos", "@bob for the first release")
    reads.clear()
    for n in range(2):
        assert "Kudos sent" in await said(side, "alice", "/kudos", f"@bob for the release {n}")
    assert reads == []


NOT_FOUND = "the AuthorizeResult (returned value from authorize) for it was not found"


async def _answered_quietly(
    side: SlackHarness, delivery: Delivery, caplog: pytest.LogCaptureFixture
) -> list[str]:
    """`delivery` sent again is answered "not installed" with no ERROR: askaround's lines."""
    caplog.set_level(logging.INFO)
    [late] = await side.emu.redeliver(delivery)
    assert late.status == 200
    assert "not installed in this workspace" in str(late.response)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    quiet = [r.getMessage() for r in caplog.records if r.name.startswith("askaround")]
    return quiet


async def test_a_late_retry_for_a_workspace_that_uninstalled_is_logged_quietly(
    installed: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack retries an event of Alice's after the workspace removed the app: it is answered
    "not installed", as before, and logged as one INFO line naming the workspace, where Bolt
    logged an ERROR that its installation "was not found", which pages whoever runs
    askaround for a workspace that left on purpose."""
    side = installed
    delivery = await side.emu.change_user(side.user("alice"), tz="America/Chicago")
    assert delivery is not None
    await side.here.uninstall()
    await side.settle()
    quiet = await _answered_quietly(side, delivery, caplog)
    assert any(side.team_id in m and "uninstalled" in m for m in quiet), quiet


async def test_a_late_retry_after_the_bot_token_was_revoked_is_logged_quietly(
    installed: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Slack sends `tokens_revoked` and `app_uninstalled` in either order, and may send a
    retry between them: after the bot token's revocation alone, it logged Bolt's ERROR, the
    workspace being stored as uninstalled only once `app_uninstalled` came. A revoked bot token
    is as much a removal here; a user token's revocation is none."""
    side = installed
    delivery = await side.emu.change_user(side.user("alice"), tz="America/Chicago")
    assert delivery is not None
    assert (await side.here.revoke_tokens(bot=False, users=(side.user("alice"),))).ok
    await side.settle()
    assert "Kudos sent" in await said(side, "alice", "/kudos", "@bob for the release")
    assert await side.services.uninstalls.removed_at(side.team_id) is None
    assert (await side.here.revoke_tokens()).ok
    await side.settle()
    quiet = await _answered_quietly(side, delivery, caplog)
    assert any(side.team_id in m and "revoked" in m for m in quiet), quiet
    assert (await side.install()).status == 200
    assert await side.services.uninstalls.removed_at(side.team_id) is None


async def test_a_request_for_a_workspace_never_installed_is_still_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A workspace askaround never installed in, or whose installation is missing though it
    never removed the app, is a misconfiguration: Bolt's ERROR stays."""
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as side:
        refused = await said(side, "alice", "/kudos", "@bob for the release")
    assert "not installed in this workspace" in refused
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(NOT_FOUND in m for m in errors), errors


async def test_a_command_where_askaround_is_not_installed_is_answered_in_its_response(
    installed: SlackHarness,
) -> None:
    """Alice types `/kudos` after her workspace removed the app, and Slack fails the post to
    the command's response_url: she read nothing (a dropped connection answered Slack 500,
    which Slack shows as the command failing). The answer is the command's own response."""
    side = installed
    await side.here.uninstall()
    await side.settle()
    side.emu.faults.add("response_url", status=500, times=None)
    sent = await side.command("alice", "/kudos", "@bob for the release")
    assert [a.status for a in sent.attempts] == [200]
    assert "not installed in this workspace" in (sent.attempts[-1].body or ""), sent.attempts
    assert not [c for c in side.emu.calls if c.method == "response_url"]
