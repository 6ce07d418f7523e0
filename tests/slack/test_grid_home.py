"""The Home tab in an Enterprise Grid organisation that installed askaround in two of its
workspaces, one after the other (OAuth mode), for someone who is a member of both.

slackapi/bolt-python#1229: opening the Home tab names the workspace it was opened in
(`authorizations`), but a button pressed on it names as `view.app_installed_team_id` the
organisation's first workspace to install the app, wherever it was pressed; Bolt takes that
field first, so the press acted in the other workspace, with its data and its token. The
person has one Home tab across the organisation, showing what the workspace that published
it last has: a press is that workspace's (the tab names it), wherever it is pressed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot import visibility
from handlers.blocks.questions import WITHDRAW_ACTION
from storage.models import Question
from tests.e2e.harness import Harness, PersonSpec, running_bot
from tests.slack.harness import bot_in_process

pytestmark = pytest.mark.filterwarnings(
    "ignore:BasicAuth is deprecated:DeprecationWarning"  # slack_sdk's oauth.v2.access call
)
PEOPLE = (PersonSpec("alice", "Alice Martin", "UTC"), PersonSpec("bob", "Bob Chen", "UTC"))
ORG = "E0GRIDORG"


@pytest.fixture(params=["http", "socket"])
async def grid(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[Harness, Harness]]:
    """North then South install askaround; both are workspaces of `ORG`, Alice (one user id
    across the organisation) in each. She declared Terraform in North, Python in South.
    Signed HTTP requests handed to the bot in process, or Socket Mode envelopes to the bot
    as it runs."""
    started = (
        bot_in_process(tmp_path, oauth=True, people=PEOPLE)
        if request.param == "http"
        else running_bot(tmp_path, socket_mode=True, oauth=True, people=PEOPLE)
    )
    async with started as first:
        north = first.add_team("T0NORTH", "North", PEOPLE, enterprise_id=ORG)
        south = first.add_team("T0SOUTH", "South", PEOPLE, enterprise_id=ORG)
        for side in (north, south):
            assert (await side.install()).status == 200
        assert north.user("alice") == south.user("alice")
        for side, skill in ((north, "terraform:4"), (south, "python:2")):
            assert (await side.command("alice", "/skills", f"add {skill}")).ok
            await side.settle()
        yield north, south


async def test_edit_profile_on_the_home_tab_opens_the_profile_of_the_workspace_it_is_in(
    grid: tuple[Harness, Harness],
) -> None:
    north, south = grid
    alice = south.user("alice")
    await south.here.open_home(alice)
    await south.settle()
    home = south.here.home_view(alice)
    assert home is not None and "Python" in str(home.spec)
    pressed = await south.here.click(alice, "skills_edit_profile", view=home)
    assert pressed.ok and pressed.attempts[-1].transport in ("in_process", "socket")
    await south.settle()
    modal = south.here.open_modal(alice)
    assert modal is not None, "the profile opened in North, not where she pressed it"
    assert "Python" in str(modal.spec) and "Terraform" not in str(modal.spec)
    assert north.here.open_modal(alice) is None
    interests = {"interests": {"interests": "rust"}}
    assert (await south.here.submit_view(alice, modal.id, interests)).ok
    await south.settle()
    for side, expected in ((south, ("rust",)), (north, ())):
        view = await side.services.directory.profile(side.team_id, alice, visibility.person(alice))
        assert view.interests == expected
    assert "rust" in str(south.here.home_view(alice).spec)  # type: ignore[union-attr]


async def test_withdraw_on_the_home_tab_another_workspace_published_is_that_workspaces(
    grid: tuple[Harness, Harness],
) -> None:
    """Alice asks in North and opens her Home tab there: North publishes it, with her
    question and its Withdraw button. She then looks at the same Home tab in South's
    client, as Slack shows one across the organisation, and presses Withdraw there (the
    press names South as `team`): her question, North's, is withdrawn."""
    north, south = grid
    alice = north.user("alice")
    assert (await north.command("bob", "/skills", "add vault:4")).ok
    await north.settle()
    assert (await north.command("alice", "/ask", "how do we rotate the vault root token?")).ok
    await north.settle()
    await north.here.open_home(alice)
    await north.settle()
    home = south.here.home_view(alice)
    assert home is not None and "Withdraw" in str(home.spec), "one Home tab across the org"
    value = next(
        str(b["accessory"]["value"])
        for b in home.blocks
        if b.get("accessory", {}).get("action_id") == WITHDRAW_ACTION
    )
    assert (await south.here.click(alice, WITHDRAW_ACTION, value=value, view=home)).ok
    await south.settle()
    await north.settle()
    async with north.services.sessions() as s:
        statuses = [(q.team_id, q.status) for q in await s.scalars(select(Question))]
    assert statuses == [(north.team_id, "withdrawn")]
