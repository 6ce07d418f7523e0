"""People far from UTC: what askaround says and does counts in their own time zone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.models import Offer
from tests.e2e.harness import PersonSpec
from tests.slack.dates import day_back
from tests.slack.harness import SlackHarness, bot_in_process

# Times cross PostgreSQL's timestamp types, which SQLite stores as text; the host's own zone
# is not UTC, and changes nothing.
pytestmark = [pytest.mark.postgres_too, pytest.mark.usefixtures("server_in_los_angeles")]

PEOPLE = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
    PersonSpec("kenji", "Kenji Sato", "Asia/Tokyo"),
    PersonSpec("kai", "Kai Kahale", "Pacific/Honolulu"),
)
# Monday 23 November 2026, 10:00 UTC: 19:00 in Tokyo, midnight in Honolulu.
MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        harness.services.clock.freeze(MONDAY)
        yield harness


async def skills(slack: SlackHarness, handle: str, text: str) -> str:
    """The reply's text, blocks included."""
    await slack.command(handle, "/skills", text)
    await slack.settle()
    reply = slack.emu.ephemerals(slack.user(handle))[-1]
    return f"{reply.text} {reply.blocks}"


async def test_away_until_tomorrow_late_in_honolulu_says_away(slack: SlackHarness) -> None:
    """Wednesday 20:00 in Honolulu is Thursday in UTC: `until tomorrow` is Kai's Thursday,
    and he is told he is away until then, not that he is available."""
    slack.services.clock.freeze(datetime(2026, 11, 26, 6, 0, tzinfo=UTC))
    said = await skills(slack, "kai", "away until tomorrow")
    assert f"You are away, back {day_back('2026-11-26', 'Pacific/Honolulu')}" in said, said


async def test_someone_away_until_thursday_is_back_on_their_own_thursday(
    slack: SlackHarness,
) -> None:
    """Kenji is away until Thursday. At 08:30 on Thursday in Tokyo (still Wednesday in UTC)
    his profile says he is available and a question on his skill goes to him."""
    said = await skills(slack, "kenji", "away until thursday")
    assert f"away, back {day_back('2026-11-26', 'Asia/Tokyo')}" in said, said
    assert "Saved: Terraform" in await skills(slack, "kenji", "add terraform:5")
    slack.services.indexes.invalidate(slack.team_id)
    slack.services.clock.freeze(datetime(2026, 11, 25, 23, 30, tzinfo=UTC))
    shown = await skills(slack, "alice", f"<@{slack.user('kenji')}>")
    assert "Status: available" in shown, shown
    question = f"<@{slack.emu.bot_user_id}> how do we unlock a stuck terraform state?"
    await slack.post("alice", "general", question)
    await slack.settle()
    async with slack.services.sessions() as s:
        asked = set((await s.scalars(select(Offer.candidate_user_id))).all())
    assert asked == {slack.user("kenji")}


def slack_says_tz(slack: SlackHarness, handle: str, tz: str, offset_hours: float) -> None:
    """What Slack's profile of `handle` says: a `tz` name and its `tz_offset` in seconds."""
    user = slack.emu.workspace.users[slack.user(handle)]
    user.tz, user.tz_offset = tz, int(offset_hours * 3600)


async def kudos(slack: SlackHarness, handle: str, text: str) -> str:
    await slack.command(handle, "/kudos", text)
    await slack.settle()
    return slack.emu.ephemerals(slack.user(handle))[-1].text


async def test_a_time_zone_name_that_is_a_folder_of_zones_does_not_break_kudos(
    slack: SlackHarness,
) -> None:
    """Slack says Kai's time zone is `Pacific`, which names a folder of the zone database, not
    a zone: his kudos still go through."""
    slack_says_tz(slack, "kai", "Pacific", -10)
    said = await kudos(slack, "kai", f"<@{slack.user('alice')}> for untangling the release")
    assert "4 of 5 left today" in said, said


async def test_a_time_zone_name_we_do_not_know_counts_by_slacks_offset(
    slack: SlackHarness,
) -> None:
    """Slack names Kai's zone with a name zoneinfo does not know, and says it is 10 hours behind
    UTC: his day of kudos runs from his midnight by that offset, not from UTC's."""
    slack_says_tz(slack, "kai", "Pacific/Somewhere_New", -10)
    slack.services.clock.freeze(datetime(2026, 11, 23, 23, 0, tzinfo=UTC))  # Monday 13:00
    alice, bob, kenji = (f"<@{slack.user(h)}>" for h in ("alice", "bob", "kenji"))
    assert "2 of 5 left" in await kudos(slack, "kai", f"{alice} {bob} {kenji} for the release")
    assert "0 of 5 left" in await kudos(slack, "kai", f"{alice} {bob} for the rollback too")
    slack.services.clock.freeze(datetime(2026, 11, 24, 1, 0, tzinfo=UTC))  # Monday 15:00
    said = await kudos(slack, "kai", f"{kenji} for the postgres upgrade")
    assert "You've given all 5 of today's kudos" in said, said
    assert "Your allowance renews at midnight (UTC-10:00)." in said, said


