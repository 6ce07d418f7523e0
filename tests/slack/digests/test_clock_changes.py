"""A manager's weeks across a clock change: the 4 weeks of "unsung" and the 8 weeks of "no
kudos" start at a local Monday midnight, even when summer time ended in between."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.slack.digests.conftest import PEOPLE, give_directly, helped, org_chart
from tests.slack.digests.test_report import report
from tests.slack.digests.test_truthful import part
from tests.slack.digests.world import blocks_text, roundups, run_digests
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import configure

# The host's own zone is not UTC, and changes nothing.
pytestmark = pytest.mark.usefixtures("server_in_los_angeles")

# London's summer time ends on Sunday 25 October 2026. Bob (London) reads his team's W46
# (9 to 15 November, GMT); its 4 weeks of "unsung" start on Monday 19 October 00:00 BST, and
# its 8 weeks of "no kudos" on Monday 21 September 00:00 BST: both 23:00 UTC the day before.
MONDAY_19_OCT_0030_BST = datetime(2026, 10, 18, 23, 30, tzinfo=UTC)
MONDAY_21_SEP_0030_BST = datetime(2026, 9, 20, 23, 30, tzinfo=UTC)


@pytest.fixture
async def company(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await org_chart(harness, installed=datetime(2026, 6, 1, tzinfo=UTC))
        yield harness


async def test_the_first_hour_of_a_summer_time_monday_is_inside_the_managers_weeks(
    company: SlackHarness,
) -> None:
    """Erin was thanked at 00:30 on W43's Monday and helped in W46: she is not unsung. Carol
    was last thanked at 00:30 on W39's Monday, 8 weeks back counting W46: she is not quiet."""
    clock = company.services.clock
    clock.freeze(MONDAY_21_SEP_0030_BST)
    await give_directly(company, "erin", "@carol for the capacity review #teamwork")
    clock.freeze(MONDAY_19_OCT_0030_BST)
    await give_directly(company, "carol", "@erin for the incident write-up #craft")
    await helped(company, "erin", "solved", datetime(2026, 11, 10, 10, tzinfo=UTC))
    clock.freeze(datetime(2026, 11, 17, 12, tzinfo=UTC))
    said = await report(company, "bob", "2026-W46")
    assert "Erin Quist" not in part(said, "Unsung helpers"), said
    assert "Carol Diaz" not in part(said, "No kudos in public from 21 Sep to 15 Nov 2026"), said


async def test_read_mid_week_the_quiet_list_says_since_when(company: SlackHarness) -> None:
    """Carol was last thanked on W38's Sunday; on W46's Wednesday that is 7 weeks and 3 days
    ago, not "8 weeks or more": the list says since which Monday nobody thanked her."""
    clock = company.services.clock
    clock.freeze(datetime(2026, 9, 20, 12, tzinfo=UTC))
    await give_directly(company, "erin", "@carol for the capacity review #teamwork")
    clock.freeze(datetime(2026, 11, 11, 12, tzinfo=UTC))
    said = await report(company, "bob", "2026-W46")
    quiet = part(said, "No kudos in public since 21 Sep 2026")
    assert "Carol Diaz (last in public: 20 Sep 2026)" in quiet, said
    assert "weeks or more" not in said


async def test_a_sunday_nights_kudos_is_in_one_roundup_when_summer_time_begins(
    company: SlackHarness,
) -> None:
    """Four people live on London's clock in winter (three in London, Carol in Reykjavik,
    which keeps UTC all year) and four in Central Europe (Hana in Amsterdam): London's
    winter tie wins. From 28 March 2027 London is an hour ahead of Reykjavik, and Central
    Europe has the most. The roundup of W11 (London's week) listed Dev's kudos of Sunday
    21 March at 23:30 UTC, and so did W12's (Amsterdam's week, begun at 23:00 UTC): one
    kudos, two roundups. The roundup keeps one zone the year round."""
    await company.emu.change_user(company.user("carol"), tz="Atlantic/Reykjavik")
    await company.emu.change_user(company.user("hana"), tz="Europe/Amsterdam")
    await company.settle()
    await configure(company, digest_roundup=True, kudos_channel_id=company.channel("general"))
    clock = company.services.clock
    clock.freeze(datetime(2027, 3, 21, 23, 30, tzinfo=UTC))
    await give_directly(company, "dev", "@erin for the sunday-night failover #craft")
    clock.freeze(datetime(2027, 3, 22, 10, tzinfo=UTC))
    await run_digests(company)
    clock.freeze(datetime(2027, 3, 29, 10, tzinfo=UTC))
    await run_digests(company)
    listed = [
        week
        for week in ("2027-W11", "2027-W12")
        for post in roundups(company, "general", week)
        if "the sunday-night failover" in blocks_text(post.blocks)
    ]
    assert listed == ["2027-W11"], listed
