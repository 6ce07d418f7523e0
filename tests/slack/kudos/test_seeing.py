"""Seeing kudos end to end: `/kudos top`, `/kudos me`, `/kudos @someone` and `/kudos help`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.help import SLASH_COMMANDS
from bot.safe_text import AT
from bot.workspace_settings.service import CLI
from handlers.client.directory import sync_directory
from storage import workspaces
from storage.models import Kudos
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure, ephemeral_text, give, shift_kudos


async def _some_kudos(slack: SlackHarness) -> None:
    await give(slack, "alice", "@bob @carol for untangling the release #teamwork")
    await give(slack, "maria", "@bob for the postgres upgrade #craft")
    await give(slack, "bob", "@carol for the on-call handover #teamwork", channel="general")


async def test_leaderboard_names_people_without_pinging_them(slack: SlackHarness) -> None:
    """`/kudos top` ranks by kudos received, by name: no `<@U…>` that would notify anyone."""
    await _some_kudos(slack)
    await slack.emu.slash_command(
        slack.user("maria"), "/kudos", "top", channel_id=slack.channel("general")
    )
    await slack.settle()
    [board] = slack.emu.ephemerals(slack.user("maria"))[-1:]
    assert "leaderboard this month" in board.text
    assert board.text.index("Bob Chen · 2") < board.text.index("Carol Diaz · 2")
    assert "<@" not in board.text and "<@" not in str(board.blocks)


async def test_leaderboard_by_period_and_value(slack: SlackHarness) -> None:
    """`top week #craft` keeps this week's kudos tagged #craft; `all` reaches back further."""
    await give(slack, "alice", "@carol for last year's migration #craft")
    await shift_kudos(slack, created_at=slack.services.clock.now() - timedelta(days=400))
    await give(slack, "maria", "@bob for the postgres upgrade #craft")
    await give(slack, "alice", "@carol for the on-call handover #teamwork")
    await give(slack, "maria", "top week #craft")
    said = ephemeral_text(slack, "maria")
    assert "Bob Chen · 1" in said and "Carol" not in said.split("this week")[1]
    await give(slack, "maria", "top all #craft")
    assert "Carol Diaz · 1" in ephemeral_text(slack, "maria").split("of all time")[1]
    await give(slack, "maria", "top fortnight")
    assert "I don't know the period “fortnight”" in ephemeral_text(slack, "maria")
    # echoed in “…”, as the bot may show it: a typed backtick ended a code span, and Slack
    # reads `<!channel>` as markup inside one too
    await give(slack, "maria", "top fort`night <!channel>")
    said = ephemeral_text(slack, "maria")
    assert "I don't know the period “fort`night”" in said, said
    await give(slack, "maria", "top <!channel>")
    said = ephemeral_text(slack, "maria")
    assert "I don't know the period “@\u2060channel”" in said and "<!channel>" not in said, said
    await give(slack, "maria", "top last")
    assert "`last` needs a period after it: `last week`, `last month`" in ephemeral_text(
        slack, "maria"
    )
    await give(slack, "maria", "top #crafts")
    assert "Did you mean #craft" in ephemeral_text(slack, "maria")


async def test_an_empty_board_of_a_retired_value_invites_no_kudos(slack: SlackHarness) -> None:
    """`/kudos top #craft` after #craft was retired said "No kudos yet. Be the first", inviting
    kudos with a value every new kudos is refused; it now says the value is retired."""
    await slack.services.workspace_settings.change(
        slack.emu.team_id, {"values": "teamwork, ownership"}, by=CLI
    )
    await give(slack, "maria", "top #craft")
    said = ephemeral_text(slack, "maria")
    assert "Be the first" not in said and "/kudos @name" not in said, said
    assert "No kudos this month for `#craft`, which is no longer a company value." in said, said
    await give(slack, "maria", "top #teamwork")
    assert "Be the first" in ephemeral_text(slack, "maria")


async def test_an_empty_board_of_a_value_names_it_and_its_period(slack: SlackHarness) -> None:
    """`/kudos top month #craft` with no #craft kudos this month said "No kudos yet. Be the
    first: `/kudos @name for … #value`": there may be some before this month, and the example
    is of #craft. All time is "yet"."""
    await give(slack, "alice", "@carol for last year's migration #craft")
    await shift_kudos(slack, created_at=slack.services.clock.now() - timedelta(days=400))
    await give(slack, "maria", "top month #craft")
    said = ephemeral_text(slack, "maria")
    assert "No kudos this month. Be the first: `/kudos @name for … #craft`" in said, said
    await give(slack, "maria", "top all #teamwork")
    said = ephemeral_text(slack, "maria")
    assert "No kudos yet. Be the first: `/kudos @name for … #teamwork`" in said, said


