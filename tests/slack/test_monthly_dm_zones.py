"""The monthly insights DM reaches each admin on the 1st at 09:00 in their own time zone: never
before their month is over, never in their night."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import update

from storage.models import Person
from tests.slack.digests.conftest import PEOPLE, org_chart
from tests.slack.digests.world import charts
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_insights import stage

# dev (the admin role) lives on Kiritimati (UTC+14), olga (a Slack admin) in Pago Pago (UTC-11).
ZONES = {"dev": "Pacific/Kiritimati", "olga": "Pacific/Pago_Pago"}
FAR_APART = tuple(replace(p, tz=ZONES.get(p.handle, p.tz)) for p in PEOPLE)


async def months_sent(slack: SlackHarness, at: datetime, handle: str) -> list[str]:
    """The monthly pictures in `handle`'s DM after the hourly job ran at `at`."""
    slack.services.clock.freeze(at)
    await slack.runner.bot.scheduler.run_once("insights")
    await slack.settle()
    return [f.name for f in charts(slack, handle)]


async def test_each_admin_gets_the_month_on_their_own_first_at_nine(tmp_path: Path) -> None:
    """30 November 19:30 UTC is 1 December 09:30 on Kiritimati: dev has November's DM, while
    for olga it is still 30 November. At 1 December 10:00 UTC it is 23:00 on 30 November in
    Pago Pago: olga's November is not over, and she gets nothing in her night. At 20:30 UTC
    it is her 1 December 09:30: November's DM reaches her, and dev has had his once."""
    async with bot_in_process(tmp_path, people=FAR_APART) as slack:
        await stage(slack)
        async with slack.services.sessions() as s, s.begin():  # as the org chart stores them
            for handle, tz in ZONES.items():
                await s.execute(
                    update(Person).where(Person.user_id == slack.user(handle)).values(tz=tz)
                )
        assert await months_sent(slack, datetime(2026, 11, 30, 19, 30, tzinfo=UTC), "dev") == [
            "insights-2026-11.png"
        ]
        assert charts(slack, "olga") == []
        assert await months_sent(slack, datetime(2026, 12, 1, 10, tzinfo=UTC), "olga") == []
        assert await months_sent(slack, datetime(2026, 12, 1, 20, 30, tzinfo=UTC), "olga") == [
            "insights-2026-11.png"
        ]
        assert [f.name for f in charts(slack, "dev")] == ["insights-2026-11.png"]


async def test_an_admin_who_flew_west_since_it_was_queued_gets_it_at_nine_where_she_is_now(
    tmp_path: Path,
) -> None:
    """November's DMs are queued on 30 November at 19:30 UTC, olga's (London) for 1 December
    09:00 UTC. She flies to Honolulu that night, and Slack says so: at 09:30 UTC it is 23:30
    on 30 November there, and the DM waits for her 1 December, 09:00 (19:00 UTC)."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        assert await months_sent(slack, datetime(2026, 11, 30, 19, 30, tzinfo=UTC), "olga") == []
        slack.services.clock.freeze(datetime(2026, 12, 1, 2, tzinfo=UTC))
        await slack.emu.change_user(slack.user("olga"), tz="Pacific/Honolulu")
        await slack.settle()
        assert await months_sent(slack, datetime(2026, 12, 1, 9, 30, tzinfo=UTC), "olga") == []
        assert await months_sent(slack, datetime(2026, 12, 1, 19, 1, tzinfo=UTC), "olga") == [
            "insights-2026-11.png"
        ]


async def test_a_workspace_installed_mid_month_gets_its_first_on_the_next_1st(
    tmp_path: Path,
) -> None:
    """Installed on 15 December: the hourly job's first run queued November's DM, due since
    1 December, and dev (the `admin` role) had his "monthly" insights minutes after the
    install, of a month askaround never saw, where he was told "on the 1st of each month, at
    09:00". His first is December's, on 1 January."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await org_chart(slack, installed=datetime(2026, 12, 15, 9, tzinfo=UTC))
        assert await months_sent(slack, datetime(2026, 12, 15, 10, tzinfo=UTC), "dev") == []
        assert await months_sent(slack, datetime(2027, 1, 1, 10, tzinfo=UTC), "dev") == [
            "insights-2026-12.png"
        ]
