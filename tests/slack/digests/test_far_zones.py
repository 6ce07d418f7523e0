"""Weekly digests for managers far from UTC and across clock changes: each goes out once,
at Monday 09:00 where the manager lives, for the week before in their own calendar; and the
ISO year's week 53 (2026 has one) is a week like any other."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.digests.weeks import IsoWeek
from bot.timezone import zone
from tests.slack.digests.conftest import PEOPLE, give_directly, org_chart
from tests.slack.digests.test_report import report
from tests.slack.digests.world import digests, run_digests, zoneless
from tests.slack.harness import SlackHarness, bot_in_process


@pytest.fixture
async def company(tmp_path: Path) -> AsyncIterator[SlackHarness]:
    async with bot_in_process(tmp_path, people=PEOPLE) as harness:
        await org_chart(harness, installed=datetime(2026, 6, 1, tzinfo=UTC))
        yield harness


async def _live_in(slack: SlackHarness, zones: dict[str, str]) -> None:
    """The managers move: Slack says so in `user_change`, as it does when they travel."""
    for handle, tz in zones.items():
        await slack.emu.change_user(slack.user(handle), tz=tz)
    await slack.settle()


async def _first_sent(
    slack: SlackHarness, start: datetime, hours: int, managers: dict[str, str]
) -> dict[str, list[tuple[str, datetime]]]:
    """Run the job every half hour from `start` for `hours`; each manager's digests, with the
    week and the local time at which the run that sent it came."""
    slack.services.clock.freeze(start)
    # The digests of the week before, still due, are not this test's: recorded as sent
    # without being drawn (the demo's start, `skip_due`), each chart 50 ms of CPU.
    await slack.services.digests.skip_due(slack.team_id)
    seen: dict[str, list[tuple[str, datetime]]] = {h: [] for h in managers}
    done = {h: len(digests(slack, h)) for h in managers}
    at = start
    while at < start + timedelta(hours=hours):
        slack.services.clock.freeze(at)
        await run_digests(slack)
        for handle, tz in managers.items():
            for message in digests(slack, handle)[done[handle] + len(seen[handle]) :]:
                week = (message.metadata or {})["event_payload"]["key"].rsplit(":", 1)[1]
                seen[handle].append((week, at.astimezone(zone(tz)).replace(tzinfo=None)))
        at += timedelta(minutes=30)
    return seen


async def test_managers_in_utc_minus_10_plus_5_45_and_plus_14_get_it_at_their_nine(
    company: SlackHarness,
) -> None:
    """Honolulu, Kathmandu and Kiritimati are 24 hours and 45 minutes apart: W48's digest
    reaches each at 09:00 on their own Monday 30 November (the job's half-hourly runs here
    reach Kathmandu's at 09:15), once."""
    zones = {"hana": "Pacific/Kiritimati", "maria": "Asia/Kathmandu", "bob": "Pacific/Honolulu"}
    await _live_in(company, zones)
    seen = await _first_sent(company, datetime(2026, 11, 29, 12, tzinfo=UTC), 60, zones)
    assert seen == {
        "hana": [("2026-W48", datetime(2026, 11, 30, 9, 0))],
        "maria": [("2026-W48", datetime(2026, 11, 30, 9, 15))],
        "bob": [("2026-W48", datetime(2026, 11, 30, 9, 0))],
    }


# Weekends with a clock change: London's summer time ends on 25 Oct 2026 and starts on
# 28 Mar 2027, New York's ends on 1 Nov 2026 and starts on 14 Mar 2027.
CHANGES = ("2026-10-25", "2026-11-01", "2027-03-14", "2027-03-28")


@pytest.mark.parametrize("sunday", CHANGES)
async def test_a_week_ending_with_a_clock_change_gets_its_digest_once_at_nine(
    company: SlackHarness, sunday: str
) -> None:
    """From that Sunday's noon (UTC) for 40 hours, every half hour: bob (London) and maria
    (New York) each get the week's digest once, at 09:00 on their Monday, whichever side of
    the change it is."""
    zones = {"bob": "Europe/London", "maria": "America/New_York"}
    await _live_in(company, zones)
    start = datetime.fromisoformat(sunday).replace(hour=12, tzinfo=UTC)
    seen = await _first_sent(company, start, 40, zones)
    week = IsoWeek.of(start.date()).label
    monday = datetime.combine(start.date() + timedelta(days=1), time(9))
    assert seen == {"bob": [(week, monday)], "maria": [(week, monday)]}


async def test_week_53_of_2026_is_reported_and_is_last_week_on_4_january(
    company: SlackHarness,
) -> None:
    """2026 has an ISO week 53 (28 Dec to 3 Jan): a kudos of 31 December is in it, `last
    week` is it at 00:30 on Monday 4 January where maria lives (Kiritimati, still Sunday in
    UTC), and `this week` is 2027-W01."""
    await _live_in(company, {"maria": "Pacific/Kiritimati"})
    clock = company.services.clock
    clock.freeze(datetime(2026, 12, 31, 12, tzinfo=UTC))
    await give_directly(company, "alice", "@bob for the year-end freeze #teamwork")
    clock.freeze(datetime(2027, 1, 3, 10, 30, tzinfo=UTC))  # Monday 4 Jan 00:30 on Kiritimati
    said = await report(company, "maria", "last week")
    assert "in 2026-W53" in said and "the year-end freeze" in said, said
    said = await report(company, "maria", "2026-W53")
    assert "in 2026-W53" in said and "the year-end freeze" in said, said
    said = await report(company, "maria", "W53")
    assert "in 2026-W53" in said, said
    said = await report(company, "maria", "this week")
    assert "in 2027-W01" in said and "(04 Jan 2027)" in said, said


async def test_a_manager_in_a_zone_python_does_not_know_gets_it_at_nine_by_slacks_offset(
    company: SlackHarness,
) -> None:
    """Slack names maria's zone `Asia/Nowhere`, which zoneinfo does not know, with an offset
    of +05:45: her digest comes at 09:00 by that offset (03:15 UTC), not at 09:00 UTC."""
    maria = company.emu.workspace.users[company.user("maria")]
    maria.tz, maria.tz_offset, maria.tz_label = "Asia/Nowhere", 20700, "Nowhere Time"
    await company.emu.change_user(company.user("maria"), title="Engineering manager")
    await company.settle()
    seen = await _first_sent(
        company, datetime(2026, 11, 29, 12, tzinfo=UTC), 40, {"maria": "UTC+05:45"}
    )
    assert seen == {"maria": [("2026-W48", datetime(2026, 11, 30, 9, 15))]}


async def test_a_manager_whose_profile_never_had_a_time_zone_gets_it_at_nine_utc(
    company: SlackHarness,
) -> None:
    """Slack never gave maria's profile a `tz` (stored blank, `bot.timezone.NO_ZONE`; a
    `user_change` leaving it out keeps a zone once known): her weeks and her 09:00 are UTC's."""
    await zoneless(company, "maria")
    seen = await _first_sent(company, datetime(2026, 11, 29, 12, tzinfo=UTC), 40, {"maria": "UTC"})
    assert seen == {"maria": [("2026-W48", datetime(2026, 11, 30, 9, 0))]}
    # and it says so: her week ran from midnight UTC, not from her own
    digest = digests(company, "maria")[-1]
    assert "Your team's week 2026-W48 (23 Nov 2026, in UTC)" in f"{digest.text} {digest.blocks}"
    hana = digests(company, "hana")[-1]  # in her own zone, Slack's: no zone to name
    assert "Your team's week 2026-W48 (23 Nov 2026)" in f"{hana.text} {hana.blocks}"
