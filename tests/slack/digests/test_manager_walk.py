"""A manager's walk-through (7 December): what a manager reading their first digests
stumbled on, each tried through the emulator and the database."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from bot.digests.summary import CHART_WEEKS
from bot.digests.weeks import IsoWeek
from handlers.blocks.elements import slack_time
from storage.models import DigestRun, Person
from tests.slack.digests.conftest import MONDAY_W48, W47_THU, W47_WED, give_directly, helped
from tests.slack.digests.test_report import report
from tests.slack.digests.test_truthful import part
from tests.slack.digests.world import blocks_text, charts, digests, run_digests, sent_to
from tests.slack.harness import SlackHarness
from tests.slack.settings.world import home_of, text_of

W47 = IsoWeek(2026, 47)
DIGEST_MOMENT = "{date_short_pretty} at {time}"  # as a reader's Slack shows it


async def test_a_manager_whose_reports_moved_before_it_was_sent_gets_no_empty_digest(
    company: SlackHarness,
) -> None:
    """Bob's W47 digest is queued at his 09:00; before the outbox sends it, an org chart
    import moves Carol and Erin to Maria. He was sent "Bob Chen's team (0 people) received 0
    kudos in 2026-W47. Previous 4 weeks: none either.", untrue of the week Carol was thanked
    in: nobody reports to him now, so there is no team to tell of, and the run is skipped."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    # Slack fails a digest's DM until the chart has changed, so a send the outbox
    # begins first is put back (on the frozen clock, until the drain): each digest is sent
    # after the import, whichever the event loop runs first.
    outage = [
        company.emu.faults.add(method, status=500, times=None)
        for method in ("conversations.open", "chat.postMessage")
    ]
    await company.runner.bot.scheduler.run_once("digests")
    async with company.services.sessions() as s, s.begin():
        await s.execute(
            update(Person)
            .where(Person.manager_user_id == company.user("bob"))
            .values(manager_user_id=company.user("maria"))
        )
    for fault in outage:
        company.emu.faults.rules.remove(fault)
    await company.drain()
    assert sent_to(company) == {"hana": 1, "maria": 1}
    async with company.services.sessions() as s:
        run = await s.get(DigestRun, (company.team_id, company.user("bob"), W47.label))
    assert run is not None and run.status == "skipped" and run.sent_at is not None
    assert await run_digests(company) == 0  # and nothing queued again


async def test_a_first_digest_names_no_weeks_before_askaround_counted(
    fresh_install: SlackHarness,
) -> None:
    """Installed on W47's Tuesday (17 Nov), nobody helped yet: the first digest said "Nobody
    helped with a question from 26 Oct to 22 Nov 2026." and was headed "No kudos in public
    from 28 Sep to 22 Nov 2026", weeks askaround never saw. Its spans start where askaround
    began counting."""
    fresh_install.services.clock.freeze(W47_WED)  # something to tell: Carol thanked Dev
    await give_directly(fresh_install, "carol", "@dev for the access review #teamwork")
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(fresh_install)
    [digest] = digests(fresh_install, "maria", "2026-W47")
    said = blocks_text(digest.blocks)
    assert "Oct" not in said and "Sep" not in said, said
    unsung = part(said, "Unsung helpers")
    assert "Nobody helped with a question from 17 Nov to 22 Nov 2026." in unsung, unsung
    quiet = part(said, "No kudos in public from 17 Nov to 22 Nov 2026")
    assert "Too early to tell: askaround has counted kudos since 17 Nov 2026" in quiet


