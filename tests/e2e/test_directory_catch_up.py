"""The directory's catch-up: a bot that never synced a workspace, or not within a day, reads
`users.list` soon after it starts (or, through OAuth, is installed), so someone who left
while it was down is known as gone without any event; a restart the day of a sync, or a
second replica, does not read it again."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.directory.sync import SyncReport
from bot.runtime.runner import Runner
from bot.settings import Settings
from handlers.client.directory import profile_from_slack
from slack_emulator import SlackEmulator
from storage.models import Person, Workspace
from storage.people import get_person
from tests.databases import migrated_database
from tests.e2e.harness import DEFAULT_PEOPLE, Harness, bot_settings, new_emulator, seed_people


@asynccontextmanager
async def bot_down(tmp_path: Path) -> AsyncIterator[tuple[Harness, Settings]]:
    """Slack and a database whose bot is not running: Bob was described to it as here (an
    event, before), and no sync ever ran."""
    async with migrated_database(tmp_path) as url:
        emu = new_emulator()
        await emu.start()
        try:
            harness = seed_people(emu, emu, DEFAULT_PEOPLE)
            settings = bot_settings(emu, url, socket_mode=False)
            bob = harness.user("bob")
            async with Runner(settings) as earlier:
                await earlier.bot.scheduler.idle()
                harness.runner = earlier
                await forget_sync(harness)
                await earlier.bot.services.people.record_directory(
                    harness.team_id,
                    [profile_from_slack({"id": bob, "name": "bob", "deleted": False})],
                    SyncReport(),
                    listed=None,
                )
            yield harness, settings
        finally:
            await emu.stop()


async def forget_sync(harness: Harness, ago: timedelta | None = None) -> None:
    """The workspace's last full sync: never (None), or `ago`."""
    services = harness.services
    when = None if ago is None else services.clock.now() - ago
    async with services.sessions() as s, s.begin():
        await s.execute(update(Workspace).values(directory_synced_at=when))
        await s.execute(update(Person).values(deactivated=False))


async def left(harness: Harness, handle: str) -> bool | None:
    """Whether askaround knows them as gone; None: it never heard of them."""
    async with harness.services.sessions() as s:
        person = await get_person(s, harness.team_id, harness.user(handle))
    return None if person is None else person.deactivated


def lists(emu: SlackEmulator) -> int:
    return len(emu.calls_to("users.list"))


async def test_someone_deactivated_while_the_bot_was_down_is_gone_soon_after_it_starts(
    tmp_path: Path,
) -> None:
    async with bot_down(tmp_path) as (slack, settings):
        slack.emu.workspace.users[slack.user("bob")].deleted = True  # no event reaches the bot
        async with Runner(settings) as runner:
            slack.runner = runner
            await runner.bot.scheduler.idle()
            assert await left(slack, "bob") is True
            assert await left(slack, "dave") is True


async def test_a_restart_the_day_of_a_sync_reads_no_list_and_a_day_later_one(
    tmp_path: Path,
) -> None:
    async with bot_down(tmp_path) as (slack, settings):
        async with Runner(settings) as runner:
            slack.runner = runner
            await runner.bot.scheduler.idle()
        read = lists(slack.emu)
        slack.emu.workspace.users[slack.user("bob")].deleted = True
        async with Runner(settings) as runner:
            slack.runner = runner
            await runner.bot.scheduler.idle()
            assert lists(slack.emu) == read
            assert await left(slack, "bob") is False  # learnt from an event, or tomorrow's sync
        await forget_sync(slack, ago=timedelta(hours=25))
        async with Runner(settings) as runner:
            slack.runner = runner
            await runner.bot.scheduler.idle()
            assert lists(slack.emu) == read + 1
            assert await left(slack, "bob") is True


async def test_of_two_replicas_starting_together_one_reads_the_list(tmp_path: Path) -> None:
    async with bot_down(tmp_path) as (slack, settings):
        read = lists(slack.emu)
        async with Runner(settings) as one, Runner(settings) as two:
            await one.bot.scheduler.idle()
            await two.bot.scheduler.idle()
            assert lists(slack.emu) == read + 1


@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
async def test_a_workspace_installing_through_oauth_is_synced_soon_after(
    slack_oauth: Harness,
) -> None:
    assert (await slack_oauth.install()).status == 200
    await slack_oauth.runner.bot.scheduler.idle()
    assert await left(slack_oauth, "dave") is True
    assert await left(slack_oauth, "bob") is False
