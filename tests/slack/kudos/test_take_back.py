"""An askaround admin takes back kudos from their shout-out, after Undo's 5 minutes: the
message shortcut *Take back kudos*, a modal asking an optional reason. Until 6 December
nothing took kudos back once Undo was over, neither their giver nor an admin."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from slack_emulator import Message
from storage.models import Kudos
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, kudos_posts, ledger
from tests.slack.test_lock_order import holding, until_waiting
from tests.slack.test_real_payloads import form_of, real, said, send, warnings
from tests.slack.twice import press

REASON = "for untangling the release #teamwork"
WHY = "Given to the wrong Carol, by mistake"


async def shoutout_given(slack: SlackHarness, text: str, channel: str = "general") -> Message:
    """`alice` gives kudos in `channel`; its shout-out, once Undo's 5 minutes are over."""
    await slack.command("alice", "/kudos", text, channel=channel)
    await slack.settle()
    [shoutout] = kudos_posts(slack, channel)
    slack.advance(timedelta(minutes=6))
    await slack.settle()
    return shoutout


def now_reads(slack: SlackHarness, message: Message) -> str:
    [found] = [m for m in slack.emu.messages(message.channel) if m.ts == message.ts]
    return found.text


async def take_back(slack: SlackHarness, handle: str, shoutout: Message, why: str) -> None:
    """`handle` uses *Take back kudos* on the shout-out and submits the modal with `why`."""
    user = slack.user(handle)
    await slack.emu.message_shortcut(user, "take_back_kudos", shoutout)
    await slack.settle()
    modal = slack.emu.open_modal(user)
    assert modal is not None and modal.callback_id == "take_back_kudos_modal"
    await slack.emu.submit_view(user, modal.id, {"reason": {"text": why}})
    await slack.settle()


