"""Giving kudos end to end, every path: command, reaction, seconding, the message shortcut,
the global shortcut and the App Home button; plus Undo."""

from __future__ import annotations

from datetime import timedelta

from bot.kudos.service import REACTIONS_KEPT_FOR
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import (
    configure,
    dm_text,
    ephemeral_text,
    give,
    global_modal,
    kudos_posts,
    ledger,
    submit_modal,
)


async def test_command_writes_one_entry_per_recipient_and_tells_everyone(
    slack: SlackHarness,
) -> None:
    """`/kudos @bob @carol for … #teamwork #ownership`: two entries, one shout-out, two DMs,
    and an ephemeral confirmation with the allowance left and an Undo button."""
    await give(slack, "alice", "@bob @carol for untangling the release #teamwork #ownership")
    rows = await ledger(slack)
    assert [(k.giver_user_id, k.receiver_user_id) for k in rows] == [
        (slack.user("alice"), slack.user("bob")),
        (slack.user("alice"), slack.user("carol")),
    ]
    assert {k.message for k in rows} == {"untangling the release"}
    assert all(k.values == ["teamwork", "ownership"] for k in rows)
    assert all(k.source == "command" and k.channel_id == slack.channel("general") for k in rows)
    assert all(not k.is_private and k.created_at is not None for k in rows)
    [shoutout] = kudos_posts(slack, "general")
    assert (
        f"<@{slack.user('bob')}>" in shoutout.text and f"<@{slack.user('carol')}>" in shoutout.text
    )
    assert (rows[0].shoutout_channel_id, rows[0].shoutout_ts) == (shoutout.channel, shoutout.ts)
    assert "untangling the release" in dm_text(slack, "bob")
    assert "untangling the release" in dm_text(slack, "carol")
    confirmation = ephemeral_text(slack, "alice")
    assert "3 of 5 left today" in confirmation
    [ephemeral] = slack.emu.ephemerals(slack.user("alice"))
    assert "Undo" in str(ephemeral.blocks)


async def test_thanks_or_to_before_the_people_is_read_as_they_are_said(
    slack: SlackHarness,
) -> None:
    """`/kudos to @bob for …`, `/kudos thanks @bob @carol for …` and `/kudos thank you @bob:
    …` were told to start with who is being thanked, though they do: each is a kudos to the
    people mentioned, for what follows, with none of the opening words in the reason."""
    said = {
        "to @bob for reviewing the migration plan #craft": "reviewing the migration plan",
        "thanks @bob @carol for the careful release notes": "the careful release notes",
        "Thank you @bob: pairing on the flaky test": "pairing on the flaky test",
        "big thanks to @carol for the on-call handover": "the on-call handover",
    }
    for text in said:
        await give(slack, "alice", text)
        assert slack.emu.ephemerals(slack.user("alice"))[-1].text.startswith("Kudos sent to"), text
    rows = await ledger(slack)
    received = [slack.user(h) for h in ("bob", "bob", "carol", "bob", "carol")]
    assert [k.receiver_user_id for k in rows] == received
    assert sorted({k.message for k in rows}) == sorted(said.values())


async def test_undo_within_five_minutes_takes_the_kudos_back(slack: SlackHarness) -> None:
    """Undo marks the entries undone, deletes the shout-out and says so in the confirmation."""
    await give(slack, "alice", "@bob for reviewing the migration plan #craft")
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    assert await ledger(slack) == []
    assert kudos_posts(slack, "general") == []
    assert "Undone" in ephemeral_text(slack, "alice")
    await give(slack, "alice", "@carol for the on-call handover #teamwork")
    assert "4 of 5 left today" in ephemeral_text(slack, "alice")  # undone ones don't count


async def test_undo_after_five_minutes_is_refused(slack: SlackHarness) -> None:
    """After 5 minutes the Undo button explains that the kudos stay."""
    await give(slack, "alice", "@bob for reviewing the migration plan #craft")
    slack.services.clock.advance(timedelta(minutes=6))
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    assert len(await ledger(slack)) == 1
    assert "can be undone for 5 minutes" in ephemeral_text(slack, "alice")
    assert len(kudos_posts(slack, "general")) == 1


