"""`/kudos report` end to end: the digest's summary on demand, ephemeral, and only for who
may see it: a manager their own org, admins anyone's, everyone else a clear no."""

from __future__ import annotations

from datetime import timedelta

from tests.slack.digests.conftest import MONDAY_W48
from tests.slack.digests.world import blocks_text, digests, run_digests
from tests.slack.harness import SlackHarness


async def report(slack: SlackHarness, handle: str, text: str) -> str:
    """Run `/kudos report …` as this person; what only they now see."""
    before = len(slack.emu.ephemerals(slack.user(handle)))
    await slack.command(handle, "/kudos", f"report {text}".strip())
    await slack.settle()
    shown = slack.emu.ephemerals(slack.user(handle))[before:]
    assert shown, f"{handle} saw no answer"
    return "\n".join(e.text + "\n" + blocks_text(e.blocks) for e in shown)


async def test_a_manager_sees_their_week_and_their_orgs(company: SlackHarness) -> None:
    """Maria's `last week` is the digest's W47 summary; she may also see Bob's, who reports
    to her; private kudos stay a count."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "last week")
    assert "received 4 kudos in 2026-W47" in said
    assert "Bob Chen, from Hana Okafor: the postgres upgrade #craft" in said
    assert "1 kudos given in private conversations" in said and "secret" not in said
    said = await report(company, "maria", "2026-W47 @bob")
    assert "Bob Chen's team (2 people) received 1 kudos in 2026-W47" in said
    said = await report(company, "maria", "this week")
    assert "received 1 kudos so far in 2026-W48" in said and "late-night rollback" in said


async def test_a_week_without_its_year_is_the_latest_one_of_that_number(
    company: SlackHarness,
) -> None:
    """`W47` in week 48 is this year's; `W50`, not begun this year, is last year's: a report
    looks back. `W47` was refused as not a week."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "W47")
    assert "Your team (4 people) received 4 kudos in 2026-W47" in said, said
    said = await report(company, "maria", "week 47 @bob")
    assert "Bob Chen's team (2 people) received 1 kudos in 2026-W47" in said, said
    said = await report(company, "maria", "w50")
    assert "2025-W50" in said and "hasn't started yet" not in said, said


async def test_others_are_refused_and_admins_see_anyone(company: SlackHarness) -> None:
    """Bob may not read his manager's report, Alice has no team (nor Maria's to read); Olga
    (a Slack admin) and Dev (role "admin") may read Maria's; a bad week, or one still to
    come, is explained."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "bob", "2026-W47 @maria")
    assert "your own org only" in said and "received" not in said
    said = await report(company, "alice", "")
    assert "nobody reports to you in the org chart" in said
    # Alice, with no team, asking for Maria's is not told of a report of her own.
    said = await report(company, "alice", "2026-W47 @maria")
    assert "nobody reports to you in the org chart" in said and "yours" not in said, said
    # Not "admins": people named to change the settings are askaround admins, and can't.
    anyones = (
        "Slack's workspace admins and owners and people with the `admin` role can see anyone's"
    )
    assert anyones in said and "received" not in said, said
    said = await report(company, "bob", "2026-W47 @maria")
    assert anyones in said and "your own org only" in said, said
    for admin in ("olga", "dev"):
        said = await report(company, admin, "2026-W47 @maria")
        assert "Maria Lopez's team (4 people) received 4 kudos in 2026-W47" in said
    said = await report(company, "maria", "2026-W99")
    assert "“2026-W99” is not a week I know: say `this week`, `last week` or" in said
    said = await report(company, "maria", "next week")
    assert "“next week” is not a week I know: say `this week`, `last week` or" in said
    # the words are echoed in “…”: in a code span a typed backtick ended it, marks and all
    said = await report(company, "maria", "next `week` <!channel>")
    assert "“next `week` @\u2060channel” is not a week I know" in said, said
    said = await report(company, "maria", "2026-W50")
    assert "2026-W50 hasn't started yet: the latest report is this week's, 2026-W48." in said
    assert "received" not in said


async def test_a_manager_who_left_is_still_in_the_org_of_those_above(
    company: SlackHarness,
) -> None:
    """Bob, who manages Carol and Erin, left. Maria, his manager, may still read his team's
    week, as an admin may; she was told Bob was not in her org."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    await company.emu.change_user(company.user("bob"), deleted=True)
    await company.settle()
    for viewer in ("maria", "olga"):
        said = await report(company, viewer, "2026-W47 @bob")
        assert "Bob Chen's team (2 people)" in said and "your own org only" not in said, said


