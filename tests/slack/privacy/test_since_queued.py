"""What a message queued for later shows is decided when it is sent, not when it was queued:
the monthly insights DM to an admin is queued up to a day before its admin's 1st,
09:00 (`bot.insights.tell`), and who may read the whole workspace's network may change
meanwhile."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.slack.digests.conftest import PEOPLE
from tests.slack.digests.world import charts
from tests.slack.harness import bot_in_process
from tests.slack.test_insights import stage


async def test_an_admin_demoted_after_the_monthly_dm_was_queued_is_sent_none(
    tmp_path: Path,
) -> None:
    """Held before; guards the monthly DM's look at its admin when it is sent
    (`handlers.outbox.insights.monthly_dm`, `visibility.insights_scope`): November's DMs are
    queued on 30 November at 19:30 UTC, Olga's (a Slack admin, in London) for 1 December
    09:00 UTC. At 02:00 Slack makes her a member again: she manages nobody, and at 09:30 she
    is sent nothing of the workspace's network, while Dev (the admin role) has his."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        slack.services.clock.freeze(datetime(2026, 11, 30, 19, 30, tzinfo=UTC))
        assert await slack.runner.bot.scheduler.run_once("insights") == [2]
        await slack.settle()
        assert charts(slack, "olga") == []
        slack.services.clock.freeze(datetime(2026, 12, 1, 2, tzinfo=UTC))
        await slack.emu.change_user(slack.user("olga"), is_admin=False)
        await slack.settle()
        slack.services.clock.freeze(datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
        await slack.runner.bot.scheduler.run_once("insights")
        await slack.settle()
        to_olga = [m.text for m in slack.emu.dm_messages(slack.user("olga")) if m.bot_id]
        assert not [t for t in to_olga if "insights" in t.lower()], to_olga
        assert charts(slack, "olga") == []
        assert [f.name for f in charts(slack, "dev")] == ["insights-2026-11.png"]


async def test_an_admin_made_a_guest_unheard_after_it_was_queued_is_named_nobody(
    tmp_path: Path,
) -> None:
    """Dev (the `admin` role, from an import) is made a guest of the workspace in Slack after
    November's DM was queued, the `user_change` lost: when it is sent, Slack is asked about
    him, as `/askaround insights` asks, and his DM counts the help and names nobody (before, it
    read what was stored, a member, and named Bob, a connector for his public kudos)."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        slack.services.clock.freeze(datetime(2026, 11, 30, 19, 30, tzinfo=UTC))
        assert await slack.runner.bot.scheduler.run_once("insights") == [2]
        await slack.settle()
        slack.emu.workspace.users[slack.user("dev")].is_restricted = True
        slack.services.clock.freeze(datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
        await slack.runner.bot.scheduler.run_once("insights")
        await slack.settle()
        to_dev = "\n".join(
            f"{m.text}\n{m.blocks}" for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id
        )
        assert "Insights for" in to_dev, to_dev
        assert "Bob Chen" not in to_dev, to_dev
        assert "Bob Chen" in str([m.blocks for m in slack.emu.dm_messages(slack.user("olga"))])
