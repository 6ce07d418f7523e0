"""The Home tab's manager section (issue 13): this week's team summary in brief and a *Full
report* button, so a manager need not know `/kudos report`. Only managers get it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from handlers.blocks.elements import slack_time
from handlers.blocks.home import MOMENT
from tests.slack.digests.conftest import MONDAY_W48, PEOPLE, W47_THU, org_chart
from tests.slack.digests.world import run_digests, sent_to
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.settings.world import home_of, text_of, valid_view


async def test_a_manager_sees_the_week_in_brief_and_opens_the_full_report(
    company: SlackHarness,
) -> None:
    """Thursday of W47: maria's Home says her team of 4 received 4 kudos this week; *Full
    report* opens the same report `/kudos report` gives, in a modal Slack would accept."""
    company.services.clock.freeze(W47_THU + timedelta(hours=2))
    maria = company.user("maria")
    home = await home_of(company, "maria")
    shown = text_of(home)
    assert "Your team this week" in shown
    assert "Your team (4 people) received 4 kudos so far in 2026-W47" in shown
    await company.emu.click(maria, "home_manager_report", view=home)
    await company.settle()
    report = company.emu.open_modal(maria)
    assert report is not None and report.spec["title"]["text"] == "Team report"
    valid_view(report)
    assert "untangling the release" in text_of(report)


async def test_someone_nobody_reports_to_has_no_manager_section(company: SlackHarness) -> None:
    company.services.clock.freeze(W47_THU + timedelta(hours=2))
    home = await home_of(company, "erin")
    assert "Your team this week" not in text_of(home)
    assert "Kudos" in next(b["text"]["text"] for b in home.blocks if b["type"] == "header")


async def test_the_full_report_is_of_the_week_the_home_tab_shows(company: SlackHarness) -> None:
    """Maria's Home, opened at 23:50 on W47's Sunday in Madrid, shows W47; she clicks *Full
    report* 20 minutes later, Monday where she lives: the modal is W47's report, the one the
    tab summed up (it was W48's)."""
    company.services.clock.freeze(MONDAY_W48 - timedelta(hours=1, minutes=10))
    maria = company.user("maria")
    home = await home_of(company, "maria")
    assert "received 4 kudos so far in 2026-W47" in text_of(home)
    company.advance(timedelta(minutes=20))
    await company.emu.click(maria, "home_manager_report", view=home)
    await company.settle()
    report = company.emu.open_modal(maria)
    assert report is not None
    assert "received 4 kudos in 2026-W47" in text_of(report), text_of(report)  # over now


async def test_the_home_tab_promises_no_digest_of_a_week_already_sent(
    company: SlackHarness,
) -> None:
    """Maria's W47 digest reached her at 09:00 in Madrid; she then flies to New York, where
    it is 05:00 on that Monday. Her tab read "Your digest of 2026-W47 comes today at 09:00"
    (New York's): that digest was sent, and none came. It names the next one to come."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1}
    await company.emu.change_user(company.user("maria"), tz="America/New_York")
    await company.settle()
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=10))
    shown = text_of(await home_of(company, "maria"))
    next_nine = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # 09:00 in New York, W49's Monday
    assert f"Your digest of this week comes {slack_time(next_nine, MOMENT)}." in shown, shown
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=15))
    await run_digests(company)
    assert sent_to(company) == {"hana": 1, "maria": 1, "bob": 1}


@pytest.fixture
async def installed_on_monday(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    """The company's org chart in a workspace that installed askaround at 00:30 UTC on W48's
    Monday (01:30 in Madrid): W47 ended before it counted anything."""
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await org_chart(harness, installed=MONDAY_W48 + timedelta(minutes=30))
        yield harness


async def test_the_home_tab_promises_no_digest_of_a_week_before_askaround_counted(
    installed_on_monday: SlackHarness,
) -> None:
    """Maria opened her tab an hour after the install: it read "Your digest of 2026-W47
    comes today at 09:00", of a week before askaround counted, whose digest is never sent
    (`test_a_new_install_sends_no_digest_of_the_week_before_it`). It names W48's, the
    Monday after."""
    slack = installed_on_monday
    slack.services.clock.freeze(MONDAY_W48 + timedelta(hours=1, minutes=30))
    shown = text_of(await home_of(slack, "maria"))
    next_nine = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 09:00 in Madrid, W49's Monday
    assert f"Your digest of this week comes {slack_time(next_nine, MOMENT)}." in shown, shown
    slack.services.clock.freeze(MONDAY_W48 + timedelta(hours=10))
    await run_digests(slack)
    assert sent_to(slack, None) == {}