@pytest.mark.postgres_too
async def test_an_admin_takes_back_kudos_and_everyone_concerned_is_told_once(
    slack: SlackHarness,
) -> None:
    """Maria, a workspace admin, takes back Alice's kudos to Bob and Carol, then clicks again
    and Slack retries her submission: the ledger, the leaderboard and `/kudos @bob` no longer
    count them; the shout-out says an admin took them back, pinging nobody; Alice, Bob and
    Carol are each told once in a DM, with her reason; the audit keeps who, when and why."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    shoutout = await shoutout_given(slack, f"@bob @carol {REASON}")
    maria = slack.user("maria")
    await slack.command("maria", "/kudos", slack.escape("@bob"))
    await slack.settle()
    assert "untangling" in slack.emu.ephemerals(maria)[-1].text
    await slack.emu.message_shortcut(maria, "take_back_kudos", shoutout)
    await slack.settle()
    modal = slack.emu.open_modal(maria)
    assert modal is not None
    submitted = await slack.emu.submit_view(maria, modal.id, {"reason": {"text": WHY}})
    await slack.emu.redeliver(submitted, times=2)
    await slack.settle()

    assert await ledger(slack) == []
    rows = await ledger(slack, live_only=False)
    assert [(k.taken_back_by, k.taken_back_reason) for k in rows] == [(maria, WHY)] * 2
    said = now_reads(slack, shoutout)
    assert "taken back by an admin" in said and "<@" not in said and "untangling" not in said
    for handle in ("alice", "bob", "carol"):
        told = dm_text(slack, handle)
        assert told.count("An admin took back") == 1, (handle, told)
        assert WHY in told
    assert "the kudos you gave" in dm_text(slack, "alice")
    assert "taken back by an admin" in dm_text(slack, "bob")  # his first DM, redrawn
    top = await slack.command("maria", "/kudos", "top")
    await slack.settle()
    assert top.ok and "Bob Chen" not in slack.emu.ephemerals(maria)[-1].text
    await slack.command("maria", "/kudos", slack.escape("@bob"))
    await slack.settle()
    assert "untangling" not in slack.emu.ephemerals(maria)[-1].text

    await slack.emu.message_shortcut(maria, "take_back_kudos", shoutout)
    await slack.settle()
    assert "already undone or taken back" in slack.emu.ephemerals(maria)[-1].text
    lines, _names = await slack.services.kudos.taken_back(slack.team_id)
    assert [(line.by, line.reason) for line in lines] == [(maria, WHY)] * 2


async def test_someone_not_an_admin_is_told_who_can(slack: SlackHarness) -> None:
    """Bob uses the shortcut on Alice's shout-out: no modal, an ephemeral that says who can
    take kudos back, and the kudos stay."""
    shoutout = await shoutout_given(slack, f"@carol {REASON}")
    await slack.emu.message_shortcut(slack.user("bob"), "take_back_kudos", shoutout)
    await slack.settle()
    assert slack.emu.open_modal(slack.user("bob")) is None
    told = slack.emu.ephemerals(slack.user("bob"))[-1].text
    assert told.startswith("Only askaround admins can take back kudos")
    assert len(await ledger(slack)) == 1
    assert "gave kudos" in now_reads(slack, shoutout)


async def test_a_submission_from_someone_no_longer_an_admin_takes_nothing_back(
    slack: SlackHarness,
) -> None:
    """Maria opens the form as an admin and is no longer one when she submits it (or the
    submission is forged): the form says who can, and nothing is taken back."""
    maria = slack.user("maria")
    slack.emu.workspace.user(maria).is_admin = True
    shoutout = await shoutout_given(slack, f"@carol {REASON}")
    await slack.emu.message_shortcut(maria, "take_back_kudos", shoutout)
    await slack.settle()
    modal = slack.emu.open_modal(maria)
    assert modal is not None
    slack.emu.workspace.user(maria).is_admin = False
    answer = await slack.emu.submit_view(maria, modal.id, {"reason": {"text": WHY}})
    await slack.settle()
    assert answer.response is not None and answer.response["response_action"] == "errors"
    assert len(await ledger(slack)) == 1 and "An admin" not in dm_text(slack, "carol")


async def test_a_message_that_is_no_shoutout_is_said_so(slack: SlackHarness) -> None:
    maria = slack.user("maria")
    slack.emu.workspace.user(maria).is_admin = True
    message = await slack.post("carol", "general", "I wrote the runbook for the failover drill")
    await slack.emu.message_shortcut(maria, "take_back_kudos", message)
    await slack.settle()
    assert slack.emu.open_modal(maria) is None
    assert "not a kudos shout-out" in slack.emu.ephemerals(maria)[-1].text


@pytest.mark.postgres_too  # the one test to read for shout-outs posted through a reply_url
async def test_the_shortcut_on_a_shoutout_posted_through_the_reply_url_says_how_to_take_it_back(
    slack: SlackHarness,
) -> None:
    """A shout-out posted through the command's response_url left no ts to find it by: Maria
    was told it is not a kudos shout-out and to use the shortcut on the shout-out itself,
    which she had. She is told it cannot be matched, and how to take its kudos back from the
    command line; the bot's other messages in #random are still not shout-outs."""
    slack.emu.workspace.bot_scopes = frozenset({"chat:write"})  # an install from before
    maria = slack.user("maria")
    slack.emu.workspace.user(maria).is_admin = True
    shoutout = await shoutout_given(slack, f"@bob {REASON}", channel="random")
    day = datetime.fromtimestamp(float(shoutout.ts), UTC).date() - timedelta(days=1)
    await slack.emu.message_shortcut(maria, "take_back_kudos", shoutout)
    await slack.settle()
    assert slack.emu.open_modal(maria) is None
    told = slack.emu.ephemerals(maria)[-1].text
    assert "not a kudos shout-out" not in told, told
    assert "`askaround kudos take-back KUDOS_ID`" in told, told
    assert f"`askaround export kudos --since {day}`" in told, told
    message = await slack.post("carol", "random", "I wrote the runbook for the failover drill")
    await slack.emu.message_shortcut(maria, "take_back_kudos", message)
    await slack.settle()
    assert "not a kudos shout-out" in slack.emu.ephemerals(maria)[-1].text
    assert len(await ledger(slack)) == 1


async def test_private_kudos_taken_back_stay_private(slack: SlackHarness) -> None:
    """Kudos given in a private channel, taken back by an admin who is in it: the shout-out
    there is redrawn, Alice and Bob are told in their DMs, and nothing is posted anywhere
    else (no other channel, nobody else's DM)."""
    maria = slack.user("maria")
    slack.emu.workspace.user(maria).is_admin = True
    slack.emu.workspace.channel(slack.channel("secret")).members.append(maria)
    shoutout = await shoutout_given(slack, f"@bob {REASON}", channel="secret")
    told = {c.id for h in ("alice", "bob") if (c := slack.emu.workspace.im_between(slack.user(h)))}
    before = {c: len(slack.emu.messages(c)) for c in slack.emu.workspace.channels}
    await take_back(slack, "maria", shoutout, WHY)
    assert "taken back by an admin" in now_reads(slack, shoutout)
    assert WHY in dm_text(slack, "alice") and WHY in dm_text(slack, "bob")
    grown = [c for c, n in before.items() if len(slack.emu.messages(c)) > n and c not in told]
    assert grown == []
    assert all(WHY not in m.text for c in before if c not in told for m in slack.emu.messages(c))