async def test_the_confirmation_says_until_when_undo_works(slack: SlackHarness) -> None:
    """ "You can undo for 5 minutes." stayed under the Undo button after them. It names the
    time instead, in Slack's date token so each reader sees their own zone, and stays true."""
    await give(slack, "alice", "@bob for reviewing the migration plan #craft")
    [entry] = await ledger(slack)
    until = entry.created_at + timedelta(minutes=5)
    [ephemeral] = slack.emu.ephemerals(slack.user("alice"))
    shown = str(ephemeral.blocks)
    assert "for 5 minutes" not in shown
    token = f"<!date^{int(until.timestamp())}^{{time}}|{until:%H:%M} UTC>"
    assert f"You can undo until {token}." in shown


async def test_reaction_gives_kudos_to_the_author_with_the_message_as_reason(
    slack: SlackHarness,
) -> None:
    """`:kudos:` on Carol's message: Bob thanks Carol, and her message is the reason."""
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "kudos")
    await slack.settle()
    [entry] = await ledger(slack)
    assert (entry.giver_user_id, entry.receiver_user_id) == (slack.user("bob"), slack.user("carol"))
    assert entry.message == "I wrote the runbook for the failover drill"
    assert entry.source == "reaction"
    assert len(kudos_posts(slack, "general")) == 1
    assert "failover drill" in dm_text(slack, "carol")
    assert "4 of 5 left today" in ephemeral_text(slack, "bob")


async def test_other_emoji_do_nothing_and_the_emoji_list_is_configurable(
    slack: SlackHarness,
) -> None:
    """Only the configured emoji count; a workspace may configure several. Written here as
    the command line writes it, the emoji the bot read are kept a while
    (tests/slack/settings/test_kudos_reactions_kept.py)."""
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "thumbsup")
    await slack.settle()
    assert await ledger(slack) == []
    await configure(slack, kudos_reactions="kudos, clap")
    slack.advance(REACTIONS_KEPT_FOR)
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "clap")
    await slack.settle()
    assert len(await ledger(slack)) == 1


async def test_a_thumbsup_kept_before_is_the_plus_one_slack_sends(slack: SlackHarness) -> None:
    """A workspace that set `thumbsup` before it was read as Slack's `+1` kept that name, and
    Slack's 👍 (`+1`, with a skin tone `+1::skin-tone-3`) gave nothing: it thanks now."""
    await configure(slack, kudos_reactions="kudos, thumbsup")
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    await slack.emu.add_reaction(slack.user("bob"), message.channel, message.ts, "+1")
    await slack.emu.add_reaction(
        slack.user("maria"), message.channel, message.ts, "+1::skin-tone-3"
    )
    await slack.settle()
    assert {k.giver_user_id for k in await ledger(slack)} == {
        slack.user("bob"),
        slack.user("maria"),
    }


async def test_reacting_to_a_shout_out_seconds_it(slack: SlackHarness) -> None:
    """Maria reacts to Alice's shout-out for Bob: Maria thanks Bob for the same thing."""
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.settle()
    rows = await ledger(slack)
    assert [(k.giver_user_id, k.receiver_user_id, k.source) for k in rows] == [
        (slack.user("alice"), slack.user("bob"), "command"),
        (slack.user("maria"), slack.user("bob"), "second"),
    ]
    assert rows[1].message == "untangling the release" and rows[1].values == ["teamwork"]
    reply = kudos_posts(slack, "general")[-1]
    assert reply.thread_ts == shoutout.ts and "seconds this" in reply.text
    assert "4 of 5 left today" in ephemeral_text(slack, "maria")
    # What is posted is a reply in the shout-out's thread, not a shout-out of Maria's own.
    assert "Your seconding is on its way to the shout-out's thread" in ephemeral_text(
        slack, "maria"
    )
    assert "The shout-out is on its way" not in ephemeral_text(slack, "maria")


