"""Names listed in order read the same on PostgreSQL as on SQLite: by code point, as Python's
`sorted` orders them elsewhere, whatever the database's collation. PostgreSQL orders text by
its server's locale where nobody chose one (`en_US.utf8` in compose.yaml's `postgres:16`),
where `dbt` came before `Kubernetes`, `#ética` before `#zeal` and Ángel before Carol."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import workspaces
from tests.databases import migrated_database_in
from tests.slack.digests.conftest import PEOPLE, org_chart
from tests.slack.digests.test_report import report
from tests.slack.digests.test_truthful import part
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import global_modal

pytestmark = pytest.mark.postgres_too


@pytest.fixture
async def slack_en_us(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The bot on a database that orders text as American English does (on PostgreSQL)."""
    async with (
        migrated_database_in(tmp_path, "en-US") as url,
        bot_in_process(tmp_path, database_url=url) as harness,
    ):
        yield harness


async def test_skills_at_one_level_are_listed_by_code_point(slack_en_us: SlackHarness) -> None:
    slack = slack_en_us
    await slack.command("alice", "/skills", "add nginx:4, Kubernetes:4, dbt:4, AWS:4")
    await slack.settle()
    await slack.command("alice", "/skills", "")
    await slack.settle()
    assert (
        "Alice Martin: AWS, Kubernetes, dbt, nginx"
        in slack.emu.ephemerals(slack.user("alice"))[-1].text
    )


async def test_company_values_are_offered_by_code_point(slack_en_us: SlackHarness) -> None:
    slack = slack_en_us
    async with slack.services.sessions() as s, s.begin():
        await workspaces.set_values(s, slack.team_id, ["zeal", "ética", "craft"])
    modal = await global_modal(slack, "alice")
    (values,) = [block for block in modal.blocks if block.get("block_id") == "values"]
    offered = [option["value"] for option in values["element"]["options"]]
    assert offered == ["craft", "zeal", "ética"]


async def test_a_managers_quiet_list_names_the_team_by_code_point(tmp_path: Path) -> None:
    """Bob's reports, Carol and Ángel (Erin, renamed in Slack), thanked by nobody: the report's
    "no kudos" list is in the team's order, by name."""
    async with (
        migrated_database_in(tmp_path, "en-US") as url,
        bot_in_process(tmp_path, people=PEOPLE, database_url=url) as slack,
    ):
        await org_chart(slack, installed=datetime(2026, 6, 1, tzinfo=UTC))
        await slack.emu.change_user(slack.user("erin"), real_name="Ángel Quist")
        await slack.settle()
        slack.services.clock.freeze(datetime(2026, 11, 17, 12, tzinfo=UTC))
        quiet = part(await report(slack, "bob", "2026-W46"), "No kudos")
    assert quiet.index("Carol Diaz") < quiet.index("Ángel Quist"), quiet
