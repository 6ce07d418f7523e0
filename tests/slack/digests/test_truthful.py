"""What a report says is true (issue 12, item 13): a fresh install does not call everyone
never thanked, an empty part says why it is empty, an admin reads whose team it is, and the
chart's bars are as tall as the kudos."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.digests.chart import bar_stacks
from bot.digests.weeks import IsoWeek
from tests.slack.digests.conftest import MONDAY_W48, W47_TUE, W47_WED, give_directly, helped
from tests.slack.digests.test_report import report
from tests.slack.digests.world import blocks_text, charts, digests, run_digests, sent_to
from tests.slack.harness import SlackHarness

W47 = IsoWeek(2026, 47)


def part(text: str, title: str) -> str:
    """One section of a report's text: from its title to the next title."""
    return text.split(f"*{title}")[1].split("\n*")[0]


async def test_a_fresh_install_does_not_call_everyone_never_thanked(
    fresh_install: SlackHarness,
) -> None:
    """Installed on Tuesday, no kudos yet: too early for a quiet list, nobody has helped (so
    nobody is "thanked"), and no kudos means no values, not `-`. Carol thanked Dev, outside
    the team, so the parts are there to read (a week of nothing at all says so once)."""
    fresh_install.services.clock.freeze(W47_WED)
    await give_directly(fresh_install, "carol", "@dev for the access review #teamwork")
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(fresh_install, "maria", "last week")
    assert "(never)" not in said and "Alice Martin" not in said
    # Of the weeks askaround counted (from 17 Nov), not of the 8 weeks before, unseen.
    quiet = part(said, "No kudos in public from 17 Nov to 22 Nov 2026")
    assert "Too early to tell: askaround has counted kudos since 17 Nov 2026" in quiet
    unsung = part(said, "Unsung helpers")
    # By their dates: not "in the last 4 weeks", which a report read later, or of an older
    # week, is not; from the day askaround began counting, not from 26 Oct, unseen.
    assert "Nobody helped with a question from 17 Nov to 22 Nov 2026." in unsung
    assert "every helper was thanked" not in said
    values = part(said, "Values")
    assert "No kudos that week, so no values." in values and "• -" not in values


async def test_the_trend_compares_with_the_weeks_askaround_counted(
    fresh_install: SlackHarness,
) -> None:
    """Installed on W47's Tuesday: two kudos in W47, two in W48. W48 is as good as the one
    week before it that askaround counted, not +300% on the four weeks before it, three of
    which it never saw; W47 has nothing counted before it to compare with."""
    clock = fresh_install.services.clock
    for day in (W47_WED, W47_WED + timedelta(days=7)):
        clock.freeze(day)
        await give_directly(fresh_install, "alice", "@bob for the release checklist #teamwork")
        await give_directly(fresh_install, "alice", "@carol for the on-call handover #teamwork")
    clock.freeze(MONDAY_W48 + timedelta(days=7, hours=12))
    said = await report(fresh_install, "maria", "2026-W48")
    assert "received 2 kudos in 2026-W48. Previous week (since 17 Nov 2026): 2." in said
    said = await report(fresh_install, "maria", "2026-W47")
    assert "received 2 kudos in 2026-W47. Nothing before to compare with: askaround has " in said
    assert "counted kudos since 17 Nov 2026." in said


async def test_an_admin_reads_whose_team_it_is(company: SlackHarness) -> None:
    """Olga (a Slack admin) asks for Maria's week: the header names Maria's team; Maria's own
    report and digest say "Your team's week"."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "olga", "2026-W47 @maria")
    assert "Maria Lopez's team: week 2026-W47" in said and "Your team" not in said
    said = await report(company, "maria", "2026-W47")
    assert "Your team's week 2026-W47" in said
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(company)
    [digest] = digests(company, "maria", "2026-W47")
    assert blocks_text(digest.blocks).startswith("Your team's week 2026-W47")


async def test_the_chart_bar_is_as_tall_as_the_kudos(company: SlackHarness) -> None:
    """Maria's W47: 4 kudos carrying 5 values (one has #ownership and #teamwork). Each
    week's stacked bar adds up to its kudos, the count the headline gives, not to 5."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    summary = await company.services.digests.summary(company.team_id, company.user("maria"), W47)
    stacks = bar_stacks(summary)
    heights = [round(sum(parts), 9) for parts in zip(*stacks.values(), strict=True)]
    assert heights[-1] == summary.total == 4
    assert heights[-3:-1] == [1, 1]  # W45 and W46: one kudos each
    assert stacks["teamwork"][-1] == 1.5 and stacks["ownership"][-1] == 0.5
    assert [w.total for w in summary.weekly][-3:] == [1, 1, 4]


