"""Kudos in a channel shared with another organisation (Slack Connect): a guest from there
neither gives nor receives kudos in this workspace's ledger, on any path; they are told so
in one line, a colleague who tries to thank them is told why, and nothing is stored for
them. A slash command and a reaction do not name the person's home team, so their profile
(`users.info`'s `team_id`) decides."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from handlers.client.directory import member_elsewhere
from storage.models import Kudos, Person
from tests.slack.connect import OTHER_ORG
from tests.slack.connect import shared as shared_with
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import configure, dm_text, give, kudos_posts, submit_modal

REASON = "for untangling the partner release"
GUEST_LINE = "you're a guest here from another organisation"
NOT_A_MEMBER = "is a guest here from another organisation"


def shared(slack: SlackHarness) -> str:
    """#partners, shared with another organisation; carol is a guest from there."""
    return shared_with(slack, ("alice", "bob", "carol"))


async def stored(slack: SlackHarness) -> tuple[list[Kudos], set[str]]:
    """The ledger and who askaround keeps a profile of."""
    async with slack.services.sessions() as s:
        kudos = list(await s.scalars(select(Kudos)))
        return kudos, set(await s.scalars(select(Person.user_id)))


def told(slack: SlackHarness, handle: str) -> list[str]:
    """What the bot said to this person alone: ephemerals and its DMs."""
    user = slack.user(handle)
    return [e.text for e in slack.emu.ephemerals(user)] + [
        m.text for m in slack.emu.dm_messages(user) if m.bot_id
    ]


async def nothing_for_carol(slack: SlackHarness) -> None:
    kudos, people = await stored(slack)
    assert kudos == []
    assert slack.user("carol") not in people


def said_once(lines: list[str], words: str) -> None:
    assert len([line for line in lines if words in line]) == 1, lines


async def test_a_guest_using_the_give_kudos_shortcut_is_told_and_no_form_opens(
    slack: SlackHarness,
) -> None:
    shared(slack)
    message = await slack.post("bob", "partners", f"I shipped it: {REASON}")
    await slack.here.message_shortcut(slack.user("carol"), "give_kudos", message)
    await slack.settle()
    assert slack.here.open_modal(slack.user("carol")) is None
    await nothing_for_carol(slack)
    said_once(told(slack, "carol"), GUEST_LINE)


@pytest.mark.parametrize("way", ["command", "reaction"])
@pytest.mark.parametrize(
    ("giver", "receiver", "words"),
    [("carol", "bob", GUEST_LINE), ("alice", "carol", NOT_A_MEMBER)],
    ids=["a guest gives", "a member thanks a guest"],
)
async def test_kudos_to_or_from_a_guest_is_refused_and_said_why(
    slack: SlackHarness, way: str, giver: str, receiver: str, words: str
) -> None:
    """By `/kudos` or by reacting to the receiver's message: the guest is told they are one;
    a colleague thanking them is told they are a guest. Nobody gets a DM about kudos, and
    nothing is stored for the guest."""
    partners = shared(slack)
    if way == "command":
        thanks = f"<@{slack.user(receiver)}> {REASON}"
        await slack.command(giver, "/kudos", thanks, channel="partners")
    else:
        message = await slack.post(receiver, "partners", f"I shipped it: {REASON}")
        await slack.here.add_reaction(slack.user(giver), partners, message.ts, "kudos")
    await slack.settle()
    await nothing_for_carol(slack)
    said_once(told(slack, giver), words)
    assert not [m for m in slack.emu.dm_messages(slack.user(receiver)) if m.bot_id]


async def test_a_member_thanking_a_guest_in_the_form_is_told_why(slack: SlackHarness) -> None:
    shared(slack)
    message = await slack.post("carol", "partners", f"I shipped it: {REASON}")
    await slack.here.message_shortcut(slack.user("alice"), "give_kudos", message)
    await slack.settle()
    modal = slack.here.open_modal(slack.user("alice"))
    assert modal is not None
    await submit_modal(slack, "alice", modal, reason=REASON)
    await slack.settle()
    await nothing_for_carol(slack)
    shown = slack.here.open_modal(slack.user("alice"))
    assert shown is not None and NOT_A_MEMBER in shown.errors["recipients"]


async def test_members_still_thank_each_other_there(slack: SlackHarness) -> None:
    """The channel is private to kudos, not closed to them."""
    shared(slack)
    await slack.command("alice", "/kudos", f"<@{slack.user('bob')}> {REASON}", channel="partners")
    await slack.settle()
    (entry,), _ = await stored(slack)
    assert entry.receiver_user_id == slack.user("bob") and entry.is_private


