"""The org chart's history: a week's digest counts each kudos and each question taken on by
the team its person was in when it happened, and its team is everyone in it during the week
(someone who moved mid-week is in both teams' weeks, each counting what happened while
they were in it). Until 7 December the team was the one of the moment the digest was read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from bot.directory.import_files import RawRow
from bot.directory.importer import ImportReport, import_people
from handlers.client.directory import SlackResolver, directory_client
from storage import team_history
from storage.models import Person
from tests.slack.digests.conftest import MONDAY_W48, W47_THU, give_directly
from tests.slack.digests.test_report import report
from tests.slack.digests.world import blocks_text, digests, run_digests
from tests.slack.harness import SlackHarness

pytestmark = pytest.mark.postgres_too

W47_SAT = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
W47_WED_NOON = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)  # after Wednesday's kudos at 10:00
W47_FRI = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


async def reports_to(slack: SlackHarness, at: datetime, **managers: str) -> ImportReport:
    """`askaround import people` at `at`, of a row for each person naming their manager
    (`none`: nobody)."""
    slack.services.clock.freeze(at)
    resolver = await SlackResolver.connect(directory_client(slack.runner.settings))
    raw = [
        RawRow(
            line,
            {
                "email": f"{who}@example.com",
                "manager": boss if boss == "none" else f"{boss}@example.com",
            },
        )
        for line, (who, boss) in enumerate(managers.items(), start=2)
    ]
    return await import_people(slack.services, raw, resolver, dry_run=False, progress=False)


async def changes(slack: SlackHarness) -> list[tuple[str, str | None, str | None, datetime]]:
    async with slack.services.sessions() as s:
        rows = await team_history.changes_of(s, slack.team_id)
    return [(r.user_id, r.old_manager_user_id, r.new_manager_user_id, r.changed_at) for r in rows]


async def test_team_history_a_move_over_the_weekend_leaves_last_week_where_it_was(
    company: SlackHarness,
) -> None:
    """Carol moves from Bob's team to Alice's on W47's Saturday: Bob's digest of W47 still
    has her and the kudos she received that Wednesday, Alice's W47 has her for the weekend
    alone, with nothing received in it. It read "Bob Chen's team (1 person) received 0
    kudos", and Alice's took the kudos of Carol's week with Bob."""
    imported = await reports_to(company, W47_SAT, carol="alice")
    assert not imported.rejected, imported.rejected
    assert await changes(company) == [
        (company.user("carol"), company.user("bob"), company.user("alice"), W47_SAT)
    ]
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9, minutes=3))
    await run_digests(company)
    (bobs,) = digests(company, "bob", "2026-W47")
    said = bobs.text + blocks_text(bobs.blocks)
    assert "Your team (2 people) received 1 kudos in 2026-W47" in said, said
    assert "Carol Diaz, from Alice Martin: the on-call handover" in said, said
    said = await report(company, "maria", "2026-W47 @alice")
    assert "Alice Martin's team (1 person) received 0 kudos in 2026-W47" in said, said
    # The week after is the chart's as it is now.
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "this week @bob")
    assert "Bob Chen's team (1 person)" in said, said


async def test_team_history_a_move_mid_week_counts_each_part_in_its_team(
    company: SlackHarness,
) -> None:
    """Erin took on a question on W47's Tuesday in Bob's team, moved to Alice's on Wednesday
    at noon and was thanked on Thursday: Bob's W47 counts her help, not the kudos; Alice's
    the kudos, not the help; both count her among their week's people."""
    await reports_to(company, W47_WED_NOON, erin="alice")
    company.services.clock.freeze(W47_THU)
    await give_directly(company, "dev", "@erin for the runbook #craft")
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "2026-W47 @bob")
    assert "Bob Chen's team (2 people) received 1 kudos in 2026-W47" in said, said
    assert "Erin Quist: 1 question" in said and "the runbook" not in said, said
    said = await report(company, "maria", "2026-W47 @alice")
    assert "Alice Martin's team (1 person) received 1 kudos in 2026-W47" in said, said
    assert "Erin Quist, from Dev Patel: the runbook" in said, said
    assert "Erin Quist: 1 question" not in said, said
    # Maria's team had Erin all week, through Bob and then through Alice: nothing moves.
    said = await report(company, "maria", "2026-W47")
    assert "Your team (4 people) received 5 kudos in 2026-W47" in said, said


async def test_team_history_someone_who_left_the_team_on_friday_is_in_its_week(
    company: SlackHarness,
) -> None:
    """Carol's manager is cleared on W47's Friday (she reports to nobody in the file): Bob's
    W47 is as it was, with her; the week after, she is in nobody's team."""
    await reports_to(company, W47_FRI, carol="none")
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "2026-W47 @bob")
    assert "Bob Chen's team (2 people) received 1 kudos in 2026-W47" in said, said
    assert "Carol Diaz, from Alice Martin: the on-call handover" in said, said
    said = await report(company, "maria", "2026-W47")
    assert "Your team (4 people) received 4 kudos in 2026-W47" in said, said
    said = await report(company, "maria", "this week")
    assert "Your team (3 people)" in said, said


