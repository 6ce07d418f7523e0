"""A channel shared between two organisations that both installed askaround (OAuth mode).

Slack sends the channel's events once, and its `authorizations` names one installation the
event is visible to, either side's (the rest via `apps.event.authorizations.list`). Bolt acts
as the one named. A member of this side asking there, with the other side named, was taken
for a guest of the other side and told they could not ask; they are asked as this side's
member, as if their own installation had been named. Someone from an organisation that did
not install askaround stays a guest."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from handlers.client.directory import GUEST_GIVES
from handlers.surfaces.asking import FROM_ELSEWHERE
from slack_emulator import payloads, shapes
from storage.models import Kudos, Question
from tests.e2e.harness import PersonSpec
from tests.slack.connect import OTHER_ORG
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.test_real_payloads import send

PEOPLE = (
    PersonSpec("alice", "Alice Martin", "Europe/Paris"),
    PersonSpec("bob", "Bob Chen", "Europe/London"),
)
QUESTION = "how do we unlock a stuck terraform state in production?"
BRAVO_ORG = "E0BRAVO"
_events = itertools.count(1)


@pytest.fixture
async def sides(tmp_path: Path) -> AsyncIterator[tuple[SlackHarness, SlackHarness]]:
    """Alpha and Bravo, both installed, each with its side of #partners (one channel id);
    Zoe is Alpha's alone."""
    async with connected(tmp_path) as pair:
        yield pair


@pytest.fixture
async def grid_sides(tmp_path: Path) -> AsyncIterator[tuple[SlackHarness, SlackHarness]]:
    """`sides`, Bravo a workspace of the Enterprise Grid organisation `BRAVO_ORG`."""
    async with connected(tmp_path, bravo_org=BRAVO_ORG) as pair:
        yield pair


@asynccontextmanager
async def connected(
    tmp_path: Path, bravo_org: str | None = None
) -> AsyncIterator[tuple[SlackHarness, SlackHarness]]:
    async with bot_in_process(tmp_path, oauth=True, people=PEOPLE) as a:
        b = a.add_team("T0BRAVO", "Bravo Inc", PEOPLE, enterprise_id=bravo_org)
        for side in (a, b):
            assert (await side.install()).status == 200
        zoe = a.here.workspace.add_user(name="zoe", real_name="Zoe Alpha", tz="UTC")
        a.users["zoe"] = zoe.id
        for side, members in ((a, [zoe.id, a.user("alice")]), (b, [b.user("bob")])):
            channel = side.here.workspace.add_channel("partners", members=members, ext_shared=True)
            side.channels["partners"] = channel.id
        assert a.channel("partners") == b.channel("partners")
        yield a, b


async def mention_naming(author: SlackHarness, handle: str, named: SlackHarness) -> None:
    """`handle` mentions the bot in #partners on `author`'s side; Slack's event names
    `named`'s installation."""
    ws = author.here.workspace
    text = f"<@{ws.bot_user_id}> {QUESTION}"
    message = ws.chat.post(
        author.channel("partners"), author.user(handle), text, blocks=shapes.rich_text(text)
    )
    await send_naming(author, payloads.app_mention_event(ws, message), named)


async def send_naming(author: SlackHarness, event: dict[str, Any], named: SlackHarness) -> None:
    """`event`, on `author`'s side, in an envelope whose `authorizations` names `named`'s
    installation."""
    ws = author.here.workspace
    envelope = payloads.event_envelope(ws, event, next(_events), "SHARED")
    envelope["authorizations"][0]["team_id"] = named.team_id
    envelope["authorizations"][0]["user_id"] = named.here.workspace.bot_user_id
    status, _ = await send(author, "application/json", json.dumps(envelope))
    assert status == 200
    await author.drain()


async def questions(slack: SlackHarness) -> list[tuple[str, str]]:
    async with slack.services.sessions() as s:
        return [(q.team_id, q.asker_user_id) for q in await s.scalars(select(Question))]


def told(side: SlackHarness, user_id: str) -> list[str]:
    return [e.text for e in side.here.ephemerals(user_id)]