async def test_the_helpers_are_those_who_took_on_questions(company: SlackHarness) -> None:
    """Carol took on dev's question in W47 and it is not solved (it could as well have been
    withdrawn by dev the minute after): the report counts her as having taken it on, which is
    true, and not as having answered it, which nobody knows."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "2026-W47")
    assert "answering" not in said
    took = part(said, "Took on colleagues' questions")
    assert "Carol Diaz: 1 question" in took and "Erin Quist: 1 question" in took


async def test_a_week_before_askaround_counted_is_not_a_week_of_none(
    fresh_install: SlackHarness,
) -> None:
    """Installed on W47's Tuesday, maria reads W46: askaround was not counting then, so the
    report says so rather than that her team received 0 kudos that week, names the first
    week it counted, and lists none of the parts it would only call empty (it listed each)."""
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    for week in ("2026-W46", "W46"):
        said = await report(fresh_install, "maria", week)
        assert "received 0 kudos" not in said
        assert "askaround has counted kudos since 17 Nov 2026, after 2026-W46" in said
        assert "The first week it counted is 2026-W47." in said
        for title in (
            "Shout-outs",
            "Unsung helpers",
            "No kudos in public",
            "Values",
            "Nobody",
        ):
            assert title not in said, (title, said)
    assert "received 0 kudos in 2026-W47" in await report(fresh_install, "maria", "2026-W47")


async def test_a_past_week_s_empty_parts_say_that_week_not_this_week(
    fresh_install: SlackHarness,
) -> None:
    """`/kudos report last week` on Monday of W48, W47 without kudos: its empty parts said
    "No shout-outs this week.", "Nobody this week." and "No kudos this week, so no values.",
    of a week over, with this week (W48) under way beside it. They say "that week"; a
    report of this week says "this week" still. Erin took on a question in each week, so
    the parts are there to read (a week of nothing at all says so once)."""
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    await helped(fresh_install, "erin", "solved", W47_WED)
    await helped(fresh_install, "erin", "solved", MONDAY_W48 + timedelta(hours=1))
    said = await report(fresh_install, "maria", "last week")
    assert "this week" not in said.lower(), said
    assert "No shout-outs that week." in part(said, "Shout-outs")
    assert "Nobody that week." in part(said, "Gave the most kudos")
    assert "No kudos that week, so no values." in part(said, "Values")
    now = await report(fresh_install, "maria", "this week")
    assert "No shout-outs this week." in part(now, "Shout-outs")
    assert "that week" not in now, now


async def test_a_past_week_s_quiet_people_are_quiet_to_its_end_not_since(
    company: SlackHarness,
) -> None:
    """Erin has had no kudos in the 8 weeks to W47; Bob thanks her on W48's Wednesday. Maria's
    `/kudos report last week`, read that Thursday, listed her under "No kudos in public since 28 Sep
    2026", untrue since the day before. A week over names where its span ends ("No kudos
    from 28 Sep to 22 Nov 2026"); the week under way, read before it ends, keeps "since".
    (The empty list of unsung helpers names its 4 weeks so too:
    `test_a_fresh_install_does_not_call_everyone_never_thanked`.)"""
    clock = company.services.clock
    clock.freeze(MONDAY_W48 + timedelta(days=2, hours=10))
    await give_directly(company, "bob", "@erin for the runbook cleanup #craft")
    clock.freeze(MONDAY_W48 + timedelta(days=3, hours=10))
    said = await report(company, "maria", "last week")
    assert "No kudos since" not in said, said
    assert "Erin Quist" in part(said, "No kudos in public from 28 Sep to 22 Nov 2026")
    now = await report(company, "maria", "this week")
    assert "Erin Quist" not in part(now, "No kudos in public since 05 Oct 2026"), now


async def test_a_giver_s_count_says_it_counts_public_kudos_only(company: SlackHarness) -> None:
    """Alice gave 2 public kudos in W47 and, on its Thursday, 1 in #secret: 3 in all. Maria's
    digest said "Alice Martin: 2 given", untrue; it counts the public ones alone (naming a
    private kudos's giver would say who gave it) and says so: "2 given in public"."""
    company.services.clock.freeze(W47_WED + timedelta(days=1))
    await give_directly(company, "alice", "@carol for the quiet vault rotation #craft", "secret")
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
    await run_digests(company)
    [digest] = digests(company, "maria")
    givers = part(blocks_text(digest.blocks), "Gave the most kudos")
    assert "Alice Martin: 2 given\n" not in f"{givers}\n", givers
    assert "Alice Martin: 2 given in public" in givers, givers


@pytest.mark.postgres_too  # reaches the namesakes' query of `storage.people.display_names`
async def test_whose_team_it_is_is_told_apart_from_a_namesake(company: SlackHarness) -> None:
    """Dev is renamed Maria Lopez in Slack, as Maria is called: Olga's report of Maria's week
    names whose team it is with her handle, "Maria Lopez (@maria)'s team:", where
    "Maria Lopez's team:" could be read as Dev's."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    await company.emu.change_user(company.user("dev"), real_name="Maria Lopez")
    await company.settle()
    said = await report(company, "olga", "2026-W47 @maria")
    assert "Maria Lopez (@maria)'s team: week 2026-W47" in said, said
    assert "Maria Lopez (@maria)'s team (4 people) received 4 kudos" in said, said


async def test_the_most_generous_givers_leave_out_nobody_who_gave_as_many(
    fresh_install: SlackHarness,
) -> None:
    """Six of Hana's team each gave one kudos in W47: all six gave the most, and all six are
    listed. The list was cut at five, the sixth by name (Maria Lopez) left out as if she had
    given fewer than the five named."""
    fresh_install.services.clock.freeze(W47_WED)
    for giver, to in (("alice", "bob"), ("bob", "carol"), ("carol", "erin")):
        await give_directly(fresh_install, giver, f"@{to} for the release checklist #teamwork")
    for giver, to in (("dev", "alice"), ("erin", "dev"), ("maria", "alice")):
        await give_directly(fresh_install, giver, f"@{to} for the on-call handover #teamwork")
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    givers = part(await report(fresh_install, "hana", "2026-W47"), "Gave the most kudos")
    for name in ("Alice Martin", "Bob Chen", "Carol Diaz", "Dev Patel", "Erin Quist"):
        assert f"{name}: 1 given in public" in givers, givers
    assert "Maria Lopez: 1 given in public" in givers, givers


async def test_a_new_install_sends_no_digest_of_the_week_before_it(
    fresh_install: SlackHarness,
) -> None:
    """Installed on W47's Tuesday, the digest job's first run found W46's digests still due
    (one missed is sent later in its week) and DMed each manager "nothing to tell of that
    week" with a chart of eight empty weeks: a DM about their team's week that told nothing.
    No DM and no chart now; W47's, the first week counted, comes on W48's Monday as ever."""
    fresh_install.services.clock.freeze(W47_TUE + timedelta(minutes=10))
    await run_digests(fresh_install)
    assert sent_to(fresh_install, None) == {}
    assert charts(fresh_install, "maria") == []
    fresh_install.services.clock.freeze(MONDAY_W48 + timedelta(hours=10))
    await run_digests(fresh_install)
    assert sent_to(fresh_install, None) == {"hana": 1, "maria": 1, "bob": 1}
    [digest] = digests(fresh_install, "maria")
    assert "received 0 kudos in 2026-W47" in blocks_text(digest.blocks)
    assert len(charts(fresh_install, "maria")) == 1


async def test_the_chart_has_no_bar_of_a_week_before_askaround_counted(
    fresh_install: SlackHarness,
) -> None:
    """Installed on W47's Tuesday: W47's digest charted eight weeks, seven of them bars of 0
    from before the install, as if nobody had been thanked in them. Its chart is of W47
    alone, and W48's of W47 and W48, each titled with its weeks."""
    clock = fresh_install.services.clock
    clock.freeze(W47_WED)
    await give_directly(fresh_install, "alice", "@bob for the release checklist #teamwork")
    clock.freeze(MONDAY_W48 + timedelta(hours=10))
    await run_digests(fresh_install)
    [chart] = charts(fresh_install, "maria")
    assert chart.title == "Kudos per value, 1 week to 2026-W47"
    maria = fresh_install.user("maria")
    first = await fresh_install.services.digests.summary(fresh_install.team_id, maria, W47)
    assert [(w.week, w.total) for w in first.weekly] == [(W47, 1)]
    clock.freeze(MONDAY_W48 + timedelta(days=7, hours=10))
    await run_digests(fresh_install)
    assert sorted(c.title for c in charts(fresh_install, "maria")) == [
        "Kudos per value, 1 week to 2026-W47",
        "Kudos per value, 2 weeks to 2026-W48",
    ]
    second = await fresh_install.services.digests.summary(
        fresh_install.team_id, maria, IsoWeek(2026, 48)
    )
    assert [(w.week, w.total) for w in second.weekly] == [(W47, 1), (IsoWeek(2026, 48), 0)]