@pytest.mark.postgres_too  # the one test to read who took a shout-out's kudos back
async def test_reacting_to_a_shoutout_taken_back_says_an_admin_took_it_back(
    slack: SlackHarness,
) -> None:
    """Carol reacts with :kudos: to the shout-out Maria took back: nothing is seconded, and
    she is told an admin took those kudos back (it said they were undone)."""
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    shoutout = await shoutout_given(slack, f"@bob {REASON}")
    await take_back(slack, "maria", shoutout, WHY)
    await slack.emu.add_reaction(slack.user("carol"), shoutout.channel, shoutout.ts, "kudos")
    await slack.settle()
    assert await ledger(slack) == []
    told = slack.emu.ephemerals(slack.user("carol"))[-1].text
    assert told == "An admin took those kudos back, so there is nothing to second."


async def test_undo_after_an_admin_took_the_kudos_back_says_an_admin_did(
    slack: SlackHarness,
) -> None:
    """Maria takes back Alice's kudos to Bob within Undo's 5 minutes, then Alice presses
    Undo: she is told an admin already took them back, naming nobody (it said "Undone", as
    if her press had done it)."""
    maria = slack.user("maria")
    slack.emu.workspace.user(maria).is_admin = True
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    await take_back(slack, "maria", shoutout, WHY)
    await press(slack, "alice", "Undo", 1)
    await slack.settle()
    told = slack.emu.ephemerals(slack.user("alice"))[-1].text
    bob = slack.user("bob")
    assert told.startswith(f"An admin already took back your kudos to <@{bob}>"), told
    assert "Undone" not in told and maria not in told and "Maria" not in told, told
    assert await ledger(slack) == []


@pytest.mark.postgres_too
async def test_undo_pressed_while_an_admin_takes_the_kudos_back_is_told_one_outcome(
    slack: SlackHarness,
) -> None:
    """Maria submits *Take back kudos* as Alice presses Undo, within its 5 minutes. On
    PostgreSQL Undo read the kudos still live, waited for Maria's take-back, found nothing
    left to undo, and still answered "Undone" and queued the shout-out's removal: Alice was
    told she undid them and, in a DM, that an admin took them back, and the shout-out Maria
    was told "now says an admin took them back" was deleted. The race is made certain
    there: the test holds the kudos until both wait, Maria's first. Whoever wins, one
    outcome is told: the other hears it was already done."""
    maria = slack.user("maria")
    slack.emu.workspace.user(maria).is_admin = True
    await slack.command("alice", "/kudos", f"@bob {REASON}")
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.message_shortcut(maria, "take_back_kudos", shoutout)
    await slack.settle()
    modal = slack.emu.open_modal(maria)
    assert modal is not None

    def taking() -> asyncio.Task[Any]:
        reason = {"reason": {"text": WHY}}
        return asyncio.create_task(slack.emu.submit_view(maria, modal.id, reason))

    def undoing() -> asyncio.Task[Any]:
        return asyncio.create_task(press(slack, "alice", "Undo", 1))

    if slack.services.engine.dialect.name == "postgresql":
        async with holding(slack, select(Kudos.id)):
            taken = taking()
            await until_waiting(slack, 1)
            undone = undoing()
            await until_waiting(slack, 2)
    else:  # one writer at a time: either goes first, whole
        taken, undone = taking(), undoing()
    submitted, _ = await asyncio.gather(taken, undone)
    await slack.settle()

    [entry] = await ledger(slack, live_only=False)
    told = slack.emu.ephemerals(slack.user("alice"))[-1].text
    answered = json.dumps(submitted.response)
    posts = kudos_posts(slack, "general") + [
        m for m in slack.emu.messages(shoutout.channel) if "taken back by an admin" in m.text
    ]
    if entry.taken_back_by == maria:
        assert "Taken back" in answered, answered
        assert told.startswith("An admin already took back"), told
        assert [m.ts for m in posts] == [shoutout.ts]
        assert "taken back by an admin" in now_reads(slack, shoutout)
    else:
        assert slack.services.engine.dialect.name != "postgresql"  # made certain there
        assert "Nothing to do" in answered and told.startswith("Undone"), (answered, told)
        assert posts == [] and "An admin" not in dm_text(slack, "alice")