async def test_a_week_reads_the_same_after_someone_in_it_left(company: SlackHarness) -> None:
    """Bob was thanked twice in W47, then left. Maria's W47 still has her 4 people and their
    4 kudos, Bob's shout-outs among them; her W48, after he left, counts without him."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=7, hours=12))
    await company.emu.change_user(company.user("bob"), deleted=True)
    await company.settle()
    said = await report(company, "maria", "2026-W47")
    assert "Your team (4 people) received 4 kudos in 2026-W47" in said, said
    assert "Bob Chen, from Hana Okafor: the postgres upgrade #craft" in said
    said = await report(company, "maria", "2026-W48")
    assert "Your team (3 people)" in said, said


async def test_a_colleague_a_reason_mentions_is_named(company: SlackHarness) -> None:
    """Kudos for a reacted message that mentions Dev as Slack sends it (`<@U…>`, no name):
    Maria's report names him, `@Dev Patel`, where it read `@someone`."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    await company.command("dev", "/kudos", "me")  # the bot knows Dev, as a synced workspace does
    message = await company.post(
        "alice", "general", f"the rollback is done, thanks <@{company.user('dev')}> for the help"
    )
    await company.emu.add_reaction(company.user("bob"), message.channel, message.ts, "kudos")
    await company.settle()
    said = await report(company, "maria", "this week")
    assert "thanks @\u2060Dev Patel for the help" in said and "someone" not in said, said


async def test_a_manager_who_is_a_guest_of_the_workspace_sees_counts_only(
    company: SlackHarness,
) -> None:
    """Maria is made a multi-channel guest (Slack sends `user_change` with `is_restricted`):
    a guest reads only the channels they were invited to, so her report counts her team's
    kudos and quotes no shout-out's reason."""
    await company.emu.change_user(company.user("maria"), is_restricted=True)
    await company.settle()
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "last week")
    assert "received 4 kudos in 2026-W47" in said
    assert "the postgres upgrade" not in said and "untangling the release" not in said
    assert "4 kudos (counted, not shown)" in said and "private conversations" not in said


async def test_a_manager_made_a_guest_unheard_sees_counts_only(company: SlackHarness) -> None:
    """Maria is made a guest in Slack, but its `user_change` never reached askaround (a lost
    event; the daily sync would tell it within a day). Her `/kudos report` asks Slack about
    her anyway (is she an admin?), and that answer says she is a guest: counts, no reasons."""
    company.here.workspace.users[company.user("maria")].is_restricted = True
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "last week")
    assert "received 4 kudos in 2026-W47" in said
    assert "the postgres upgrade" not in said and "untangling the release" not in said