async def test_a_full_allowance_names_the_zone_its_day_is_counted_in(
    slack: SlackHarness,
) -> None:
    """Kai's day of kudos runs in Honolulu, and the refusal says it renews at midnight
    there, by name; Slack gives Noor no time zone, so Noor's runs in UTC, and it says so (it
    said "at midnight in your time zone", which for Noor is none)."""
    alice, bob, kenji, kai = (f"<@{slack.user(h)}>" for h in ("alice", "bob", "kenji", "kai"))
    await kudos(slack, "kai", f"{alice} {bob} {kenji} for the release")
    await kudos(slack, "kai", f"{alice} {bob} for the rollback too")
    said = await kudos(slack, "kai", f"{kenji} for the postgres upgrade")
    assert "Your allowance renews at midnight (Pacific/Honolulu)." in said, said
    slack.users["noor"] = slack.emu.workspace.add_user("noor").id
    slack_says_tz(slack, "noor", "", 0)  # a profile Slack gives no time zone
    await kudos(slack, "noor", f"{bob} {kenji} {kai} for the release")
    await kudos(slack, "noor", f"{bob} {kenji} for the rollback too")
    said = await kudos(slack, "noor", f"{kai} for the postgres upgrade")
    assert "You've given all 5 of today's kudos" in said, said
    assert "Your allowance renews at midnight UTC." in said, said


async def test_away_until_29_february_is_the_next_29_february(slack: SlackHarness) -> None:
    """`until 24 dec` is the next 24 December; `until 29 feb` in 2027, which has none, is the
    next there is, in 2028 (it was "I can't tell until when"). On 29 February 2028, late in
    Honolulu when UTC is already in March, Kai's `until 1 mar` is his tomorrow."""
    slack.services.clock.freeze(datetime(2027, 3, 1, 10, tzinfo=UTC))
    said = await skills(slack, "alice", "away until 29 feb")
    assert f"You are away, back {day_back('2028-02-29', 'Europe/Paris')}" in said, said
    slack.services.clock.freeze(datetime(2028, 3, 1, 6, tzinfo=UTC))
    said = await skills(slack, "kai", "away until 1 mar")
    assert f"You are away, back {day_back('2028-03-01', 'Pacific/Honolulu')}" in said, said


async def test_away_until_a_29_february_no_year_has_says_so(slack: SlackHarness) -> None:
    """`until 2027-02-29` is a date in the right form that the calendar lacks: the reply
    says so, rather than that it cannot tell the date and suggesting that very form."""
    said = await skills(slack, "alice", "away until 2027-02-29")
    assert "2027 has no 29 February" in said, said
    assert "2026-12-24" not in said, said
    # `till` is read as `until` is, here too
    assert "2027 has no 29 February" in await skills(slack, "alice", "away till 2027-02-29")


async def test_away_until_a_day_no_month_has_says_so(slack: SlackHarness) -> None:
    """`until 31 feb` (or `april 31`) was "I can't tell until when `until 31 feb` is", and
    suggested `until 24 dec`, the form typed: the reply says the month has no such day, as
    `until 2026-13-01` is told it is no day on the calendar."""
    said = await skills(slack, "alice", "away until 31 feb")
    assert "February has no 31st: it has 29 days at most." in said, said
    assert "can't tell" not in said, said
    said = await skills(slack, "alice", "away until april 31")
    assert "April has no 31st: it has 30 days." in said, said


async def test_an_etc_gmt_zone_is_said_as_its_offset_the_right_way_round(
    slack: SlackHarness,
) -> None:
    """Slack puts Kai in `Etc/GMT+12`, which the zone database names with POSIX's sign: it is
    12 hours *behind* UTC. His day of kudos ends at 12:00 UTC, and the refusal says it renews
    at midnight (UTC-12:00); it said "(Etc/GMT+12)", which reads as 12 hours ahead."""
    slack_says_tz(slack, "kai", "Etc/GMT+12", -12)
    alice, bob, kenji = (f"<@{slack.user(h)}>" for h in ("alice", "bob", "kenji"))
    await kudos(slack, "kai", f"{alice} {bob} {kenji} for the release")  # Sunday 22:00 for him
    await kudos(slack, "kai", f"{alice} {bob} for the rollback too")
    said = await kudos(slack, "kai", f"{kenji} for the postgres upgrade")
    assert "Your allowance renews at midnight (UTC-12:00)." in said, said
    slack.services.clock.freeze(datetime(2026, 11, 23, 12, 1, tzinfo=UTC))  # his Monday 00:01
    assert "4 of 5 left" in await kudos(slack, "kai", f"{kenji} for the postgres upgrade")


