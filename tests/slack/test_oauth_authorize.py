"""In OAuth mode each request is authorized with its workspace's installation (Bolt's
`AsyncInstallationStoreAuthorize`): what Slack said of a bot token (`auth.test`) is asked
once, not before every request's ack, and the token itself is read from the installation
each time, so an uninstall and a reinstall are followed at once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.harness import PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_workspaces import said

pytestmark = pytest.mark.filterwarnings(
    "ignore:BasicAuth is deprecated:DeprecationWarning"  # slack_sdk's oauth.v2.access call
)
PEOPLE = (PersonSpec("alice", "Alice Martin", "UTC"), PersonSpec("bob", "Bob Chen", "UTC"))


@pytest.fixture
async def installed(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as side:
        assert (await side.install()).status == 200
        yield side


def asked(side: SlackHarness, since: int) -> int:
    """How many times `auth.test` was called since then."""
    return sum(c.method == "auth.test" for c in side.emu.calls[since:])


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
    since = len(side.emu.calls)
    assert "Kudos sent" in await said(side, "alice", "/kudos", "@bob for the fourth release")
    assert asked(side, since) == 0