async def test_a_managers_digest_and_full_report_made_a_guest_unheard_count_only(
    company: SlackHarness,
) -> None:
    """As for her `/kudos report` above, Maria made a guest, the `user_change` lost: her weekly
    digest and her Home tab's *Full report* read Slack's word on her, not what was stored
    before, and count her team's kudos without quoting them (before, both quoted the shout-outs
    of channels a guest may not be in, as a member's would)."""
    maria = company.user("maria")
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    await company.emu.open_home(maria)  # as a member: the tab stays open
    await company.settle()
    company.here.workspace.users[maria].is_restricted = True
    await company.emu.click_button(maria, "Full report")  # this week's: W48, so far
    await company.settle()
    modal = company.emu.open_modal(maria)
    assert modal is not None
    said = blocks_text(modal.blocks)
    assert "received 1 kudos so far" in said and "late-night rollback" not in said, said
    company.here.workspace.users[maria].is_restricted = False  # heard: a member again
    await company.command("maria", "/kudos", "report this week")
    await company.settle()
    company.here.workspace.users[maria].is_restricted = True  # and a guest, unheard
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=7, hours=8, minutes=1))
    await run_digests(company)
    [digest] = digests(company, "maria", "2026-W48")
    said = blocks_text(digest.blocks)
    assert "received 1 kudos in 2026-W48" in said, said
    assert "late-night rollback" not in said, said


async def test_the_weeks_of_a_report_are_the_managers_wherever_its_reader_is(
    company: SlackHarness,
) -> None:
    """At 08:30 on Monday in Tokyo it is still W47's Sunday in London: hana's `last week` of
    bob's team is W46, the last week over for them, and `this week` is bob's W47."""
    company.services.clock.freeze(MONDAY_W48 - timedelta(minutes=30))
    said = await report(company, "hana", "last week @bob")
    assert "received 0 kudos in 2026-W46" in said, said
    said = await report(company, "hana", "this week @bob")
    assert "received 1 kudos so far in 2026-W47" in said, said


async def test_a_week_in_the_first_years_of_the_calendar_is_refused(company: SlackHarness) -> None:
    """`0001-W01` parsed, and the weeks before it the report looks back over are before the
    calendar's first day: the manager read "Something went wrong" (OverflowError)."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    for week in ("0001-W01", "0001-W05"):
        said = await report(company, "maria", week)
        assert f"“{week}” is not a week I know: say `this week`, `last week` or" in said
        assert "Something went wrong" not in said


async def test_a_manager_slack_does_not_know_is_nobody(company: SlackHarness) -> None:
    """`/kudos report <@UNOPE|ghost>`: a manager read "<@UNOPE> is not one of them", an admin
    "Nobody reports to <@UNOPE>"; both are told, as /kudos and /skills say, that there is
    nobody by that id. Someone real outside the org is still refused as before."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    for handle in ("maria", "olga"):
        said = await report(company, handle, "last week <@U0NOSUCH|ghost>")
        assert "I can't find <@U0NOSUCH> in this workspace" in said, (handle, said)
        assert "not one of them" not in said and "Nobody reports" not in said, said
    said = await report(company, "bob", "2026-W47 @maria")
    assert "your own org only" in said and "received" not in said


async def test_a_week_not_over_is_read_as_so_far_with_no_percentage(
    company: SlackHarness,
) -> None:
    """On Monday of W48 Maria's team has 1 kudos in a week that has hours behind it: the
    report says so far, and sets it beside the weeks before without a percentage (-33% on
    a Monday is no trend). Last week, over, is of counts too small for one (under 5)."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    said = await report(company, "maria", "this week")
    assert "received 1 kudos so far in 2026-W48, a week not over yet." in said, said
    assert "%" not in said.split("2026-W48", 2)[2].split("\n")[0], said
    said = await report(company, "maria", "last week")
    assert "received 4 kudos in 2026-W47. Previous 4 weeks: 0.5 a week on average." in said


async def test_the_files_are_said_to_be_in_the_dm_only_once_they_are(
    company: SlackHarness,
) -> None:
    """A report cut to fit says the rest is in CSV files in a DM: only once they were sent.
    Slack refusing the upload, the asker is not told of files that are nowhere."""
    from tests.slack.digests.test_large import hire

    await hire(company, 20)
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    company.emu.faults.add("files.completeUploadExternal", error="invalid_channel", times=None)
    said = await report(company, "olga", "last week @maria")
    assert "CSV files I've sent you" not in said, said
    company.emu.faults.clear()
    said = await report(company, "olga", "last week @maria")
    assert "more in the CSV files I've sent you in a direct message." in said, said


async def test_a_week_reads_the_same_after_a_helper_in_it_left(company: SlackHarness) -> None:
    """Erin took on a colleague's question in W47, was thanked for nothing, then left. Maria's
    W47 still has her 4 people and Erin under those who took on questions and among the
    unsung: it read "(3 people)" and "Carol Diaz: 1 question" alone, untrue of that week."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=7, hours=12))
    await company.emu.change_user(company.user("erin"), deleted=True)
    await company.settle()
    said = await report(company, "maria", "2026-W47")
    assert "Your team (4 people) received 4 kudos in 2026-W47" in said, said
    assert "Erin Quist: 1 question" in said and "Carol Diaz: 1 question" in said, said
    said = await report(company, "maria", "2026-W49")
    assert "Your team (3 people)" in said and "Erin" not in said, said