async def test_message_shortcut_opens_a_prefilled_modal_that_gives_kudos(
    slack: SlackHarness,
) -> None:
    """Give kudos on Carol's message: the modal names Carol and links the message; Bob adds a
    reason and a value and submits."""
    message = await slack.post("carol", "general", "Fixed the flaky deploy job")
    await slack.emu.message_shortcut(slack.user("bob"), "give_kudos", message)
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("bob"))
    assert modal is not None
    users = next(b for b in modal.blocks if b.get("block_id") == "recipients")["element"]
    assert users["initial_users"] == [slack.user("carol")]
    assert "/archives/" in str(modal.blocks[0])  # the link to the message
    await slack.emu.submit_view(
        slack.user("bob"),
        modal.id,
        {
            "reason": {"text": "fixed the flaky deploy job for everyone"},
            "values": {"chosen": ["craft"]},
        },
    )
    await slack.settle()
    [entry] = await ledger(slack)
    assert (entry.giver_user_id, entry.receiver_user_id) == (slack.user("bob"), slack.user("carol"))
    assert (entry.message, entry.values, entry.source) == (
        "fixed the flaky deploy job for everyone",
        ["craft"],
        "shortcut",
    )
    assert slack.emu.open_modal(slack.user("bob")) is None
    assert any("gave kudos" in m.text for m in kudos_posts(slack, "general"))
    assert "4 of 5 left today" in ephemeral_text(slack, "bob")


async def test_give_kudos_on_a_message_in_a_private_channel_the_bot_is_not_in(
    slack: SlackHarness,
) -> None:
    """*Give kudos* on Carol's message in a private channel the bot was never invited to:
    Slack gives no link to the message (chat.getPermalink answers channel_not_found there,
    where the emulator gave one), so the form goes without it; the kudos stay private, the
    shout-out goes in that channel by the shortcut's response_url, and Bob is told in his DM
    with the bot, where an ephemeral message cannot reach him."""
    bob, carol = slack.user("bob"), slack.user("carol")
    hidden = slack.emu.workspace.add_channel(
        "hidden", is_private=True, members=[bob, carol], include_bot=False
    )
    message, _ = await slack.emu.post_message(carol, hidden.id, "Fixed the flaky deploy job")
    await slack.emu.message_shortcut(bob, "give_kudos", message)
    await slack.settle()
    modal = slack.emu.open_modal(bob)
    assert modal is not None and "/archives/" not in str(modal.blocks)
    await slack.emu.submit_view(
        bob, modal.id, {"reason": {"text": "fixed the flaky deploy job for everyone"}}
    )
    await slack.drain()
    [entry] = await ledger(slack)
    assert (entry.receiver_user_id, entry.is_private, entry.channel_id) == (carol, True, hidden.id)
    posted = [m.text for m in slack.emu.messages(hidden.id) if m.by_bot]
    assert posted == [
        f":tada: <@{bob}> gave kudos to <@{carol}>: fixed the flaky deploy job for everyone"
    ]
    assert any(m.text.startswith(f"Kudos sent to <@{carol}>") for m in slack.emu.dm_messages(bob))


async def test_global_shortcut_modal_posts_where_the_giver_chooses(slack: SlackHarness) -> None:
    """The global shortcut's modal asks for people and a channel; the shout-out goes there."""
    await slack.emu.global_shortcut(slack.user("maria"), "give_kudos_global")
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("maria"))
    assert modal is not None
    await slack.emu.submit_view(
        slack.user("maria"),
        modal.id,
        {
            "recipients": {"users": [slack.user("alice"), slack.user("bob")]},
            "reason": {"text": "ran a calm incident review"},
            "channel": {"where": slack.channel("general")},
        },
    )
    await slack.settle()
    rows = await ledger(slack)
    assert {k.receiver_user_id for k in rows} == {slack.user("alice"), slack.user("bob")}
    assert all(k.source == "modal" for k in rows)
    assert len(kudos_posts(slack, "general")) == 1