async def test_someone_slack_gives_no_time_zone_is_told_their_away_counts_in_utc(
    slack: SlackHarness,
) -> None:
    """Slack's profile of Noor has no `tz` at all: `away until tomorrow` is her tomorrow in
    UTC, and the reply says she is back from midnight UTC (it said only "on Tuesday", as
    if her own). Kai, in Honolulu, reads no zone: his day is his own."""
    slack.users["noor"] = slack.emu.workspace.add_user("noor").id
    slack.emu.workspace.users[slack.user("noor")].tz = None  # no tz, tz_label nor tz_offset
    said = await skills(slack, "noor", "away until tomorrow")
    assert f"You are away, back {day_back('2026-11-24', 'UTC')}" in said, said
    assert ", from midnight UTC: nobody will be asked" in said, said
    said = await skills(slack, "kai", "away until tomorrow")
    assert f"You are away, back {day_back('2026-11-24', 'Pacific/Honolulu')}" in said, said
    assert "UTC" not in said.split("|")[0] and "from midnight" not in said, said


async def test_kudos_day_and_away_follow_a_time_zone_slack_changes(slack: SlackHarness) -> None:
    """Kenji gives his 5 kudos at 19:30 in Tokyo, then flies to Honolulu, and Slack says so
    (`user_change`). At 16:00 UTC it is Tuesday 01:00 in Tokyo but still Monday 06:00 in
    Honolulu: his day is the one where he is, so he has none left until midnight there, and
    `away until tomorrow` is his Tuesday there."""
    alice, bob, kai = (f"<@{slack.user(h)}>" for h in ("alice", "bob", "kai"))
    slack.services.clock.freeze(datetime(2026, 11, 23, 10, 30, tzinfo=UTC))
    await kudos(slack, "kenji", f"{alice} {bob} {kai} for the release")
    await kudos(slack, "kenji", f"{alice} {bob} for the rollback too")
    slack.services.clock.freeze(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    await slack.emu.change_user(slack.user("kenji"), tz="Pacific/Honolulu")
    await slack.settle()
    slack.services.clock.freeze(datetime(2026, 11, 23, 16, 0, tzinfo=UTC))
    said = await kudos(slack, "kenji", f"{kai} for the postgres upgrade")
    assert "renews at midnight (Pacific/Honolulu)" in said, said
    said = await skills(slack, "kenji", "away until tomorrow")
    assert f"You are away, back {day_back('2026-11-24', 'Pacific/Honolulu')}" in said, said


@pytest.mark.parametrize(
    ("tz", "midnight", "next_midnight"),
    [
        # a 25-hour day: London's clocks go back at 02:00 on Sunday 25 October 2026
        ("Europe/London", "2026-10-24T23:00", "2026-10-26T00:00"),
        # a 23-hour day: New York's go forward at 02:00 on Sunday 8 March 2026
        ("America/New_York", "2026-03-08T05:00", "2026-03-09T04:00"),
        # a 23½-hour day: Lord Howe Island's go forward half an hour on Sunday 4 October 2026
        ("Australia/Lord_Howe", "2026-10-03T13:30", "2026-10-04T13:00"),
        # a 23-hour day 12¾ hours ahead: the Chatham Islands' go forward on 27 September 2026
        ("Pacific/Chatham", "2026-09-26T11:15", "2026-09-27T10:15"),
    ],
)
async def test_the_kudos_day_is_as_long_as_the_givers_day_whose_clocks_change(
    slack: SlackHarness, tz: str, midnight: str, next_midnight: str
) -> None:
    """Kai gives his 5 kudos just after midnight on a day his clocks change: he has none
    left a minute before his next midnight, however many hours the day had, and has them
    again a minute after it."""
    await slack.emu.change_user(slack.user("kai"), tz=tz)
    await slack.settle()
    start, end = (datetime.fromisoformat(t).replace(tzinfo=UTC) for t in (midnight, next_midnight))
    alice, bob, kenji = (f"<@{slack.user(h)}>" for h in ("alice", "bob", "kenji"))
    slack.services.clock.freeze(start + timedelta(minutes=1))
    await kudos(slack, "kai", f"{alice} {bob} {kenji} for the release")
    await kudos(slack, "kai", f"{alice} {bob} for the rollback too")
    slack.services.clock.freeze(end - timedelta(minutes=1))
    said = await kudos(slack, "kai", f"{kenji} for the postgres upgrade")
    assert f"Your allowance renews at midnight ({tz})." in said, said
    slack.services.clock.freeze(end + timedelta(minutes=1))
    assert "4 of 5 left" in await kudos(slack, "kai", f"{kenji} for the postgres upgrade")


async def test_someone_away_reads_back_at_the_moment_they_are_in_every_readers_zone(
    slack: SlackHarness,
) -> None:
    """Kenji (Tokyo) is away until Thursday 26 November, his Thursday: he is back at 15:00 UTC
    on Wednesday. His profile and `/skills who` read that moment as Slack shows it to each
    reader, in their own zone, where they read "away, back on 2026-11-26 (Thursday)" to Alice
    in Paris too, for whom it starts nine hours earlier."""
    await skills(slack, "kenji", "away until thursday")
    await skills(slack, "kenji", "add terraform:5")
    back = int(datetime(2026, 11, 25, 15, 0, tzinfo=UTC).timestamp())
    for asked in (f"<@{slack.user('kenji')}>", "who terraform"):
        said = await skills(slack, "alice", asked)
        # 16:00 for Alice: the time is said with the day, as it is not her midnight
        assert f"away, back <!date^{back}^{{date_long_pretty}} at {{time}}|" in said, said
        assert "|2026-11-25 15:00 UTC>" in said and "(Thursday)" not in said, said


async def test_away_and_the_request_after_it_count_in_a_zone_a_day_ahead_of_utc(
    tmp_path: Path,
) -> None:
    """Teuila lives in Kiritimati (UTC+14), a day ahead of UTC for fourteen hours of each.
    At 10:00 UTC on Monday it is her Tuesday: `away for 1 day` is until her Wednesday. At
    09:59 UTC on Tuesday (her 23:59) a question on her skill asks nobody; at 10:00 UTC (her
    Wednesday's midnight) it asks her, and the request waits for her working day, 09:00
    Wednesday there (19:00 UTC on Tuesday), rather than reaching her at midnight."""
    people = (*PEOPLE, PersonSpec("teuila", "Teuila Tebano", "Pacific/Kiritimati"))
    async with bot_in_process(tmp_path, people=people) as slack:
        slack.services.clock.freeze(MONDAY)
        assert "Saved: Terraform" in await skills(slack, "teuila", "add terraform:5")
        said = await skills(slack, "teuila", "away for 1 day")
        assert f"You are away, back {day_back('2026-11-25', 'Pacific/Kiritimati')}" in said
        for at, question in (
            (datetime(2026, 11, 24, 9, 59, tzinfo=UTC), "how do we unlock a terraform state?"),
            (datetime(2026, 11, 24, 10, 0, tzinfo=UTC), "how do we import terraform state?"),
        ):
            slack.services.clock.freeze(at)
            await slack.command("alice", "/ask", question)
            await slack.settle()
        async with slack.services.sessions() as s:
            offers = list(await s.scalars(select(Offer).order_by(Offer.id)))
        teuila = slack.user("teuila")
        assert [(o.question_id, o.candidate_user_id) for o in offers] == [(2, teuila)], offers
        for at in (
            datetime(2026, 11, 24, 18, 59, tzinfo=UTC),
            datetime(2026, 11, 24, 19, 0, tzinfo=UTC),
        ):
            assert not [m for m in slack.emu.dm_messages(teuila) if m.bot_id], at
            slack.advance(at - slack.services.clock.now())
            await slack.drain()
        assert any("terraform" in m.text for m in slack.emu.dm_messages(teuila) if m.bot_id)


async def test_the_kudos_day_follows_a_zone_whose_rules_changed(slack: SlackHarness) -> None:
    """Kai lives in Vancouver, where the clocks stayed on summer time (UTC-7) from November
    2026 on. At 06:50 UTC on 8 December it is 23:50 on his Monday; at 07:10 UTC his Tuesday
    has begun, with a new allowance. The host's zone files (Debian 12's, of 2025) still had
    Vancouver back on UTC-8, and zoneinfo read them before the newer `tzdata` package
    askaround depends on: his Monday went on until 08:00 UTC."""
    await slack.emu.change_user(slack.user("kai"), tz="America/Vancouver")
    await slack.settle()
    alice, bob, kenji = (f"<@{slack.user(h)}>" for h in ("alice", "bob", "kenji"))
    slack.services.clock.freeze(datetime(2026, 12, 8, 6, 50, tzinfo=UTC))
    await kudos(slack, "kai", f"{alice} {bob} {kenji} for the release")
    assert "0 of 5 left" in await kudos(slack, "kai", f"{alice} {bob} for the rollback too")
    slack.services.clock.freeze(datetime(2026, 12, 8, 7, 10, tzinfo=UTC))
    assert "4 of 5 left" in await kudos(slack, "kai", f"{kenji} for the postgres upgrade")
