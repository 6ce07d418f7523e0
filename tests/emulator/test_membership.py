"""What the bot can know about a channel it watches: conversations.info says whether it is a
member and whether the channel is private, and Slack sends it a channel's messages only when
it is a member and subscribed to that kind of channel (the truth `/ask watch` relies on)."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator
from tests.emulator.conftest import SIGNING_SECRET, Endpoint, endpoint


async def test_conversations_info_says_membership_and_privacy(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """A public channel is described either way, with is_member; a private one the bot is not
    in is channel_not_found, as on Slack."""
    alice = emu.workspace.add_user("alice").id
    joined = emu.workspace.add_channel("joined", members=[alice]).id
    outside = emu.workspace.add_channel("outside", members=[alice], include_bot=False).id
    secret = emu.workspace.add_channel("secret", is_private=True, members=[alice]).id
    hidden = emu.workspace.add_channel(
        "hidden", is_private=True, members=[alice], include_bot=False
    ).id
    described = {
        c: (await client.conversations_info(channel=c))["channel"]
        for c in (joined, outside, secret)
    }
    assert [(d["is_member"], d["is_private"]) for d in described.values()] == [
        (True, False),
        (False, False),
        (True, True),
    ]
    with pytest.raises(SlackApiError) as refused:
        await client.conversations_info(channel=hidden)
    assert refused.value.response["error"] == "channel_not_found"


async def test_users_conversations_lists_the_bots_own_of_the_types_asked(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """users.conversations: the conversations the bot is in, of the `types` asked (public
    channels when none is), a page at a time; archived ones left out when asked."""
    alice, dev = emu.workspace.add_user("alice").id, emu.workspace.add_user("dev").id
    group = emu.workspace.open_mpim([alice, dev]).id
    emu.workspace.add_channel("outside", members=[alice], include_bot=False)
    public = [c["id"] for c in (await client.users_conversations())["channels"]]
    assert public and group not in public
    assert all(emu.workspace.bot_user_id in emu.workspace.channel(c).members for c in public)
    first = await client.users_conversations(types="mpim,private_channel", limit=1)
    pages = [c["id"] for c in first["channels"]]
    cursor = first["response_metadata"]["next_cursor"]
    while cursor:
        page = await client.users_conversations(types="mpim,private_channel", cursor=cursor)
        pages += [c["id"] for c in page["channels"]]
        cursor = page["response_metadata"]["next_cursor"]
    assert group in pages and not set(pages) & set(public)
    members = (await client.conversations_members(channel=group))["members"]
    assert set(members) == {alice, dev, emu.workspace.bot_user_id}


async def test_messages_reach_the_bot_only_where_it_is_a_member_and_subscribed() -> None:
    """Subscribed to message.channels only: a message in a public channel the bot joined is
    delivered; one in a public channel it is not in, or in a private channel (no
    message.groups), is not."""
    async with SlackEmulator(SIGNING_SECRET, event_subscriptions={"message.channels"}) as emu:
        alice = emu.workspace.add_user("alice").id
        joined = emu.workspace.add_channel("joined", members=[alice]).id
        outside = emu.workspace.add_channel("outside", members=[alice], include_bot=False).id
        secret = emu.workspace.add_channel("secret", is_private=True, members=[alice]).id
        async with endpoint(emu, Endpoint()):
            sent = {
                c: (await emu.post_message(alice, c, "how do we rotate keys?"))[1]
                for c in (joined, outside, secret)
            }
    assert [len(deliveries) for deliveries in sent.values()] == [1, 0, 0]