async def test_a_week_reads_the_same_after_the_whole_team_left(company: SlackHarness) -> None:
    """Carol (thanked) and Erin (helped), Bob's whole team in W47, left in W48. Bob's W47 and
    Maria's reading of it were refused, "nobody reports to you" and "Nobody reports to Bob
    Chen in the org chart", of a week they were his team in; a week after they left has no
    team to tell of, and is refused still."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(days=7, hours=12))
    for who in ("carol", "erin"):
        await company.emu.change_user(company.user(who), deleted=True)
    await company.settle()
    said = await report(company, "bob", "2026-W47")
    assert "Your team (2 people) received 1 kudos in 2026-W47" in said, said
    assert "Erin Quist: 1 question" in said, said
    said = await report(company, "maria", "2026-W47 @bob")
    assert "Bob Chen's team (2 people) received 1 kudos in 2026-W47" in said, said
    said = await report(company, "maria", "2026-W49 @bob")
    assert "Nobody reports to" in said and "received" not in said, said


async def test_two_people_of_one_name_are_counted_apart(company: SlackHarness) -> None:
    """Erin is renamed Carol Diaz in Slack, as Carol is called. Each took on one question in
    W47: Maria's W47 reads a line for each, told apart by their handles, where it read
    "Carol Diaz: 2 questions", true of neither."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    await company.emu.change_user(company.user("erin"), real_name="Carol Diaz")
    await company.settle()
    said = await report(company, "maria", "2026-W47")
    assert "2 questions" not in said, said
    assert "Carol Diaz (@carol): 1 question" in said, said
    assert "Carol Diaz (@erin): 1 question" in said, said


async def test_one_of_a_name_someone_outside_the_team_has_is_told_apart(
    company: SlackHarness,
) -> None:
    """Dev, of another team, is renamed Carol Diaz in Slack, as Carol of Maria's team is
    called: Maria's W47 names Carol with her handle, as the leaderboard and the roundup do,
    where "Carol Diaz: 1 question" could be read as Dev's."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    await company.emu.change_user(company.user("dev"), real_name="Carol Diaz")
    await company.settle()
    said = await report(company, "maria", "2026-W47")
    assert "Carol Diaz (@carol): 1 question" in said, said


async def test_an_admin_who_manages_nobody_is_told_how_to_see_anyones(
    company: SlackHarness,
) -> None:
    """Olga (a Slack admin) and Dev (role "admin") manage nobody: their `/kudos report` told
    them to "ask an admin to import" the org chart; they are told they can see anyone's, and
    how. Alice, no admin, is still told to ask one."""
    company.services.clock.freeze(MONDAY_W48 + timedelta(hours=12))
    for admin in ("olga", "dev"):
        said = await report(company, admin, "")
        assert "As an admin you can see anyone's: `/kudos report @manager`." in said, said
        assert "ask an admin" not in said, said
    said = await report(company, "alice", "last week")
    assert "ask an admin to import it" in said and "As an admin" not in said, said
