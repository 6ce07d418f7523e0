"""`askaround import people`, run from an admin's shell (another process: another replica)
beside a running bot, reaches what the bot shows at once: a manager taken away, or the
`admin` role, is not shown from what the bot kept in memory."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bot.runtime.cli import main
from tests.slack.digests.conftest import PEOPLE
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_insights import seen, stage

HEADER = "email,manager,roles\n"


async def import_people(
    slack: SlackHarness,
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    rows: str,
    header: str = HEADER,
) -> None:
    """`askaround import people FILE --team T…` on the bot's database, as an admin's shell
    runs it (without Slack's settings: people are found by email in the database)."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "ASKAROUND_")):
            monkeypatch.delenv(name)
    url = slack.services.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("ASKAROUND_DATABASE_URL", url)
    monkeypatch.chdir(folder)  # no `.env` of the checkout's is read
    csv = folder / "people.csv"
    csv.write_text(header + rows)
    argv = ["import", "people", str(csv), "--team", slack.team_id]
    assert await asyncio.to_thread(main, argv) == 0


async def test_a_manager_and_an_admin_role_taken_away_by_an_import_are_shown_no_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """maria's org is alice, bob, and bob's reports carol and erin: her `/askaround insights`
    names Bob Chen, a connector of her org. An import gives bob no manager (`none`): her
    next look is of alice alone and names him no more; it named him from the copy the bot
    kept (up to two hours) though the org chart said he was not hers. dev loses the `admin`
    role the same way: his next look is refused, as for anyone who manages nobody."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        assert "Bob Chen (" in await seen(slack, "maria")
        assert "Insights for the whole workspace" in await seen(slack, "dev")
        rows = "bob@example.com,none,\ndev@example.com,,none\n"
        await import_people(slack, monkeypatch, tmp_path, rows)
        maria, dev = await seen(slack, "maria"), await seen(slack, "dev")
    assert "Insights for your org" in maria, maria
    assert "Bob Chen" not in maria and "Carol Diaz" not in maria, maria
    assert "for managers" in dev and "Knowledge risks" not in dev, dev
