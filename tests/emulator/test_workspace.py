"""The workspace model: ids, timestamps, people, conversations and the effect log."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from slack_emulator import PersonError, SlackEmulator, Workspace


def test_defaults_bot_general_and_slackbot() -> None:
    """A new workspace has the bot user (a bot, with its bot id), #general with the bot,
    and Slackbot, as every Slack workspace does."""
    ws = Workspace()
    bot = ws.bot_user
    assert bot.is_bot and bot.bot_id == "B0ASKAROUND" and bot.app_id == "A0ASKAROUND"
    assert ws.general.is_general and ws.general.members == [bot.id]
    assert ws.channel_by_name("#general") is ws.general
    assert "USLACKBOT" in ws.users


def test_people_get_ids_timezones_and_general() -> None:
    """Auto ids look like U0000001, tz_offset follows the zone, active people join
    #general but bots and deactivated people do not."""
    ws = Workspace()
    alice = ws.add_user("alice", tz="Asia/Kolkata", email="a@example.com")
    helper = ws.add_user("helper", is_bot=True)
    gone = ws.add_user("gone", deleted=True)
    assert alice.id == "U0000001" and alice.tz_offset == 19800 and alice.real_name == "alice"
    assert ws.general.members == [ws.bot_user_id, alice.id]
    assert helper.id not in ws.general.members and gone.id not in ws.general.members
    # Slack's tz_offset and tz_label are today's where the workspace's clock is, not the
    # machine's: a Paris colleague in a workspace whose clock says July is on summer time.
    july = Workspace(clock=lambda: datetime(2026, 7, 1, tzinfo=UTC).timestamp())
    paris = july.add_user("paris", tz="Europe/Paris")
    assert (paris.tz_offset, paris.tz_label) == (7200, "CEST")
    july.set_tz(paris, "America/New_York")
    assert (paris.tz, paris.tz_offset, paris.tz_label) == ("America/New_York", -4 * 3600, "EDT")
    assert ws.user_by_name("alice") is alice and ws.user_by_email("A@EXAMPLE.COM") is alice
    with pytest.raises(ValueError):
        ws.add_user("again", user_id=alice.id)


def test_timestamps_are_unique_and_increasing() -> None:
    """Message ts values never repeat and sort in posting order, even within a microsecond."""
    ws = Workspace(clock=lambda: 1_700_000_000.0)
    stamps = [ws.next_ts() for _ in range(5)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5
    assert stamps[0] == "1700000000.000000" and stamps[1] == "1700000000.000001"


def test_dm_and_group_dm() -> None:
    """open_im makes one DM per person (D…); open_mpim one group DM per set of people."""
    ws = Workspace()
    alice, bob = ws.add_user("alice"), ws.add_user("bob")
    im = ws.open_im(alice.id)
    assert im.is_im and im.id.startswith("D") and ws.open_im(alice.id) is im
    assert ws.im_between(alice.id) is im and ws.im_between(bob.id) is None
    group = ws.open_mpim([bob.id, alice.id])
    assert group.is_mpim and ws.open_mpim([alice.id, bob.id]) is group
    assert group.channel_type == "mpim" and group.name.startswith("mpdm-")


def test_a_dm_between_two_people_is_not_the_bots() -> None:
    """open_dm makes one DM per pair of people (D…), without the bot, and none of them is
    the bot's DM with either person."""
    ws = Workspace()
    alice, bob = ws.add_user("alice"), ws.add_user("bob")
    dm = ws.open_dm(alice.id, bob.id)
    assert dm.is_im and dm.id.startswith("D") and ws.open_dm(bob.id, alice.id) is dm
    assert ws.bot_user_id not in dm.members and sorted(dm.members) == sorted([alice.id, bob.id])
    assert ws.im_between(alice.id) is None and ws.open_im(alice.id) is not dm


def test_effects_say_who_sees_what() -> None:
    """Channel messages are seen by the channel's people, ephemerals only by their viewer;
    effects_since returns what came after a sequence number."""
    ws = Workspace()
    alice, bob = ws.add_user("alice"), ws.add_user("bob")
    team = ws.add_channel("team", members=[alice.id])
    ws.chat.post(team.id, ws.bot_user_id, "hello team")
    ws.chat.post_ephemeral(ws.general.id, bob.id, "just for bob")
    first, second = ws.effects_since(0)
    assert (first.kind, first.visible_to) == ("message_posted", (alice.id,))
    assert (second.kind, second.visible_to) == ("ephemeral", (bob.id,))
    assert ws.effects_since(first.seq) == [second]


@pytest.mark.asyncio
async def test_people_cannot_post_where_they_are_not(emu: SlackEmulator) -> None:
    """post_message refuses a person who is not in the channel, and clicking a deleted
    message is refused: Slack's client would not allow either."""
    ws = emu.workspace
    alice = ws.add_user("alice")
    private = ws.add_channel("private", is_private=True, members=[])
    with pytest.raises(PersonError):
        await emu.post_message(alice.id, private.id, "let me in")
    gone = ws.chat.post(ws.general.id, ws.bot_user_id, "x", blocks=[])
    ws.chat.delete(gone)
    with pytest.raises(PersonError):
        await emu.click(alice.id, "anything", message=gone)
