"""The settings modal saved twice before the first Save is answered: each setting changes
once, the audit log lists each change once, and the watched channel is watched once."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import SettingChange, WatchedChannel
from tests.slack.harness import SlackHarness
from tests.slack.settings.world import settings_modal
from tests.slack.twice import submit_at_once


async def test_settings_saved_twice_are_changed_and_logged_once(slack: SlackHarness) -> None:
    """Hana's values are typed in her own order, not the stored (alphabetical) one: that is
    the same set of values, not a change to log again."""
    modal = await settings_modal(slack, "hana")
    answers = await submit_at_once(
        slack,
        "hana",
        modal,
        {
            "daily_allowance": {"value": "3"},
            "values": {"value": "teamwork, craft, quality"},
            "watched_channels": {"value": [slack.channel("general")]},
        },
    )
    await slack.settle()
    assert all(a.ok for a in answers)
    async with slack.services.sessions() as s:
        changes = list(await s.scalars(select(SettingChange).order_by(SettingChange.id)))
        watched = list(await s.scalars(select(WatchedChannel.channel_id)))
    assert sorted((c.key, c.old_value, c.new_value) for c in changes) == [
        ("daily_allowance", "5", "3"),
        (
            "values",
            "courage, craft, customer-first, ownership, teamwork",
            "craft, quality, teamwork",
        ),
        ("watched_channels", "none", slack.channel("general")),
    ]
    assert watched == [slack.channel("general")]
    now = await slack.services.workspace_settings.current(slack.team_id)
    assert (now.daily_allowance, now.values) == (3, ("craft", "quality", "teamwork"))


async def test_the_same_values_in_another_order_change_nothing(slack: SlackHarness) -> None:
    """Saving the values as they are, typed in another order, logs nothing."""
    modal = await settings_modal(slack, "hana")
    delivery = await slack.emu.submit_view(
        slack.user("hana"),
        modal.id,
        {"values": {"value": "teamwork, ownership, customer-first, craft, courage"}},
    )
    await slack.settle()
    assert delivery.ok
    async with slack.services.sessions() as s:
        assert list(await s.scalars(select(SettingChange))) == []


async def test_two_admins_saving_at_once_keep_each_others_changes(slack: SlackHarness) -> None:
    """Hana and Maria open the settings together. Hana saves 2 kudos a day; then Maria saves
    the digest at 10:00, her modal still showing 5 kudos a day, which she did not touch: her
    Save changes the digest hour only, and Hana's 2 stands."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    hana, maria = await settings_modal(slack, "hana"), await settings_modal(slack, "maria")
    await slack.emu.submit_view(slack.user("hana"), hana.id, {"daily_allowance": {"value": "2"}})
    await slack.settle()
    saved = await slack.emu.submit_view(
        slack.user("maria"), maria.id, {"digest_hour": {"value": "10"}}
    )
    await slack.settle()
    now = await slack.services.workspace_settings.current(slack.team_id)
    assert (now.daily_allowance, now.digest_hour) == (2, 10)
    assert saved.response is not None and "Kudos a day" not in str(saved.response["view"])
