"""An Enterprise Grid admin's walk-through (7 December): askaround installed, one workspace
at a time, in Sales, Engineering and Support, three workspaces of one organisation. Alice,
Bob and Carol are members of all three (one user id each across the organisation, as on
Grid); Sam is in Sales alone.

What a person has in askaround is their workspace's: a member of two workspaces has a
profile, skills, kudos, an allowance and a leaderboard place in each, and a question asked
in one is routed among that workspace's people only. An uninstall from one workspace
leaves the others working."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.models import Kudos, Workspace
from tests.e2e.harness import PersonSpec
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_workspaces import bot_dms, said

pytestmark = pytest.mark.filterwarnings(
    "ignore:BasicAuth is deprecated:DeprecationWarning"  # slack_sdk's oauth.v2.access call
)
PEOPLE = (
    PersonSpec("alice", "Alice Martin", "UTC"),
    PersonSpec("bob", "Bob Chen", "UTC"),
    PersonSpec("carol", "Carol Diaz", "UTC"),
)
ORG = "E0ACME"


@pytest.fixture
async def org(tmp_path: Path) -> AsyncIterator[tuple[SlackHarness, SlackHarness, SlackHarness]]:
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as first:
        sales, engineering, support = (
            first.add_team(f"T0{name.upper()}", name, PEOPLE, enterprise_id=ORG)
            for name in ("Sales", "Engineering", "Support")
        )
        for side in (sales, engineering, support):
            assert (await side.install()).status == 200
        assert sales.user("bob") == engineering.user("bob") == support.user("bob")
        sam = sales.here.workspace.add_user(name="sam", real_name="Sam Sales", tz="UTC")
        sales.users["sam"] = sam.id
        yield sales, engineering, support


async def test_kudos_counts_allowance_and_leaderboards_are_each_workspaces(
    org: tuple[SlackHarness, SlackHarness, SlackHarness],
) -> None:
    """Alice thanks Bob in Engineering: Engineering's leaderboard has him, Sales' and
    Support's do not, and her allowance of the day is spent in Engineering only."""
    sales, engineering, support = org
    sent = await said(engineering, "alice", "/kudos", "@bob for the zero-downtime deploy")
    assert "You have 4 of 5 left today" in sent
    assert "Bob Chen · 1" in await said(engineering, "carol", "/kudos", "top")
    for side in (sales, support):
        assert "No kudos this month" in await said(side, "carol", "/kudos", "top")
        assert "0 received" in await said(side, "bob", "/kudos", "me")
    sent = await said(sales, "alice", "/kudos", "@bob for closing the Q4 renewal")
    assert "You have 4 of 5 left today" in sent
    async with sales.services.sessions() as s:
        ledgers = sorted(k.team_id for k in await s.scalars(select(Kudos)))
    assert ledgers == sorted([engineering.team_id, sales.team_id])


async def test_an_expert_of_another_workspace_is_not_asked(
    org: tuple[SlackHarness, SlackHarness, SlackHarness],
) -> None:
    """Sam knows Kubernetes and is in Sales alone; a Kubernetes question in Engineering asks
    nobody in Sales, and its asker is told nobody here was found."""
    sales, engineering, _support = org
    assert "Saved" in await said(sales, "sam", "/skills", "add kubernetes:5")
    assert (await engineering.command("alice", "/ask", "how do we scale kubernetes pods?")).ok
    await engineering.drain()
    assert "found nobody to ask" in bot_dms(engineering, "alice")
    assert sales.here.dm_messages(sales.user("sam")) == []


async def test_an_uninstall_from_one_workspace_leaves_the_others_working(
    org: tuple[SlackHarness, SlackHarness, SlackHarness],
) -> None:
    """Support removes the app: its install is gone and its data kept for the retention;
    Sales and Engineering still answer, and the daily sync skips Support."""
    sales, engineering, support = org
    assert "Kudos sent" in await said(support, "alice", "/kudos", "@bob for the night shift")
    await support.here.uninstall()
    await support.settle()
    for side in (sales, engineering):
        assert "Kudos sent" in await said(side, "alice", "/kudos", "@carol for the handover")
    since = len(sales.emu.calls)
    await sales.runner.bot.scheduler.run_once("directory_sync")
    synced = {c.team_id for c in sales.emu.calls[since:] if c.method == "users.list"}
    assert synced == {sales.team_id, engineering.team_id}
    async with sales.services.sessions() as s:
        gone = await s.get(Workspace, support.team_id)
        assert gone is not None and gone.uninstalled_at is not None
        kept = [k.team_id for k in await s.scalars(select(Kudos))]
    assert support.team_id in kept


async def test_a_colleague_of_another_workspace_is_not_called_a_guest_of_another_organisation(
    org: tuple[SlackHarness, SlackHarness, SlackHarness],
) -> None:
    """Alice names Sam from Engineering. Slack describes him there as the organisation's, in
    Sales alone (`enterprise_user.teams`): askaround here still knows only Engineering's
    people, and says why in true words; before, "a guest here from another organisation"."""
    sales, engineering, _support = org
    sam = engineering.here.workspace.add_user(name="sam", real_name="Sam Sales", tz="UTC")
    assert sam.id == sales.user("sam")
    engineering.here.workspace.removed[sam.id] = (sales.team_id,)
    engineering.users["sam"] = sam.id
    for command, text in (
        ("/kudos", "@sam for the customer intro"),
        ("/skills", "@sam"),
        ("/kudos", "report this week @sam"),
    ):
        answer = await said(engineering, "alice", command, text)
        assert "in another of your organisation's workspaces" in answer, answer
        assert "another organisation" not in answer, answer
    assert await engineering.services.people.known(engineering.team_id, {sam.id}) == {}
