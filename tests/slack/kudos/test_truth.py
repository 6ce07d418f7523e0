"""What kudos say matches what happened (issue 12, items 1, 2 and the `/kudos @bob` part of
12): a shout-out is posted where the giver chose, or the kudos are private and the giver is
told; a recipient's DM names a channel only if the shout-out is there; Undo removes every
message the kudos caused, or names the one it could not."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from bot.workspace_settings.service import CLI
from slack_emulator import Message
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import (
    dm_text,
    ephemeral_text,
    give,
    global_modal,
    kudos_posts,
    ledger,
    submit_modal,
)
from tests.slack.test_real_payloads import send

REASON = "for untangling the release train"


async def _give_by_global_shortcut(slack: SlackHarness, channel: str) -> None:
    await submit_modal(
        slack,
        "alice",
        await global_modal(slack, "alice"),
        recipients=["bob"],
        reason=REASON,
        channel=channel,
    )
    await slack.drain()


def _without_chat_write_public(slack: SlackHarness) -> None:
    """An install from before askaround asked for chat:write.public."""
    slack.emu.workspace.bot_scopes = frozenset({"chat:write"})


def _bot_dms(slack: SlackHarness, handle: str) -> list[Message]:
    return [m for m in slack.emu.dm_messages(slack.user(handle)) if m.by_bot]


async def test_the_global_shortcut_posts_in_a_public_channel_the_bot_has_not_joined(
    slack: SlackHarness,
) -> None:
    """#random has no bot: the shout-out is posted there all the same (chat:write.public),
    Bob's DM names #random, and `/kudos @bob` counts the kudos as public."""
    await _give_by_global_shortcut(slack, "random")
    [shoutout] = kudos_posts(slack, "random")
    assert REASON in shoutout.text
    [entry] = await ledger(slack)
    assert not entry.is_private and entry.shoutout_ts == shoutout.ts
    assert f"in <#{slack.channel('random')}>" in dm_text(slack, "bob")
    await give(slack, "carol", "@bob")
    assert "was thanked 1 time in public" in ephemeral_text(slack, "carol")


async def test_a_shout_out_that_cannot_be_posted_is_private_and_the_giver_is_told(
    slack: SlackHarness,
) -> None:
    """Without chat:write.public nothing can be posted in #random: the kudos stay private,
    Bob's DM does not claim #random, Alice learns why and what to do, and `/kudos @bob`
    shows Carol no public kudos."""
    _without_chat_write_public(slack)
    await _give_by_global_shortcut(slack, "random")
    assert kudos_posts(slack, "random") == []
    [entry] = await ledger(slack)
    assert entry.is_private and entry.shoutout_ts is None
    assert REASON in dm_text(slack, "bob") and "<#" not in dm_text(slack, "bob")
    told = dm_text(slack, "alice")
    assert "on its way to" in told  # the confirmation promised it, the correction follows
    assert "couldn't post the shout-out" in told and "/invite @askaround" in told
    await give(slack, "carol", "@bob")
    assert "hasn't received public kudos yet" in ephemeral_text(slack, "carol")


async def test_undo_removes_every_recipients_dm_and_the_shout_out(slack: SlackHarness) -> None:
    """`/kudos` to five people, then Undo: the shout-out and all five DMs are gone."""
    for handle in ("dev", "emma", "finn"):
        slack.users[handle] = slack.emu.workspace.add_user(handle).id
    five = ("bob", "carol", "dev", "emma", "finn")
    await give(slack, "alice", f"{' '.join('@' + h for h in five)} {REASON}")
    await slack.drain()
    assert all(len(_bot_dms(slack, h)) == 1 for h in five)
    assert len(kudos_posts(slack, "general")) == 1
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    assert all(_bot_dms(slack, h) == [] for h in five)
    assert kudos_posts(slack, "general") == []
    assert "the messages they caused are removed" in ephemeral_text(slack, "alice")


async def test_undo_removes_a_shout_out_posted_through_the_commands_reply_url(
    slack: SlackHarness,
) -> None:
    """In #random, without chat:write.public, the shout-out goes through the command's
    response_url; Undo deletes it there too (delete_original)."""
    _without_chat_write_public(slack)
    await give(slack, "alice", f"@bob {REASON}", channel="random")
    await slack.drain()
    assert len(kudos_posts(slack, "random")) == 1
    [entry] = await ledger(slack)
    assert not entry.is_private and entry.shoutout_reply_url
    assert f"in <#{slack.channel('random')}>" in dm_text(slack, "bob")
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    assert kudos_posts(slack, "random") == []
    assert _bot_dms(slack, "bob") == []


