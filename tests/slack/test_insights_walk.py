"""`/askaround insights` as a manager walking through it (7 December): what it says of a
workspace whose small teams all count as one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from storage.models import Person
from tests.slack.digests.conftest import PEOPLE, org_chart
from tests.slack.harness import bot_in_process
from tests.slack.test_insights import seen, stage


async def test_one_team_is_no_silo(tmp_path: Path) -> None:
    """Erin alone in a team Solo: Solo and Core (now carol and dev) are under 3 people and
    count with their parent team, Platform, the only team left (Ops, 2 people with no parent,
    counts nowhere). It read "Platform neither gave nor got help across teams", a silo of the
    whole workspace, where there is no other team to help or be helped by."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        async with slack.services.sessions() as s, s.begin():
            await s.execute(
                update(Person).where(Person.user_id == slack.user("erin")).values(team_name="Solo")
            )
        told = {viewer: await seen(slack, viewer) for viewer in ("olga", "bob")}
    for said in told.values():
        assert "Platform (" in said and "Core (" not in said, said
        assert "neither gave nor got help" not in said, said
    assert "Platform is the only team, so there is no help between teams." in told["olga"]


async def test_a_manager_whose_org_chart_has_no_teams_is_told_what_is_missing(
    tmp_path: Path,
) -> None:
    """The org chart names managers (Bob's and Maria's orgs) but no teams: Bob read "Nobody's
    team is known yet: teams come from the org chart, which an admin gives with `askaround
    import people`", of the org chart that makes his org. It says a team is each person's
    own, in that file: managers alone make none."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await org_chart(slack)
        said = await seen(slack, "bob")
    assert "Insights for your org" in said, said
    assert "each person's `team`" in said and "managers alone make no teams" in said, said
