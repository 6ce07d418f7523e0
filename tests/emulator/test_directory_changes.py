"""The directory changing as in Slack: the change is made, and the event Slack sends for it
reaches a subscribed app in Slack's shape, only where Slack would send it."""

from __future__ import annotations

import json

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator

from .conftest import SIGNING_SECRET, Endpoint, endpoint

pytestmark = pytest.mark.asyncio

EVENTS = {
    "user_change",
    "team_join",
    "channel_rename",
    "channel_archive",
    "group_archive",
    "group_deleted",
    "member_joined_channel",
    "member_left_channel",
    "channel_left",
    "group_left",
}


async def test_profile_changes_send_the_whole_user(emu: SlackEmulator) -> None:
    """`user_change` and `team_join` carry the user as users.info describes them, new tz
    (label and offset too) and `deleted` included; a deactivated member described with less."""
    alice = emu.workspace.add_user("alice", real_name="Alice Martin")
    async with endpoint(emu, Endpoint()) as bot:
        changed = await emu.change_user(alice.id, tz="Asia/Tokyo", real_name="Alice M.")
        gone = await emu.change_user(alice.id, deleted=True)
        nina, joined = await emu.join_team("nina", real_name="Nina Park")
    assert changed is not None and gone is not None and joined is not None
    event = changed.payload["event"]
    assert event["type"] == "user_change" and event["user"]["id"] == alice.id
    assert (event["user"]["tz"], event["user"]["tz_offset"]) == ("Asia/Tokyo", 9 * 3600)
    assert event["user"]["real_name"] == "Alice M." and event["user"]["deleted"] is False
    assert gone.payload["event"]["user"]["deleted"] is True
    # As Slack, a deactivated member has a profile but no time zone, roles or top-level name.
    assert not {"tz", "tz_offset", "is_admin", "real_name"} & set(gone.payload["event"]["user"])
    assert gone.payload["event"]["user"]["profile"]["real_name"] == "Alice M."
    assert joined.payload["event"]["type"] == "team_join"
    assert joined.payload["event"]["user"]["name"] == "nina" and nina.real_name == "Nina Park"
    assert len(bot.received) == 3


async def test_a_profile_without_a_time_zone_is_described_without_one(emu: SlackEmulator) -> None:
    """A sparse profile (the `team_join` Slack documents has one) carries no tz, label or
    offset at all; given a zone again, it carries all three."""
    alice = emu.workspace.add_user("alice", real_name="Alice Martin")
    async with endpoint(emu, Endpoint()):
        zoneless = await emu.change_user(alice.id, tz=None)
        zoned = await emu.change_user(alice.id, tz="Asia/Tokyo")
    assert zoneless is not None and zoned is not None
    assert not {"tz", "tz_label", "tz_offset"} & set(zoneless.payload["event"]["user"])
    assert zoned.payload["event"]["user"]["tz_offset"] == 9 * 3600


async def test_channel_events_follow_the_channels_kind(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """Public channels send `channel_*` (archive names who did it), private ones `group_*`
    and only to an app in them; conversations.info shows is_archived, and a deleted channel
    is not found."""
    alice = emu.workspace.add_user("alice")
    public = emu.workspace.add_channel("launch", members=[alice.id])
    mine = emu.workspace.add_channel("leads", is_private=True, members=[alice.id])
    theirs = emu.workspace.add_channel("hr", is_private=True, members=[alice.id], include_bot=False)
    async with endpoint(emu, Endpoint()):
        renamed = await emu.rename_channel(public.id, "launch-2027")
        archived = await emu.archive_channel(public.id, by=alice.id)
        unseen = await emu.archive_channel(theirs.id, by=alice.id)
        deleted = await emu.delete_channel(mine.id, by=alice.id)
    assert renamed is not None and renamed.payload["event"]["channel"] == {
        "id": public.id,
        "name": "launch-2027",
        "created": public.created,
    }
    assert archived is not None
    assert archived.payload["event"] == {
        "type": "channel_archive",
        "channel": public.id,
        "user": alice.id,
        "event_ts": archived.payload["event"]["event_ts"],
    }
    assert unseen is None
    assert deleted is not None and deleted.payload["event"]["type"] == "group_deleted"
    info = await client.conversations_info(channel=public.id)
    assert info["channel"]["is_archived"] is True and info["channel"]["name"] == "launch-2027"
    assert mine.id not in emu.workspace.channels


async def test_membership_events_reach_an_app_in_the_channel() -> None:
    """The bot removed gets `channel_left` naming who removed it (`group_left` from a
    private channel), not `member_left_channel`, which goes to the members left; someone
    joining while it is out sends it nothing; the bot invited back gets
    `member_joined_channel`, and someone leaving then `member_left_channel`. Unsubscribed
    events are not sent, and making a channel private says nothing to an app without
    message.groups."""
    async with SlackEmulator(SIGNING_SECRET, event_subscriptions=EVENTS) as emu:
        alice = emu.workspace.add_user("alice")
        bob = emu.workspace.add_user("bob")
        launch = emu.workspace.add_channel("launch", members=[alice.id])
        secret = emu.workspace.add_channel("secret", members=[alice.id], is_private=True)
        async with endpoint(emu, Endpoint()) as bot:
            left = await emu.remove(launch.id, emu.bot_user_id, by=alice.id)
            unseen = await emu.invite(launch.id, bob.id, by=alice.id)
            back = await emu.invite(launch.id, emu.bot_user_id, by=alice.id)
            bob_left = await emu.remove(launch.id, bob.id)
            unsubscribed = await emu.unarchive_channel(launch.id, by=alice.id)
            converted = await emu.make_private(launch.id, by=alice.id)
            private_left = await emu.remove(secret.id, emu.bot_user_id, by=alice.id)
    assert left is not None and left.payload["event"] == {
        "type": "channel_left",
        "channel": launch.id,
        "actor_id": alice.id,
        "event_ts": left.payload["event"]["event_ts"],
    }
    assert private_left is not None and private_left.payload["event"]["type"] == "group_left"
    assert unseen is None
    assert back is not None and back.payload["event"]["inviter"] == alice.id
    assert back.payload["event"]["channel_type"] == "C"
    assert bob_left is not None and bob_left.payload["event"]["user"] == bob.id
    assert unsubscribed is None and converted is None
    assert emu.workspace.channel(launch.id).is_private
    assert [json.loads(r.body)["event"]["type"] for r in bot.received] == [
        "channel_left",
        "member_joined_channel",
        "member_left_channel",
        "group_left",
    ]