async def test_undo_names_the_message_it_could_not_remove(slack: SlackHarness) -> None:
    """Slack refuses to delete the shout-out: Undo says so instead of a plain "Undone"."""
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    slack.emu.faults.add("chat.delete", error="cant_delete_message", times=1)
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.settle()
    said = ephemeral_text(slack, "alice")
    assert f"could not remove the shout-out in <#{slack.channel('general')}>" in said
    assert len(kudos_posts(slack, "general")) == 1 and _bot_dms(slack, "bob") == []


async def test_about_someone_shows_what_the_asker_may_see_and_how_to_thank_them(
    slack: SlackHarness,
) -> None:
    """`/kudos @bob`: Carol sees Bob's public kudos, and the private one as a number only;
    Alice also the private one she gave him in #secret. Both are told how to thank Bob, and
    the button opens the modal with him."""
    await give(slack, "maria", "@bob for the postgres upgrade #craft")
    await give(slack, "alice", "@bob for keeping a secret well", channel="secret")
    await give(slack, "carol", "@bob")
    carol_sees = ephemeral_text(slack, "carol")
    assert "thanked 1 time in public" in carol_sees and "postgres upgrade" in carol_sees
    assert "secret" not in carol_sees and "To thank Bob Chen" in carol_sees
    # Leaderboards count the private one; Carol is told so, as a number, never its words.
    assert "1 kudos given in private conversations (counted on leaderboards" in carol_sees
    await give(slack, "alice", "@bob")
    alice_sees = ephemeral_text(slack, "alice").split("Bob Chen* was thanked")[-1]
    assert "1 private kudos between you and them" in alice_sees
    assert "in private conversations (counted" not in alice_sees
    assert "keeping a secret well" in alice_sees
    await slack.emu.click_button(slack.user("carol"), "Give kudos")
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("carol"))
    assert modal is not None
    users = next(b for b in modal.blocks if b.get("block_id") == "recipients")["element"]
    assert users["initial_users"] == [slack.user("bob")]


async def test_about_someone_who_cannot_be_thanked_says_why_and_offers_no_button(
    slack: SlackHarness,
) -> None:
    """`/kudos @bob` after Bob left shows what he was thanked for, and says he can't receive
    kudos now instead of how to thank him, with no *Give kudos* button that would only be
    refused; so for a bot; and oneself is shown what `/kudos me` shows."""
    await give(slack, "maria", "@bob for the postgres upgrade #craft")
    await slack.emu.change_user(slack.user("bob"), deleted=True)
    await slack.settle()
    cases = {
        "@bob": "Bob Chen is no longer in this workspace",
        "@dave": "Dave Gone is no longer in this workspace",
        "@helperbot": "Helper Bot is a bot",
        "@carol": "Your kudos",
    }
    for who, why in cases.items():
        await give(slack, "carol", who)
        reply = slack.emu.ephemerals(slack.user("carol"))[-1]
        said = f"{reply.text} {reply.blocks}"
        assert why in said and "To thank" not in said and "Give kudos" not in said, said
        assert ("postgres upgrade" in said) == (who == "@bob")


async def test_kudos_given_in_a_dm_promise_the_shout_out_there(slack: SlackHarness) -> None:
    """`/kudos` in Alice's DM with the bot: private kudos, whose shout-out goes in that DM; the
    confirmation says "this conversation" (a DM has no #name) and Bob's DM names no place."""
    im = slack.emu.workspace.open_im(slack.user("alice"))
    await slack.emu.slash_command(
        slack.user("alice"), "/kudos", slack.escape(f"@bob {REASON}"), channel_id=im.id
    )
    await slack.drain()
    [entry] = await ledger(slack)
    assert entry.is_private and entry.shoutout_channel_id == im.id
    said = ephemeral_text(slack, "alice") + dm_text(slack, "alice")
    assert "on its way to this conversation" in said and "<#D" not in said
    assert "release train" in dm_text(slack, "bob") and "<#" not in dm_text(slack, "bob")


async def test_a_shout_out_in_a_dm_invites_no_seconding_nobody_there_could_give(
    slack: SlackHarness,
) -> None:
    """In Alice's DM with the bot only Alice reads the shout-out, and she is told her own
    kudos can't be seconded; in her DM with Bob, Bob is their receiver. Neither shout-out
    says "React with :kudos: to second this."; one in a channel still does."""
    alice, bob = slack.user("alice"), slack.user("bob")
    im = slack.emu.workspace.open_im(alice)
    await slack.emu.slash_command(alice, "/kudos", slack.escape(f"@bob {REASON}"), channel_id=im.id)
    dm = slack.here.workspace.open_dm(alice, bob).id
    await slack.here.slash_command(alice, "/kudos", f"<@{bob}|bob> {REASON} twice", channel_id=dm)
    await give(slack, "carol", f"@bob {REASON}")
    await slack.drain()
    in_im = [m for m in slack.emu.messages(im.id) if m.by_bot and "gave kudos" in m.text]
    in_dm = [m for m in slack.emu.messages(dm) if m.by_bot and "gave kudos" in m.text]
    assert len(in_im) == 1 and len(in_dm) == 1
    assert "to second this" not in str(in_im[0].blocks) + str(in_dm[0].blocks)
    [public] = kudos_posts(slack, "general")
    assert "React with :kudos: to second this." in str(public.blocks)