async def test_a_member_asking_is_asked_in_their_workspace_whichever_side_slack_names(
    sides: tuple[SlackHarness, SlackHarness],
) -> None:
    a, b = sides
    zoe = a.user("zoe")
    await mention_naming(a, "zoe", named=b)
    assert await questions(a) == [(a.team_id, zoe)]
    assert FROM_ELSEWHERE not in told(a, zoe) + told(b, zoe)
    dms = [m.text for m in a.here.dm_messages(zoe) if m.by_bot]
    assert any("question #1" in text for text in dms), dms  # on her side, from her workspace


@pytest.mark.postgres_too
async def test_a_member_named_by_their_grid_organisation_is_asked_in_their_workspace(
    grid_sides: tuple[SlackHarness, SlackHarness],
) -> None:
    """Bob, of Bravo (a workspace of a Grid organisation), mentions the bot in #partners;
    Slack's `app_mention` names his home as the organisation (`user_team` an `E…` id, as in
    slackapi/bolt-python tests/slack_bolt/request/test_internals.py,
    `slack_connect_events_api_no_actor_team_requests`) and the event names Alpha's
    installation. He is asked in Bravo, his organisation's one installed workspace, not told
    he is Alpha's guest."""
    a, b = grid_sides
    bob, ws = b.user("bob"), b.here.workspace
    text = f"<@{ws.bot_user_id}> {QUESTION}"
    message = ws.chat.post(b.channel("partners"), bob, text, blocks=shapes.rich_text(text))
    event = payloads.app_mention_event(ws, message) | {"user_team": BRAVO_ORG}
    await send_naming(b, event | {"source_team": BRAVO_ORG}, named=a)
    assert await questions(b) == [(b.team_id, bob)]
    assert FROM_ELSEWHERE not in told(a, bob) + told(b, bob)


async def test_a_guest_of_an_organisation_without_askaround_stays_a_guest(
    sides: tuple[SlackHarness, SlackHarness],
) -> None:
    a, b = sides
    carol = from_elsewhere(a, b)
    for named in (a, b):
        await mention_naming(a, "carol", named=named)
    assert await questions(a) == []
    assert told(a, carol).count(FROM_ELSEWHERE) == 1


def from_elsewhere(a: SlackHarness, b: SlackHarness) -> str:
    """Carol, of an organisation without askaround, in #partners (either side's half): her
    user id."""
    carol = a.here.workspace.add_user(name="carol", real_name="Carol Other", tz="UTC")
    a.users["carol"] = carol.id
    a.here.workspace.guests[carol.id] = OTHER_ORG
    a.here.workspace.join(a.channel("partners"), carol.id)
    seen_from(b, carol.id, home=OTHER_ORG)
    return carol.id


async def changed_naming(author: SlackHarness, handle: str, named: SlackHarness, edit: str) -> None:
    """`handle` deletes (`edit` empty) or edits their last message in #partners on `author`'s
    side; Slack's event names `named`'s installation."""
    ws = author.here.workspace
    [message] = [
        m for m in ws.chat.history(author.channel("partners")) if m.user == author.user(handle)
    ]
    previous = shapes.message_json(ws, message)
    channel = ws.channels[author.channel("partners")]
    if edit:
        ws.chat.update(message, text=edit, blocks=shapes.rich_text(edit))
        event = payloads.message_changed_event(ws, message, previous, channel)
    else:
        event = payloads.message_deleted_event(ws, previous, channel)
    await send_naming(author, event, named)


@pytest.mark.parametrize("named", ["alpha", "bravo"])
@pytest.mark.parametrize("edit", ["", "<@{bot}> who can help with our s3 buckets?"])
async def test_a_question_deleted_or_edited_is_followed_whichever_side_slack_names(
    sides: tuple[SlackHarness, SlackHarness], edit: str, named: str
) -> None:
    """Zoe asks in #partners and then deletes her message, or edits the words away; Slack
    names either installation in that event. Her question is Alpha's, and its words go as
    the deletion or the edit says (they stayed in Alpha's database, the event read as Bravo's,
    which has no such question)."""
    a, b = sides
    await mention_naming(a, "zoe", named=a)
    assert await questions(a) == [(a.team_id, a.user("zoe"))]
    side = a if named == "alpha" else b
    await changed_naming(a, "zoe", side, edit.format(bot=a.here.workspace.bot_user_id))
    async with a.services.sessions() as s:
        [text] = (await s.scalars(select(Question.text))).all()
    assert "terraform" not in text