async def test_team_history_an_import_that_changes_nothing_writes_no_history(
    company: SlackHarness,
) -> None:
    """The file saying what the chart says, and a row naming no manager, record nothing; a
    move back and forth records both, each at its moment."""
    imported = await reports_to(company, W47_SAT, carol="bob", erin="bob")
    assert not imported.rejected and len(imported.unchanged) == 2, imported
    assert await changes(company) == []
    await reports_to(company, W47_SAT, carol="alice")
    await reports_to(company, W47_SAT + timedelta(hours=1), carol="bob")
    carol, bob, alice = (company.user(h) for h in ("carol", "bob", "alice"))
    assert await changes(company) == [
        (carol, bob, alice, W47_SAT),
        (carol, alice, bob, W47_SAT + timedelta(hours=1)),
    ]


async def test_team_history_a_manager_whose_team_moved_away_still_gets_its_week(
    company: SlackHarness,
) -> None:
    """Carol and Erin move from Bob to Maria on W47's Saturday: nobody reports to Bob now,
    yet W47 was his team's week. His digest of it comes, and `/kudos report last week` shows
    it, where both said nobody reports to him; the week after has no team of his, and no
    digest."""
    await reports_to(company, W47_SAT, carol="maria", erin="maria")
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=9, minutes=3))
    await run_digests(company)
    (bobs,) = digests(company, "bob", "2026-W47")
    assert "Your team (2 people) received 1 kudos in 2026-W47" in bobs.text, bobs.text
    said = await report(company, "bob", "last week")
    assert "Your team (2 people) received 1 kudos in 2026-W47" in said, said
    said = await report(company, "bob", "this week")
    assert "nobody reports to you in the org chart" in said, said
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=7, hours=9, minutes=3))
    await run_digests(company)
    assert digests(company, "bob", "2026-W48") == []
    assert await run_digests(company) == 0


W45_SUN = datetime(2026, 11, 8, 12, 0, tzinfo=UTC)
W46_WED_NOON = datetime(2026, 11, 11, 12, 0, tzinfo=UTC)
W46_SAT = datetime(2026, 11, 14, 12, 0, tzinfo=UTC)


async def test_team_history_the_weeks_before_are_of_who_was_in_the_team_then(
    company: SlackHarness,
) -> None:
    """Alice leaves Maria's team for Dev's on W46's Saturday; Erin, thanked in public on W46's
    Wednesday in Dev's team, comes back to Bob's that Saturday and takes on a question in
    W47. Maria's W47 compares with her weeks before as they were, Alice's W46 kudos in them:
    it read "0.25 a week", the week before counted by the team of W47. Bob's W47 does not
    call Erin unsung, "no kudos in public in 4 weeks": she had one, in another team."""
    await reports_to(company, W45_SUN, erin="dev")
    company.services.clock.freeze(W46_WED_NOON)
    await give_directly(company, "dev", "@erin for the incident write-up #craft")
    await reports_to(company, W46_SAT, alice="dev", erin="bob")
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "2026-W47")
    assert "Your team (3 people) received 3 kudos in 2026-W47" in said, said
    assert "Previous 4 weeks: 0.5 a week on average." in said, said
    said = await report(company, "maria", "2026-W47 @bob")
    assert "Erin Quist: 1 question" in said, said
    assert "Nobody: every helper was thanked." in said, said
    # Dev's W46 has Erin and her kudos.
    said = await report(company, "dev", "2026-W46")
    assert "Erin Quist, from Dev Patel: the incident write-up" in said, said


async def test_team_history_a_manager_moved_under_another_is_theirs_from_the_move_on(
    company: SlackHarness,
) -> None:
    """Bob moves from Maria's org to Dev's as W48 begins: Dev reads Bob's report of W48 (Bob's
    team in his org) but not of W47, when Carol was thanked in Maria's org (it showed Dev
    "Carol Diaz, from Alice Martin: the on-call handover"); Maria still reads Bob's W47,
    which was in hers, and not W48. A week the move is in is both orgs'. Dev is no admin here
    (an admin reads anyone's report)."""
    async with company.services.sessions() as s, s.begin():
        await s.execute(
            update(Person).where(Person.user_id == company.user("dev")).values(roles=[])
        )
    await reports_to(company, MONDAY_W48, bob="dev")
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "dev", "2026-W47 @bob")
    assert "on-call handover" not in said and "Bob Chen's team" not in said, said
    assert "was not in your org in 2026-W47" in said, said
    said = await report(company, "dev", "this week @bob")
    assert "Bob Chen's team (2 people)" in said, said
    said = await report(company, "maria", "2026-W47 @bob")
    assert "Carol Diaz, from Alice Martin: the on-call handover" in said, said
    said = await report(company, "maria", "this week @bob")
    assert "Bob Chen's team" not in said, said
