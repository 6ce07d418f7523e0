"""An install for a whole Enterprise Grid organisation at once (OAuth v2 with
`is_enterprise_install: true`, `team` null), through the emulator's OAuth flow.

manifest.yml declares `org_deploy_enabled: false`: askaround acts one workspace at a time,
and every row it stores is a workspace's. Slack offers an org-wide install only to an app
whose settings allow it, so one reaches askaround only when those settings were changed on
Slack's side. Then the admin is told, on the page the install ends on, that nothing was
installed and what to do instead, and one WARNING line says so; no installation is kept,
so no request is ever authorised for an organisation and no workspace."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from sqlalchemy import func, select

from slack_emulator.actions import PersonError
from storage.models import Workspace
from tests.e2e.harness import PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_workspaces import said

pytestmark = pytest.mark.filterwarnings(
    "ignore:BasicAuth is deprecated:DeprecationWarning"  # slack_sdk's oauth.v2.access call
)
PEOPLE = (PersonSpec("alice", "Alice Martin", "UTC"), PersonSpec("bob", "Bob Chen", "UTC"))
ORG = "E0GRIDORG"


@pytest.fixture
async def grid(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """No workspace installed; Grid Co is a workspace of the organisation `ORG`."""
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as first:
        yield first.add_team("T0GRID", "Grid Co", PEOPLE, enterprise_id=ORG)


async def test_an_org_wide_install_is_refused_with_a_page_that_says_what_to_do(
    grid: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    grid.emu.oauth.org_deploy_enabled = True  # changed on Slack, against manifest.yml
    page = await grid.emu.install(grid.team_id, org_wide=True)
    await grid.runner.bot.scheduler.idle()
    assert page.status == 200, page.text
    assert "askaround was not installed" in page.text
    assert "each workspace" in page.text and "organisation" in page.text
    assert [r for r in caplog.records if r.exc_info] == []
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 1 and ORG in warned[0] and "org-wide" in warned[0], warned
    store = AsyncSQLAlchemyInstallationStore(grid.runner.settings.client_id, grid.services.engine)
    assert (
        await store.async_find_installation(
            enterprise_id=ORG, team_id=None, is_enterprise_install=True
        )
        is None
    )
    async with grid.services.sessions() as s:
        assert await s.scalar(select(func.count()).select_from(Workspace)) == 0


async def test_the_same_workspace_installs_for_itself_afterwards(grid: SlackHarness) -> None:
    """The page's advice works: installed in the workspace alone, askaround answers there."""
    grid.emu.oauth.org_deploy_enabled = True
    await grid.emu.install(grid.team_id, org_wide=True)
    assert (await grid.install()).status == 200
    assert "Kudos sent" in await said(grid, "alice", "/kudos", "@bob for the release")


async def test_slack_offers_no_org_wide_install_to_an_app_that_declares_none(
    grid: SlackHarness,
) -> None:
    """As manifest.yml declares (`org_deploy_enabled: false`), Slack's own page refuses. An
    app made org-ready would have to act for an organisation and no workspace first."""
    declared = yaml.safe_load((Path(__file__).parents[2] / "manifest.yml").read_text())
    grid.emu.oauth.org_deploy_enabled = declared["settings"]["org_deploy_enabled"]
    with pytest.raises(PersonError, match="no link 'Allow'"):
        await grid.emu.install(grid.team_id, org_wide=True)
    # the admin never got past Slack's page
    assert [c for c in grid.emu.calls if c.method == "oauth.v2.access"] == []