@pytest.mark.postgres_too
async def test_a_period_said_as_the_leaderboard_names_it_is_understood(
    slack: SlackHarness,
) -> None:
    """The help says "a week, month, quarter, year or all time" and the title "this week":
    `top this week` and `top all time #craft` are those leaderboards, not unknown periods."""
    await give(slack, "maria", "@bob for the postgres upgrade #craft")
    await give(slack, "maria", "top this week")
    assert "leaderboard this week*\n:first_place_medal: Bob Chen · 1" in ephemeral_text(
        slack, "maria"
    )
    await give(slack, "maria", "top all time #craft")
    said = ephemeral_text(slack, "maria").split("of all time for `#craft`")[-1]
    assert "Bob Chen · 1" in said, said
    # `alltime`, `all-time` and `ever` were "I don't know the period": they are all time.
    for typed in ("alltime", "All-Time", "ever"):
        await give(slack, "maria", f"top {typed}")
        said = slack.emu.ephemerals(slack.user("maria"))[-1].text
        assert "leaderboard of all time*" in said and "Bob Chen · 1" in said, (typed, said)


@pytest.mark.postgres_too
async def test_last_week_is_the_whole_week_before_this_one(slack: SlackHarness) -> None:
    """`top last week` was refused as the unknown period `last`: it ranks the week before
    this one alone, as `/kudos report last week` reads it, and an empty one is just said."""
    slack.services.clock.freeze(datetime(2026, 6, 10, 12, tzinfo=UTC))  # a Wednesday
    await give(slack, "maria", "@bob for the postgres upgrade #craft")
    await shift_kudos(slack, created_at=slack.services.clock.now() - timedelta(days=7))
    await give(slack, "maria", "@carol for the on-call handover #craft")
    await give(slack, "alice", "top last week")
    said = ephemeral_text(slack, "alice").split("leaderboard last week*")[-1]
    assert "Bob Chen · 1" in said and "Carol" not in said, said
    await give(slack, "alice", "top this week")
    said = ephemeral_text(slack, "alice").split("leaderboard this week*")[-1]
    assert "Carol Diaz · 1" in said and "Bob" not in said, said
    await give(slack, "alice", "top last year #craft")
    said = ephemeral_text(slack, "alice").split("leaderboard last year for `#craft`*")[-1]
    assert said.strip() == "No kudos last year.", said


async def test_people_tied_on_the_leaderboard_share_their_place(slack: SlackHarness) -> None:
    """Bob and Carol have 2 kudos each, Maria 1: both get the gold medal, and Maria is third
    (two people are ahead of her), not second."""
    await give(slack, "alice", "@bob @carol for the release rehearsal #teamwork")
    await give(slack, "maria", "@carol @bob for the failover drill #teamwork")
    await give(slack, "alice", "@maria for the calm planning #teamwork")
    await give(slack, "alice", "top")
    said = ephemeral_text(slack, "alice").split("this month")[-1]
    assert ":first_place_medal: Bob Chen · 2" in said, said
    assert ":first_place_medal: Carol Diaz · 2" in said, said
    assert ":third_place_medal: Maria Lopez · 1" in said, said


@pytest.mark.postgres_too  # the only test reaching `storage.kudos.tied_with`
async def test_people_tied_with_the_last_place_shown_are_counted_not_dropped(
    slack: SlackHarness,
) -> None:
    """Bob has 2 kudos; eleven colleagues have 1 each, all tied for second. The board shows
    ten places, and the two tied left out of it were dropped without a word, as if the nine
    shown were the only ones in second place. They are counted: "…and 2 more tied at 1
    kudos."; a board cut where nobody is tied says nothing more."""
    await configure(slack, daily_allowance=20)
    handles = [f"pat{n:02d}" for n in range(11)]
    for handle in handles:
        slack.users[handle] = slack.emu.workspace.add_user(handle).id
    named = " ".join(f"@{h}" for h in handles)
    await give(slack, "alice", f"@bob {named} for the quarterly cleanup day #teamwork")
    await give(slack, "maria", "@bob for the quarterly cleanup report #teamwork")
    await give(slack, "carol", "top")
    said = ephemeral_text(slack, "carol").split("this month")[-1]
    assert ":first_place_medal: Bob" in said, said
    assert said.count(":second_place_medal:") == 9, said
    assert said.rstrip().endswith("…and 2 more tied at 1 kudos."), said


async def test_me_shows_received_given_values_streak_and_reasons(slack: SlackHarness) -> None:
    """`/kudos me` sums up what you received and gave, your top values and giving streak."""
    await _some_kudos(slack)
    await give(slack, "bob", "me")
    said = ephemeral_text(slack, "bob").split("*Your kudos*")[1]
    assert "2 received, 1 given" in said
    assert "1-week giving streak" in said
    assert "`#teamwork` (1)" in said and "`#craft` (1)" in said
    assert "the postgres upgrade" in said and "from Maria Lopez" in said