async def test_a_shout_out_moved_from_the_kudos_channel_tells_the_giver_where_it_went(
    slack: SlackHarness,
) -> None:
    """The kudos channel is private and the bot is not in it: the confirmation promised it
    there, the shout-out goes to the channel the command was given in, and the giver is told
    both where it could not go and where it went."""
    leads = slack.emu.workspace.add_channel(
        "leads", is_private=True, members=[slack.user("alice")], include_bot=False
    ).id
    await slack.services.workspace_settings.change(
        slack.emu.team_id, {"kudos_channel": leads}, by=CLI
    )
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    assert f"on its way to <#{leads}>" in ephemeral_text(slack, "alice")
    [shoutout] = kudos_posts(slack, "general")
    assert "untangling the release train" in shoutout.text
    told = [m.text for m in _bot_dms(slack, "alice")]
    assert any(
        f"in <#{leads}>" in t and f"posted it in <#{slack.channel('general')}>" in t for t in told
    ), told
    assert f"in <#{slack.channel('general')}>" in dm_text(slack, "bob")


async def test_a_shout_out_lost_in_a_dm_between_two_people_names_it_as_slack_can(
    slack: SlackHarness,
) -> None:
    """`/kudos @bob` in Alice's DM with Bob, which the bot is not in (Slack's `channel_id` a
    `D…`): the shout-out can go there only through the command's response_url. That one
    has expired (as when it could be posted only half an hour later), so the kudos stay
    private and Alice is told it could not be posted in this conversation. Before, the
    message named the DM `<#D…>`, a link Slack cannot show."""
    alice, bob = slack.user("alice"), slack.user("bob")
    dm = slack.here.workspace.open_dm(alice, bob).id
    await kudos_answered_late(slack, dm, "directmessage")
    [entry] = await ledger(slack)
    assert entry.is_private and entry.shoutout_ts is None
    told = dm_text(slack, "alice")
    assert "couldn't post the shout-out for your kudos to" in told
    assert "in this conversation" in told and "<#D" not in told


async def kudos_answered_late(slack: SlackHarness, channel_id: str, channel_name: str) -> None:
    """Alice's `/kudos @bob` in a conversation the bot is not in, as Slack names it in the
    command (`channel_name`), whose response_url has expired by the time it is used (as
    when the shout-out could be posted only half an hour later)."""
    alice, bob = slack.user("alice"), slack.user("bob")
    stale = slack.here.response_url(alice, channel_id)
    slack.advance(timedelta(minutes=31))
    form = {
        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        "team_id": slack.team_id,
        "team_domain": "example",
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": alice,
        "user_name": "alice",
        "command": "/kudos",
        "text": f"<@{bob}|bob> {REASON}",
        "api_app_id": slack.here.workspace.app_id,
        "is_enterprise_install": "false",
        "response_url": stale,
        "trigger_id": slack.here.workspace.views.issue_trigger(alice),
    }
    assert await send(slack, "application/x-www-form-urlencoded", urlencode(form)) == (200, "")
    await slack.drain()


async def test_give_kudos_on_a_message_in_a_dm_between_two_people_posts_there(
    slack: SlackHarness,
) -> None:
    """*Give kudos* on Bob's message in Alice's DM with him, which the bot is not in: Slack's
    `message_action` has a `response_url`, the one way to answer there, so the shout-out is
    posted in the DM as `/kudos` typed there posts it. Before, the form's submission had no
    way in, and Alice was told to invite the bot into a "private channel"."""
    alice, bob = slack.user("alice"), slack.user("bob")
    dm = slack.here.workspace.open_dm(alice, bob).id
    message, _ = await slack.here.post_message(bob, dm, "I rotated the postgres credentials")
    await slack.here.message_shortcut(alice, "give_kudos", message)
    await slack.settle()
    modal = slack.here.open_modal(alice)
    assert modal is not None
    await submit_modal(slack, "alice", modal, recipients=["bob"], reason=REASON)
    await slack.drain()
    [entry] = await ledger(slack)
    assert entry.is_private and entry.shoutout_reply_url
    assert [m.text for m in slack.emu.messages(dm) if m.by_bot] == [
        f":tada: <@{alice}> gave kudos to <@{bob}>: {REASON}"
    ]
    assert "couldn't post" not in dm_text(slack, "alice")