def widest_bar(png: bytes) -> float:
    """The widest run of one bar colour across the chart's middle row, as a share of the
    chart's width."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    row = [image.getpixel((x, image.height // 2)) for x in range(image.width)]
    widest = run = 0
    for x in range(1, len(row)):
        run = run + 1 if row[x] == row[x - 1] and row[x] != (255, 255, 255) else 0
        widest = max(widest, run + 1 if run else 0)
    return widest / image.width


async def test_a_first_digest_s_chart_is_a_week_s_bar_not_a_wall(
    fresh_install: SlackHarness,
) -> None:
    """Installed on W47's Tuesday, one kudos: the first digest's chart, of W47 alone, drew
    its one bar across the whole chart, a wall of colour. A week's bar is as wide as in a
    chart of eight weeks, whatever the weeks counted."""
    clock = fresh_install.services.clock
    clock.freeze(W47_WED)
    await give_directly(fresh_install, "alice", "@bob for the release checklist #teamwork")
    clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(fresh_install)
    [chart] = charts(fresh_install, "maria")
    assert chart.content is not None
    assert 0 < widest_bar(chart.content) < 1 / CHART_WEEKS


async def test_a_first_digest_s_unsung_helper_is_unthanked_since_askaround_counted(
    fresh_install: SlackHarness,
) -> None:
    """Installed on W47's Tuesday, Erin took on a question that week, unthanked: the first
    digest listed her under "Unsung helpers (helped, no kudos in public in 4 weeks)", three
    of which askaround never saw. The heading says the days it counted."""
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await helped(fresh_install, "erin", "solved", W47_WED)
    await run_digests(fresh_install)
    [digest] = digests(fresh_install, "maria", "2026-W47")
    said = blocks_text(digest.blocks)
    unsung = part(said, "Unsung helpers (helped, no kudos in public from 17 Nov to 22 Nov 2026)")
    assert "Erin Quist" in unsung, said
    assert "4 weeks" not in said, said


async def test_a_manager_s_own_digest_says_your_team_and_others_read_whose(
    company: SlackHarness,
) -> None:
    """Maria's own digest was headed "Your team's week" and then read "Maria Lopez's team
    (4 people) received 4 kudos…", its notification too: to her it is "Your team". Hana,
    her manager, asking for Maria's week, still reads whose team it is."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(company)
    [digest] = digests(company, "maria", "2026-W47")
    assert digest.text.startswith("Your team (4 people) received 4 kudos in 2026-W47."), digest
    said = blocks_text(digest.blocks)
    assert "Your team (4 people) received 4 kudos in 2026-W47." in said, said
    assert "Maria Lopez" not in said and "Maria Lopez" not in digest.text
    said = await report(company, "hana", "2026-W47 @maria")
    assert "Maria Lopez's team (4 people) received 4 kudos in 2026-W47." in said, said
    assert "Your team (" not in said


async def test_the_home_tab_says_your_team_and_when_the_digest_comes(
    company: SlackHarness,
) -> None:
    """Maria's Home tab read "Maria Lopez's team (4 people) received 4 kudos so far in
    2026-W47, a week not over yet." and said nothing of her digest. It says "Your team", and
    when the digest comes: on Thursday, Monday 09:00 in Madrid (08:00 UTC), of this week;
    once that has gone, the Monday after, of the week then under way."""
    company.services.clock.freeze(W47_THU + timedelta(hours=2))
    shown = text_of(await home_of(company, "maria"))
    assert "Your team (4 people) received 4 kudos so far in 2026-W47" in shown, shown
    assert "Maria Lopez" not in shown
    monday = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    comes = f"Your digest of this week comes {slack_time(monday, DIGEST_MOMENT)}."
    assert comes in shown, shown
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    shown = text_of(await home_of(company, "maria"))
    assert "received 1 kudos so far in 2026-W48" in shown
    next_monday = slack_time(monday + timedelta(days=7), DIGEST_MOMENT)
    assert f"Your digest of this week comes {next_monday}." in shown, shown


async def test_a_week_of_nothing_is_said_once_with_how_kudos_are_given(
    fresh_install: SlackHarness,
) -> None:
    """Installed on W47's Tuesday, no kudos and nobody helped: the first digest read as six
    parts each saying nobody. It says so once, and how kudos are given; a week where
    something happened keeps its parts."""
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(hours=9))
    await run_digests(fresh_install)
    [digest] = digests(fresh_install, "maria", "2026-W47")
    said = blocks_text(digest.blocks)
    assert "No kudos and no questions taken on that week." in said, said
    assert "`/kudos @name for … #value`" in said, said
    for title in ("Shout-outs", "Gave the most", "Took on", "Unsung", "No kudos in public"):
        assert f"*{title}" not in said, said
    assert "Values" not in said and said.count("Nobody") == 0, said
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(days=7, hours=12))
    await helped(fresh_install, "erin", "solved", MONDAY_W48 + timedelta(days=1))
    said = await report(fresh_install, "maria", "2026-W48")
    assert "Erin Quist: 1 question" in part(said, "Took on colleagues' questions"), said
    assert "No kudos and no questions taken on" not in said


async def test_a_trend_of_small_numbers_says_the_counts_not_a_percentage(
    company: SlackHarness,
) -> None:
    """Maria's W47: 4 kudos against 0.5 a week read "+700%": true, loud for a handful. Under
    5 on either side the counts are said alone."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "2026-W47")
    assert "received 4 kudos in 2026-W47. Previous 4 weeks: 0.5 a week on average." in said
    assert "%" not in said, said