async def test_a_kudos_listed_with_more_values_than_fit_counts_the_rest(
    slack: SlackHarness,
) -> None:
    """A list of reasons (`/kudos me`, `/kudos @someone`, the Home tab) shows at most ten of a
    kudos's values, the last place saying how many more it has and where: its shout-out,
    which names them all (they were dropped without a word)."""
    values = [f"value{i:02d}" for i in range(12)]
    async with slack.services.sessions() as s, s.begin():
        await workspaces.set_values(s, slack.team_id, values)
    await give(slack, "alice", "@bob for the postgres upgrade " + " ".join(f"#{v}" for v in values))
    await give(slack, "bob", "me")
    said = ephemeral_text(slack, "bob").split("*Recently*")[1]
    assert "`#value08` …and 3 more in its shout-out." in said, said
    shoutout = str(slack.emu.messages(slack.channel("general"))[-1].blocks)
    assert "#value09" not in said and "`#value11`" in shoutout


async def test_about_someone_lists_public_reasons_only(slack: SlackHarness) -> None:
    """`/kudos @carol` shows what Carol was thanked for in public, not in private channels."""
    await _some_kudos(slack)
    await give(slack, "alice", "@bob for keeping a secret well", channel="secret")
    await give(slack, "maria", "@bob")
    said = ephemeral_text(slack, "maria")
    assert "Bob Chen* was thanked 2 times in public" in said
    assert "postgres upgrade" in said and "secret" not in said


async def test_a_colleague_a_reason_mentions_is_named_where_it_is_listed(
    slack: SlackHarness,
) -> None:
    """A reacted message mentions Maria as Slack sends it, `<@U…>` with no label: `/kudos me`
    and `/kudos @carol` name her (`@Maria Lopez`, which pings nobody), not `@someone`."""
    await give(slack, "maria", "@alice for the calm incident review")  # the bot knows her
    message = await slack.post(
        "carol", "general", f"the failover runbook is done, thanks <@{slack.user('maria')}>"
    )
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    await slack.settle()
    await give(slack, "carol", "me")
    await give(slack, "alice", "@carol")
    for handle in ("carol", "alice"):
        said = ephemeral_text(slack, handle)
        assert f"thanks {AT}Maria Lopez" in said and "someone" not in said, said
        assert f"<@{slack.user('maria')}>" not in said


async def test_help_lists_every_kudos_subcommand(slack: SlackHarness) -> None:
    """`/kudos help` (and a bare `/kudos`) lists every usage from bot/help.py."""
    await give(slack, "carol", "help")
    said = ephemeral_text(slack, "carol")
    for usage in SLASH_COMMANDS["/kudos"]:
        assert usage.example in said and usage.summary in said


async def test_a_streak_longer_than_a_year_is_counted_whole(slack: SlackHarness) -> None:
    """Bob has thanked someone every week for 60 weeks: `/kudos me` says 60, not the 52 or
    53 weeks a year holds. On a Wednesday at noon: a week backdated across a change of summer
    time stays in its week (from a Sunday at 23:00 UTC one landed on a Monday in London, and
    the streak read 36)."""
    slack.services.clock.freeze(datetime(2026, 6, 10, 12, tzinfo=UTC))  # a Wednesday
    for _week in range(60):
        async with slack.services.sessions() as s, s.begin():
            for row in await s.scalars(select(Kudos)):
                row.created_at -= timedelta(weeks=1)  # what was given so far, a week older
        await give(slack, "bob", "@carol for the on-call handover #teamwork")
    await give(slack, "bob", "me")
    assert "60-week giving streak" in ephemeral_text(slack, "bob").split("*Your kudos*")[1]


async def test_someone_whose_slack_name_is_blank_is_named_by_their_handle(
    slack: SlackHarness,
) -> None:
    """A profile whose real name is only spaces is named by its handle, as one with no real
    name is: `/kudos top` read `  · 1` (a blank in bold elsewhere, `** was thanked`)."""
    ana = slack.emu.workspace.add_user("ana", real_name="   ").id
    await give(slack, "alice", f"<@{ana}> for the release notes #teamwork")
    await give(slack, "maria", "top")
    assert "ana · 1" in ephemeral_text(slack, "maria"), ephemeral_text(slack, "maria")


@pytest.mark.postgres_too  # reaches the namesakes' query of `storage.people.display_names`
async def test_two_people_of_one_name_are_told_apart_on_the_leaderboard(
    slack: SlackHarness,
) -> None:
    """Two colleagues Slack calls Carol Diaz (@carol and @erin) were thanked once each: the
    board names each with their handle, where it read "Carol Diaz · 1" twice, one person to a
    reader. Alone on the board, Erin is told apart from her namesake all the same."""
    erin = slack.emu.workspace.add_user("erin", real_name="Carol Diaz").id
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    await give(slack, "alice", f"<@{erin}> for the release notes #teamwork")
    await give(slack, "bob", "top")
    assert "Carol Diaz (@erin) · 1" in ephemeral_text(slack, "bob"), ephemeral_text(slack, "bob")
    await give(slack, "alice", "@carol for the changelog #teamwork")
    await give(slack, "maria", "top")
    board = ephemeral_text(slack, "maria")
    assert "Carol Diaz (@carol) · 1" in board and "Carol Diaz (@erin) · 1" in board, board
    assert "<@" not in board, board