async def test_give_kudos_on_a_dm_message_asks_slack_nothing_about_the_dm(
    slack: SlackHarness,
) -> None:
    """Whether a DM is shared with another organisation matters only for someone the payload
    says is from one, and a DM's privacy is known by its id: opening the form on a message in
    Alice's DM with Bob asked conversations.info about the DM (which needs `im:read`) for
    nothing."""
    alice, bob = slack.user("alice"), slack.user("bob")
    dm = slack.here.workspace.open_dm(alice, bob).id
    message, _ = await slack.here.post_message(bob, dm, "I rotated the postgres credentials")
    await slack.here.message_shortcut(alice, "give_kudos", message)
    await slack.settle()
    assert slack.here.open_modal(alice) is not None
    asked = [c.args.get("channel") for c in slack.emu.calls_to("conversations.info")]
    assert dm not in asked


async def test_asking_about_oneself_or_an_app_says_only_what_is_true(slack: SlackHarness) -> None:
    """`/kudos @me` is what `/kudos me` shows (it said in the third person that Alice "hasn't
    received public kudos yet" and that she can't thank herself); `/kudos @an app` says only
    why an app can't be thanked, not that it "hasn't received public kudos yet"."""
    alice, bot = slack.user("alice"), slack.user("helperbot")
    await slack.command("alice", "/kudos", f"<@{alice}|alice>")
    await slack.settle()
    mine = ephemeral_text(slack, "alice")
    assert "Your kudos" in mine and "hasn't received" not in mine, mine
    await slack.command("alice", "/kudos", f"<@{bot}|helperbot>")
    await slack.settle()
    about_bot = ephemeral_text(slack, "alice")
    assert "is a bot; kudos go to people" in about_bot and "hasn't received" not in about_bot


async def test_with_no_company_values_nobody_is_told_to_add_one(slack: SlackHarness) -> None:
    """`askaround settings set values none`: `/kudos @bob` said "add a `#value`" and the empty
    leaderboard "Be the first: `/kudos @name for … #value`", though no value can be given.
    Both leave the value out; with values, they still say it."""
    await slack.command("alice", "/kudos", "top")
    await slack.command("alice", "/kudos", f"<@{slack.user('bob')}>")
    await slack.settle()
    with_values = ephemeral_text(slack, "alice")
    assert "#value" in with_values
    await slack.services.workspace_settings.change(slack.emu.team_id, {"values": "none"}, by=CLI)
    before = len(slack.emu.ephemerals(slack.user("alice")))
    await slack.command("alice", "/kudos", "top")
    await slack.settle()  # the two answers in the order asked
    await slack.command("alice", "/kudos", f"<@{slack.user('bob')}>")
    await slack.settle()
    board, about = (e.text for e in slack.emu.ephemerals(slack.user("alice"))[before:])
    assert "Be the first: `/kudos @name for …`" in board and "#value" not in board
    assert "say what they did" in about and "#value" not in about


async def test_with_no_company_values_the_hints_leave_the_value_out(slack: SlackHarness) -> None:
    """`/kudos for the fix` (no one named) and "thanks @bob…" said to the bot both said
    `/kudos @name for what they did #value` though the workspace has no values to give."""
    bob = slack.user("bob")
    await slack.command("alice", "/kudos", "for the fix")
    await slack.dm_bot("alice", f"thanks <@{bob}> for the review!")
    await slack.settle()
    assert "#value" in slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert "#value" in slack.emu.dm_messages(slack.user("alice"))[-1].text
    await slack.services.workspace_settings.change(slack.emu.team_id, {"values": "none"}, by=CLI)
    await slack.command("alice", "/kudos", "for the fix")
    await slack.dm_bot("alice", f"thanks <@{bob}> for the fix!")
    await slack.settle()
    hint = slack.emu.ephemerals(slack.user("alice"))[-1].text
    pointer = slack.emu.dm_messages(slack.user("alice"))[-1].text
    assert "Start with who" in hint and "#value" not in hint, hint
    assert "`/kudos @name for what they did`" in pointer and "#value" not in pointer, pointer


async def test_a_giver_is_not_told_a_dm_slack_refused_was_sent(slack: SlackHarness) -> None:
    """The shout-out cannot be posted in #random and Slack refuses Bob's DM: Alice's
    correction said "They were told in a DM"; Bob never was, so it says only that the kudos
    stay private."""
    _without_chat_write_public(slack)
    bob_dm = slack.emu.workspace.open_im(slack.user("bob")).id
    slack.emu.faults.add("chat.postMessage", error="is_archived", times=None, channel=bob_dm)
    await _give_by_global_shortcut(slack, "random")
    assert _bot_dms(slack, "bob") == []
    told = dm_text(slack, "alice")
    assert "couldn't post the shout-out" in told, told
    assert "told in a DM" not in told, told
    assert "These kudos stay private (only you and they see them)." in told, told
