"""Someone no longer in the workspace whom Slack never said was deactivated: an Enterprise Grid
org's admin removed them from this workspace (they stay in the org), or Slack erased them.
`users.list` lists them no more. The directory sync, once it has read the list to its end,
takes them as having left, as a deactivation: they are stored deactivated, asked nothing
more, and the requests to them are withdrawn. In a Grid org Slack's `user_change` says so at
once (`enterprise_user.teams` without this workspace). Someone Slack never described (imported
from a file alone) is not taken for gone, and a list read in part takes nobody for gone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from slack_sdk.errors import SlackApiError
from sqlalchemy import select

from bot.directory.admin import merge_skills
from bot.directory.import_files import RawRow
from bot.directory.import_resolver import database_resolver
from bot.directory.importer import import_people
from handlers.client.directory import sync_directory
from storage.models import Offer, Person
from tests.slack.connect import OTHER_ORG
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.questions.test_solved_first import QUESTION
from tests.slack.questions.world import PEOPLE, declare_skills, declared_world

SIBLING = "T0SIBLING"  # another workspace of the Grid org


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with declared_world(tmp_path) as harness:
        yield harness


async def carol_asks(slack: SlackHarness) -> None:
    """Carol asks about terraform in #general: Dev, who knows it best, is asked."""
    await slack.post("carol", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.drain()
    assert slack.user("dev") in await pending(slack)


async def pending(slack: SlackHarness) -> set[str]:
    """Whom a request is waiting on."""
    async with slack.services.sessions() as s:
        found = await s.scalars(select(Offer.candidate_user_id).where(Offer.status == "pending"))
        return set(found)


async def deactivated(slack: SlackHarness) -> set[str]:
    async with slack.services.sessions() as s:
        found = await s.scalars(
            select(Person.user_id).where(
                Person.team_id == slack.team_id, Person.deactivated.is_(True)
            )
        )
        return set(found)


async def test_someone_the_list_no_longer_names_has_left_once_the_sync_read_it(
    slack: SlackHarness,
) -> None:
    """Dev, asked Carol's question, is erased from Slack: nothing tells the bot. The next
    sync finds him missing from `users.list`: he is stored deactivated, counted in its
    summary, the request to him is withdrawn, and `/skills who terraform` names him no more.
    Zed, a guest from another organisation listed with his own team, was never stored and
    is counted nowhere; Carol, stored, whom the list now names with another organisation's
    team, is named all the same, so not gone (a team misread must not empty a workspace).
    Dev, back in a later list, is reactivated."""
    dev = slack.user("dev")
    ws = slack.here.workspace
    zed = ws.add_user("zed", real_name="Zed Partner", email="zed@partner.example")
    ws.guests[zed.id] = OTHER_ORG
    await carol_asks(slack)
    await slack.emu.remove_user(dev)
    ws.guests[slack.user("carol")] = OTHER_ORG
    assert dev in await pending(slack)  # nothing was heard

    report = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    await slack.drain()
    assert await deactivated(slack) == {dev, slack.user("dave")}
    assert dev not in await pending(slack)
    assert report.left == [dev], report
    assert "1 no longer in the workspace" in report.summary(), report.summary()
    await slack.command("alice", "/skills", "who terraform")
    await slack.settle()
    shown = str(slack.emu.ephemerals(slack.user("alice"))[-1].blocks)
    assert f"<@{slack.user('bob')}>" in shown and f"<@{dev}>" not in shown, shown

    del ws.removed[dev], ws.undescribed[dev]
    again = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    assert again.reactivated == [dev] and again.left == [], again
    assert dev not in await deactivated(slack)


async def test_a_list_read_in_part_takes_nobody_for_gone(slack: SlackHarness) -> None:
    """Slack fails the second page of `users.list`: the sync stops with the error and Dev,
    erased meanwhile, is left as he was (he may be on a page never read); the next whole
    read finds him gone."""
    dev = slack.user("dev")
    await carol_asks(slack)
    await slack.emu.remove_user(dev)

    def fail_the_next_page(_count: int) -> None:
        slack.emu.faults.add("users.list", error="internal_error")

    client = slack.runner.bot.app.client
    with pytest.raises(SlackApiError):
        await sync_directory(
            client, slack.services, slack.team_id, page_size=2, on_page=fail_the_next_page
        )
    assert dev not in await deactivated(slack)
    assert dev in await pending(slack)

    report = await sync_directory(client, slack.services, slack.team_id, page_size=2)
    assert dev in await deactivated(slack)
    assert report.left == [dev], report


async def test_a_list_naming_nobody_takes_nobody_for_gone(slack: SlackHarness) -> None:
    """A Slack answering `users.list` without its members (`ok`, no `members`) names nobody,
    not even the bot: that is no word that everyone left, and nobody is taken for gone."""
    await carol_asks(slack)
    slack.emu.faults.add("users.list", omit=("members",))
    report = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    assert report.left == [] and report.seen == 0, report
    assert await deactivated(slack) == set()
    assert slack.user("dev") in await pending(slack)


async def test_someone_slack_never_described_is_not_taken_for_gone(slack: SlackHarness) -> None:
    """HR imported Hana from a file alone, by a user id `users.list` does not name: Slack
    never described her, so the sync that finds Dev gone leaves her as she was (a guest,
    asked nothing, until Slack describes her)."""
    hana = "U0HANA0001"
    resolver = await database_resolver(slack.services, slack.team_id)
    row = {"slack_id": hana, "handle": "hana", "name": "Hana Member", "skills": {"helm": 5}}
    report = await import_people(
        slack.services, [RawRow(2, row)], resolver, dry_run=False, progress=False
    )
    assert report.imported == [hana], report.summary()
    dev = slack.user("dev")
    await slack.emu.remove_user(dev)

    synced = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    assert await deactivated(slack) == {dev, slack.user("dave")}
    assert synced.left == [dev], synced
    async with slack.services.sessions() as s:
        stored = await s.scalar(select(Person).where(Person.user_id == hana))
    assert stored is not None and not stored.deactivated and stored.is_guest


async def test_someone_never_described_stays_so_when_an_admin_merges_their_skill(
    slack: SlackHarness,
) -> None:
    """An admin folds Hana's `helm-charts` into `helm`: her declaration moves, and she is still
    someone Slack never described, not taken for gone by the next sync."""
    hana = "U0HANA0001"
    resolver = await database_resolver(slack.services, slack.team_id)
    row = {"slack_id": hana, "handle": "hana", "name": "Hana Member", "skills": {"helm-charts": 5}}
    await import_people(slack.services, [RawRow(2, row)], resolver, dry_run=False, progress=False)
    said = await merge_skills(slack.services.directory, slack.team_id, "helm-charts", "helm")
    assert "1 profile moved" in said

    synced = await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    assert hana not in synced.left, synced
    async with slack.services.sessions() as s:
        stored = await s.scalar(select(Person).where(Person.user_id == hana))
    assert stored is not None and not stored.deactivated


@pytest.mark.postgres_too
async def test_a_grid_member_removed_from_the_workspace_has_left_at_once(
    tmp_path: Path,
) -> None:
    """In a workspace of an Enterprise Grid org, an admin removes Dev from it (he stays in the
    org's other workspace): Slack's `user_change` describes him with `enterprise_user.teams`
    no longer naming this workspace. He is stored deactivated and the request to him is
    withdrawn at once, where he was ignored as a member of elsewhere and kept being asked.
    Maria, removed while the bot heard nothing, is found gone by the next sync, and nobody
    still in the workspace is (each is described with the org's workspaces, this one
    among them)."""
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as a:
        grid = a.add_team("T0GRID", "Grid Co", PEOPLE, enterprise_id="E0GRID")
        assert (await grid.install()).status == 200
        await declare_skills(grid)
        await grid.post("carol", "general", f"<@{grid.here.bot_user_id}> {QUESTION}")
        await grid.drain()
        dev, maria = grid.user("dev"), grid.user("maria")
        assert dev in await pending(grid)

        await grid.here.remove_user(dev, still_in=(SIBLING,))
        await grid.drain()
        assert dev in await deactivated(grid)
        assert dev not in await pending(grid)

        grid.here.workspace.removed[maria] = (SIBLING,)  # no event reached the bot
        since = len(a.emu.calls)
        await a.runner.bot.scheduler.run_once("directory_sync")
        assert [c.team_id for c in a.emu.calls[since:] if c.method == "users.list"] == [
            grid.team_id
        ]
        assert await deactivated(grid) == {dev, maria, grid.user("dave")}