async def test_the_global_modal_never_posts_in_a_private_channel(slack: SlackHarness) -> None:
    """Its picker lists public channels only, but Slack's client is what enforces that: a
    submission naming a private channel (Maria is not even in it) is refused next to the
    picker, and nothing is given or posted."""
    hidden = slack.here.workspace.add_channel(
        "leadership", is_private=True, members=[slack.user("alice")]
    )
    slack.channels["leadership"] = hidden.id
    modal = await global_modal(slack, "maria")
    await submit_modal(
        slack,
        "maria",
        modal,
        recipients=["bob"],
        reason="ran a calm incident review",
        channel="leadership",
    )
    await slack.settle()
    assert "public channel" in str(modal.errors.get("channel"))
    assert await ledger(slack) == []
    assert not [m for m in slack.emu.messages(hidden.id) if m.by_bot]


async def test_home_tab_shows_kudos_and_its_button_opens_the_modal(slack: SlackHarness) -> None:
    """The Home tab shows the allowance and received kudos; its button opens the same modal."""
    await give(slack, "alice", "@maria for the quarterly planning #ownership")
    await slack.emu.open_home(slack.user("maria"))
    await slack.settle()
    home = slack.emu.home_view(slack.user("maria"))
    assert home is not None
    shown = str(home.blocks)
    assert "5 of 5" in shown and "quarterly planning" in shown and "Leaderboard" in shown
    [board] = [b for b in home.blocks if "Leaderboard" in str(b)]
    assert "Maria Lopez" in str(board) and "<@" not in str(board)
    await slack.emu.click_button(slack.user("maria"), "Give kudos")
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("maria"))
    assert modal is not None and modal.callback_id == "give_kudos_modal"
    await slack.emu.submit_view(
        slack.user("maria"),
        modal.id,
        {
            "recipients": {"users": [slack.user("alice")]},
            "reason": {"text": "helped me prepare the planning"},
            "channel": {"where": slack.channel("general")},
        },
    )
    await slack.settle()
    assert len(await ledger(slack)) == 2
    home = slack.emu.home_view(slack.user("maria"))
    assert home is not None and "4 of 5" in str(home.blocks)  # refreshed after giving


async def test_seconding_a_shout_out_in_the_kudos_channel_replies_in_its_thread(
    slack: SlackHarness,
) -> None:
    """Kudos given in #general are shouted out in #kudos; Maria's reaction there seconds them
    under that shout-out, where she is told it goes, not in #general where they were given."""
    maria = slack.user("maria")
    kudos_channel = slack.emu.workspace.add_channel("kudos", members=[maria]).id
    await configure(slack, kudos_channel_id=kudos_channel)
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    [shoutout] = [m for m in slack.emu.messages(kudos_channel) if m.by_bot]
    await slack.emu.add_reaction(maria, shoutout.channel, shoutout.ts, "kudos")
    await slack.settle()
    replies = [m for m in slack.emu.messages(kudos_channel) if "seconds this" in m.text]
    assert [m.thread_ts for m in replies] == [shoutout.ts]
    assert kudos_posts(slack, "general") == []
    assert f"shout-out's thread in <#{kudos_channel}>" in ephemeral_text(slack, "maria")


async def test_a_recipient_is_told_where_the_shout_out_is_not_that_it_was_given_there(
    slack: SlackHarness,
) -> None:
    """Kudos given in #general are shouted out in #kudos: Bob's DM points him at the shout-out
    in #kudos, and does not say Alice gave them there."""
    kudos_channel = slack.emu.workspace.add_channel("kudos", members=[slack.user("bob")]).id
    await configure(slack, kudos_channel_id=kudos_channel)
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    await slack.drain()
    said = dm_text(slack, "bob")
    assert f"the shout-out is in <#{kudos_channel}>" in said, said
    assert f"gave you kudos in <#{kudos_channel}>" not in said