async def test_a_shoutout_posted_through_the_commands_reply_url_is_said_to_stay(
    slack: SlackHarness,
) -> None:
    """In #random, without chat:write.public, the shout-out goes through the command's
    response_url, which gives no ts: an admin's take-back (from the command line, as the
    shortcut on it finds no kudos) cannot redraw it. Alice and Bob were told only that the
    kudos were taken back while the shout-out still showed them; they are told it does, and
    why. The shout-out is left as it was, and nothing else is posted in #random."""
    slack.emu.workspace.bot_scopes = frozenset({"chat:write"})  # an install from before
    shoutout = await shoutout_given(slack, f"@bob {REASON}", channel="random")
    [entry] = await ledger(slack)
    assert entry.shoutout_reply_url and entry.shoutout_ts is None
    await slack.services.kudos.take_back(slack.team_id, "cli", WHY, kudos_id=entry.id)
    await slack.drain()
    assert "untangling" in now_reads(slack, shoutout)
    assert len(kudos_posts(slack, "random")) == 1
    for handle in ("alice", "bob"):
        told = dm_text(slack, handle)
        assert f"Its shout-out in <#{slack.channel('random')}> still shows them" in told, told


async def test_take_back_in_slacks_own_shapes_takes_the_kudos_back_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice, an admin, uses *Take back kudos* on Bob's shout-out and submits the form, each
    as Slack's reference shows the request (`tests/slack/payloads/`: the shout-out with its
    `bot_profile`; the submission with its `hash`, `private_metadata` and no `response_urls`),
    the submission twice (a double click): the form opens, its first answer shows what was
    taken back, the kudos are taken back once with her reason, Carol is told once, and
    nobody is told anything went wrong."""
    caplog.set_level(logging.INFO)
    alice = slack.user("alice")
    slack.emu.workspace.user(alice).is_admin = True
    await slack.command("bob", "/kudos", f"@carol {REASON}")
    await slack.settle()
    [shoutout] = kudos_posts(slack, "general")
    slack.advance(timedelta(minutes=6))
    await slack.settle()
    shortcut = real(slack, "take_back_kudos_on_a_shout_out")["payload"]
    shortcut["message_ts"] = shortcut["message"]["ts"] = shoutout.ts
    shortcut["message"] |= {"text": shoutout.text, "blocks": shoutout.blocks}
    assert await send(slack, *form_of(shortcut)) == (200, "")
    await slack.settle()
    modal = slack.emu.open_modal(alice)
    assert modal is not None and modal.callback_id == "take_back_kudos_modal"
    submitted = real(slack, "take_back_form_submitted")["payload"]
    submitted["view"] |= {
        "id": modal.id,
        "root_view_id": modal.root_view_id,
        "hash": modal.hash,
        "blocks": modal.blocks,
        "private_metadata": modal.private_metadata,
    }
    answers = []
    for _ in range(2):
        status, answer = await send(slack, *form_of(submitted))
        answers.append((status, json.loads(answer).get("response_action") if answer else None))
        await slack.settle()
    assert answers[0] == (200, "update") and answers[1][0] == 200
    rows = await ledger(slack, live_only=False)
    assert [(k.taken_back_by, k.taken_back_reason) for k in rows] == [(alice, WHY)]
    assert await ledger(slack) == []
    assert "taken back by an admin" in now_reads(slack, shoutout)
    assert dm_text(slack, "carol").count("An admin took back") == 1
    assert not [t for t in said(slack) if "went wrong" in t.lower()]
    assert warnings(caplog) == []


@pytest.mark.postgres_too  # storage.kudos.seconds_of, taken-back seconds included
async def test_a_seconding_taken_back_is_not_given_again_through_another_reply(
    slack: SlackHarness,
) -> None:
    """Carol and Maria second Alice's kudos to Bob; Alice, an admin, takes Carol's seconding
    back. Carol then reacted to Maria's reply in the thread and Bob had her seconding again,
    the admin's decision gone round (only kudos still standing were counted). Now it adds
    none, and says an admin took it back."""
    slack.emu.workspace.user(slack.user("alice")).is_admin = True
    shoutout = await shoutout_given(slack, f"@bob {REASON}")
    replies: list[Message] = []
    for handle in ("carol", "maria"):
        await slack.emu.add_reaction(slack.user(handle), shoutout.channel, shoutout.ts, "kudos")
        await slack.settle()
        [reply] = [
            m
            for m in kudos_posts(slack, "general")
            if m.thread_ts == shoutout.ts and m.ts not in [r.ts for r in replies]
        ]
        replies.append(reply)
    carols, marias = replies
    await take_back(slack, "alice", carols, WHY)
    before = len(slack.emu.ephemerals(slack.user("carol")))
    await slack.emu.add_reaction(slack.user("carol"), marias.channel, marias.ts, "kudos")
    await slack.settle()
    [said] = [e.text for e in slack.emu.ephemerals(slack.user("carol"))[before:]]
    assert said.startswith("An admin took back your seconding of these kudos"), said
    givers = sorted(k.giver_user_id for k in await ledger(slack))
    assert givers == sorted(slack.user(h) for h in ("alice", "maria"))
