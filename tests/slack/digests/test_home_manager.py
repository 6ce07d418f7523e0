"""The Home tab's manager section (issue 13): this week's team summary in brief and a *Full
report* button, so a manager need not know `/kudos report`. Only managers get it."""

from __future__ import annotations

from datetime import timedelta

from tests.slack.digests.conftest import MONDAY_W48, W47_THU
from tests.slack.harness import SlackHarness
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