THANKS = "Alice untangled the partner release for us this morning"


def seen_from(side: SlackHarness, user_id: str, home: str) -> None:
    """`user_id`, of the workspace `home`, as `side`'s installation sees them in #partners: a
    member of another organisation (users.info names their home team), in `side`'s half."""
    ws = side.here.workspace
    if user_id not in ws.users:
        ws.add_user("external", user_id=user_id, real_name="Someone Else", tz="UTC")
        ws.channels[side.channel("general")].members.remove(user_id)
    ws.guests[user_id] = home
    ws.join(side.channel("partners"), user_id)


async def reaction_naming(
    author: SlackHarness, handle: str, named: SlackHarness, emoji: str = "kudos"
) -> None:
    """`handle` reacts with `emoji` to Alice's message in #partners on `author`'s side;
    Slack's event names `named`'s installation (a reaction names no team of the reactor's)."""
    ws = author.here.workspace
    [message] = [
        m for m in ws.chat.history(author.channel("partners")) if m.user == author.user("alice")
    ]
    ws.chat.react(message, author.user(handle), emoji)
    event = payloads.reaction_added_event(ws, author.user(handle), emoji, message)
    await send_naming(author, event, named)


async def ledgers(slack: SlackHarness) -> list[tuple[str, str, str]]:
    async with slack.services.sessions() as s:
        return [
            (k.team_id, k.giver_user_id, k.receiver_user_id) for k in await s.scalars(select(Kudos))
        ]


def told_anywhere(sides: tuple[SlackHarness, ...], user_id: str) -> list[str]:
    """What either side's bot said to this person alone: ephemerals and DMs."""
    return [
        line
        for side in sides
        for line in told(side, user_id)
        + [m.text for m in side.here.dm_messages(user_id) if m.by_bot]
    ]


@pytest.mark.parametrize("named", ["alpha", "bravo"])
async def test_a_members_kudos_reaction_is_given_in_their_workspace_whichever_side_slack_names(
    sides: tuple[SlackHarness, SlackHarness], named: str
) -> None:
    """Zoe (Alpha) reacts :kudos: to Alice's message in #partners. The reaction names no
    team; with Bravo named, Zoe was taken for Bravo's guest and her kudos silently lost."""
    a, b = sides
    zoe, alice = a.user("zoe"), a.user("alice")
    seen_from(b, zoe, home=a.team_id)
    await a.post("alice", "partners", THANKS)
    await reaction_naming(a, "zoe", named=a if named == "alpha" else b)
    assert await ledgers(a) == [(a.team_id, zoe, alice)]
    lines = told_anywhere(sides, zoe)
    assert [line for line in lines if line.startswith("Kudos sent to")], lines
    assert not [line for line in lines if "guest" in line or "can't find" in line], lines
    assert told_anywhere((b,), zoe) == []  # nothing of Alpha's is said on Bravo's side


@pytest.mark.parametrize("named", ["alpha", "bravo"])
async def test_a_guest_of_an_organisation_without_askaround_gives_no_kudos_by_reaction(
    sides: tuple[SlackHarness, SlackHarness], named: str
) -> None:
    a, b = sides
    carol = from_elsewhere(a, b)
    await a.post("alice", "partners", THANKS)
    await reaction_naming(a, "carol", named=a if named == "alpha" else b)
    assert await ledgers(a) == []
    lines = told_anywhere(sides, carol)
    assert [line for line in lines if GUEST_GIVES in line], lines


async def test_the_reactors_workspace_is_asked_of_slack_once_not_for_every_reaction(
    sides: tuple[SlackHarness, SlackHarness],
) -> None:
    """Every reaction in #partners by Alpha's people, with Bravo named, would cost a
    users.info before its ack: what Slack said of Zoe is kept."""
    a, b = sides
    zoe = a.user("zoe")
    seen_from(b, zoe, home=a.team_id)
    await a.post("alice", "partners", THANKS)
    for emoji in ("eyes", "tada", "kudos"):
        await reaction_naming(a, "zoe", named=b, emoji=emoji)
    asked = [
        c
        for c in b.emu.calls_to("users.info")
        if c.team_id == b.team_id and c.args.get("user") == zoe
    ]
    assert len(asked) == 1, asked
    assert await ledgers(a) == [(a.team_id, zoe, a.user("alice"))]