@pytest.mark.parametrize(
    ("user", "elsewhere"),
    [
        ({"id": "U1", "team_id": "T0EMULATE"}, False),
        ({"id": "U1"}, False),
        ({"id": "U1", "team_id": "T0OTHER"}, True),
        ({"id": "U1", "profile": {"team": "T0OTHER"}}, True),
        # an Enterprise Grid member of this workspace whose home is another of the org's
        (
            {
                "id": "U1",
                "team_id": "T0SIBLING",
                "enterprise_user": {"teams": ["T0SIBLING", "T0EMULATE"]},
            },
            False,
        ),
        ({"id": "U1", "team_id": "T0SIBLING", "enterprise_user": {"teams": ["T0SIBLING"]}}, True),
    ],
)
def test_who_is_a_member_of_another_organisation(user: dict[str, Any], elsewhere: bool) -> None:
    assert member_elsewhere(user, "T0EMULATE") is elsewhere


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/kudos", "@bob"),
        ("/kudos", "top"),
        ("/kudos", "me"),
        ("/kudos", "report @bob"),
        ("/skills", "who terraform"),
        ("/skills", "@bob"),
        ("/skills", "add terraform:5"),
        ("/askaround", "network"),
    ],
)
async def test_a_guest_is_shown_nothing_of_this_workspace_by_any_command(
    slack: SlackHarness, command: str, text: str
) -> None:
    """Alice thanked Bob in #general for the quokka rollout, and Bob knows Terraform. A slash
    command names no home team, so Carol, of the other organisation (an admin there), typing
    one in #partners is known for who she is by asking Slack: each command tells her
    askaround is for this workspace's people, shows her none of it, and stores nothing of
    her."""
    shared(slack)
    slack.emu.workspace.users[slack.user("carol")].is_admin = True
    await slack.command("alice", "/kudos", "@bob for the quokka rollout")
    await slack.command("bob", "/skills", "add terraform:4")
    await slack.settle()
    await slack.command(
        "carol", command, text.replace("@bob", f"<@{slack.user('bob')}>"), channel="partners"
    )
    await slack.settle()
    lines = told(slack, "carol")
    seen = "\n".join(lines)
    for theirs in ("quokka", "Bob Chen", slack.user("bob"), "Terraform", "Alice"):
        assert theirs not in seen, seen
    said_once(lines, GUEST_LINE)
    _kudos, people = await stored(slack)
    assert slack.user("carol") not in people


async def test_an_admin_of_another_organisation_is_no_admin_here(slack: SlackHarness) -> None:
    """Slack's `is_admin` says so of a person's own workspace: Carol, an admin of the other
    organisation, opens no settings here and changes none."""
    shared(slack)
    slack.emu.workspace.users[slack.user("carol")].is_admin = True
    await slack.command("carol", "/askaround", "settings", channel="partners")
    await slack.settle()
    assert slack.here.open_modal(slack.user("carol")) is None
    assert "Only askaround admins" in "\n".join(told(slack, "carol"))


async def test_a_guest_opening_the_home_tab_is_shown_nothing_and_not_stored(
    slack: SlackHarness,
) -> None:
    """Carol, of the other organisation, opens askaround's Home: no tab is published for her
    (it would show this workspace's leaderboard), and her profile is not stored."""
    shared(slack)
    await slack.command("alice", "/kudos", "@bob for the quokka rollout")
    await slack.settle()
    await slack.here.open_home(slack.user("carol"))
    await slack.settle()
    home = slack.here.home_view(slack.user("carol"))
    assert home is None or "Bob Chen" not in str(home.blocks), home
    _kudos, people = await stored(slack)
    assert slack.user("carol") not in people


async def test_a_guest_typing_a_handle_without_at_is_not_pointed_at_the_colleague(
    slack: SlackHarness,
) -> None:
    """`/kudos bob for …` is answered with Bob mentioned, to paste back, for this workspace's
    people; Carol, of the other organisation, is shown no colleague by it."""
    shared(slack)
    await slack.command("alice", "/kudos", "@bob for the quokka rollout")
    await slack.settle()
    await slack.command("carol", "/kudos", "bob for the handover", channel="partners")
    await slack.settle()
    seen = "\n".join(told(slack, "carol"))
    assert slack.user("bob") not in seen and "Did you mean" not in seen, seen


async def test_a_kudos_channel_shared_since_takes_no_shout_out(slack: SlackHarness) -> None:
    """#kudos, the kudos channel, was shared with another organisation after it was picked
    (the settings refuse a shared one, nothing looked again). Alice's public kudos to Bob in
    #general was shouted out in #kudos, its reason and names read by the other organisation.
    Now it is shouted out where it was given, as without a kudos channel, and Bob's DM points
    him there."""
    kudos = slack.emu.workspace.add_channel("kudos", members=[slack.user("bob")], ext_shared=True)
    slack.emu.workspace.guests[slack.user("carol")] = OTHER_ORG
    kudos.members.append(slack.user("carol"))
    await configure(slack, kudos_channel_id=kudos.id)
    await give(slack, "alice", "@bob for untangling the zebra release #teamwork")
    await slack.drain()
    assert not [m for m in slack.emu.messages(kudos.id) if m.by_bot]
    [shoutout] = [m for m in slack.emu.messages(slack.channel("general")) if m.by_bot]
    assert "zebra release" in shoutout.text
    assert f"<#{kudos.id}>" not in dm_text(slack, "bob")


async def test_kudos_given_in_a_thread_are_shouted_out_there_when_the_channel_is_shared(
    slack: SlackHarness,
) -> None:
    """Alice reacts :kudos: to Bob's reply in Carol's thread in #general, and #kudos, the
    kudos channel, is shared with another organisation since it was picked: the shout-out
    was posted where the kudos were given, but at #general's top level, away from the thread
    everyone was reading. It goes into the thread, as it does with no kudos channel set."""
    kudos = slack.emu.workspace.add_channel("kudos", members=[slack.user("bob")], ext_shared=True)
    slack.emu.workspace.guests[slack.user("carol")] = OTHER_ORG
    kudos.members.append(slack.user("carol"))
    await configure(slack, kudos_channel_id=kudos.id)
    chat, general = slack.emu.workspace.chat, slack.channel("general")
    parent = chat.post(general, slack.user("carol"), "release checklist for friday")
    reply = chat.post(general, slack.user("bob"), f"I shipped it: {REASON}", thread_ts=parent.ts)
    await slack.emu.add_reaction(slack.user("alice"), general, reply.ts, "kudos")
    await slack.drain()
    assert not [m for m in slack.emu.messages(kudos.id) if m.by_bot]
    [shoutout] = kudos_posts(slack, "general")
    assert shoutout.thread_ts == parent.ts and shoutout.is_reply, shoutout
