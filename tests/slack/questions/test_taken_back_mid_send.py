"""A question taken back (its message deleted or edited) while a colleague's request is on
its way to their DM: the request drew the question before the change, and lands after the
change's own redraw of it looked for a DM to redraw and found none yet. The request must not
be left quoting the words taken back; Slack holds Dev's request (its `chat.postMessage`)
until the change and everything it queued have run. The same for the group DM that connects
asker and helper, which quotes a private question."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from bot.runtime.runner import in_flight_listeners
from slack_emulator import Fault, Message
from storage.models import Offer, OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_edited import SECRET, asked_in_secret, bot_dms, group_dm_of
from tests.slack.questions.test_flow import ask, offer_dm, rows
from tests.slack.questions.test_solved_first import QUESTION

WITHIN = 30.0  # seconds the bot gets to come to rest around the held call


async def asked_while_held(slack: SlackHarness) -> tuple[Message, Fault, asyncio.Event]:
    """Carol asks with a secret in her question; Dev's request is drawn, then held by Slack."""
    held = asyncio.Event()
    dev_dm = slack.emu.workspace.open_im(slack.user("dev")).id
    fault = slack.emu.faults.add("chat.postMessage", held=held, channel=dev_dm)
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}")
    await quiet_but_held(slack, fault)
    return asked, fault, held


async def quiet_but_held(slack: SlackHarness, fault: Fault, held_by: str = "offer:") -> None:
    """Wait until the held call has arrived and everything else is done: no listener at
    work, no other Slack call, and in the outbox only the delivery whose key starts with
    `held_by` (Dev's request) sending, and nothing due."""

    def settled(rows: list[OutboxItem], now: datetime) -> bool:
        sending = [r.dedupe_key or "" for r in rows if r.status == "sending"]
        due = [r for r in rows if r.status == "pending" and r.next_attempt_at <= now]
        at_rest = fault.hits == 1 and slack.emu.in_flight == 1 and not in_flight_listeners()
        return at_rest and len(sending) == 1 and sending[0].startswith(held_by) and not due

    await until_settled(slack, settled, "the held call")


async def until_settled(
    slack: SlackHarness, settled: Callable[[list[OutboxItem], datetime], bool], around: str
) -> None:
    """Until `settled` holds twice in a row of the outbox's rows and the bot's clock (which
    is not moved meanwhile), the worker woken whenever it does not."""
    loop = asyncio.get_running_loop()
    deadline, quiet = loop.time() + WITHIN, 0
    while quiet < 2:
        assert loop.time() < deadline, f"the bot did not come to rest around {around}"
        now = slack.services.clock.now()
        async with slack.services.sessions() as s:
            rows = list(await s.scalars(select(OutboxItem)))
        if settled(rows, now):
            quiet += 1
        else:
            quiet = 0
            slack.runner.bot.outbox.wake()
        await asyncio.sleep(0.01)


def told_it_was_deleted(slack: SlackHarness) -> None:
    """Dev's request says its question was deleted, and no bot DM quotes its secret."""
    assert "The question was deleted." in bot_dms(slack, "dev")
    secret_nowhere(slack)


def told_as_edited(slack: SlackHarness) -> None:
    """Dev's request quotes the question as edited, and no bot DM its secret."""
    assert "stuck terraform state" in bot_dms(slack, "dev")
    secret_nowhere(slack)


def secret_nowhere(slack: SlackHarness) -> None:
    for handle in slack.users:
        assert SECRET not in bot_dms(slack, handle), handle


async def dev_offer(slack: SlackHarness) -> Offer:
    async with slack.services.sessions() as s:
        offers = list(await s.scalars(select(Offer)))
    [offer] = [o for o in offers if o.candidate_user_id == slack.user("dev")]
    return offer


async def test_a_question_deleted_while_its_request_is_posted_is_not_quoted(
    slack: SlackHarness,
) -> None:
    asked, fault, held = await asked_while_held(slack)
    await slack.emu.delete_message(slack.user("carol"), asked)
    await quiet_but_held(slack, fault)
    held.set()
    await slack.drain()
    assert (await dev_offer(slack)).dm_ts is not None
    told_it_was_deleted(slack)


async def test_a_question_edited_while_its_request_is_posted_is_quoted_as_edited(
    slack: SlackHarness,
) -> None:
    asked, fault, held = await asked_while_held(slack)
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await quiet_but_held(slack, fault)
    held.set()
    await slack.drain()
    told_as_edited(slack)


async def test_a_question_edited_while_its_helper_is_connected_is_quoted_as_edited(
    slack: SlackHarness,
) -> None:
    """Alice asks in #secret with a token in it and agrees to ask; Dev takes it on, and the
    group DM connecting them, quoting the question, is held until Alice has edited the token
    out."""
    asked = await asked_in_secret(slack)
    held = asyncio.Event()
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    fault = slack.emu.faults.add("chat.postMessage", held=held, channel=group)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await quiet_but_held(slack, fault, "question.connected:")
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.here.edit_message(slack.user("alice"), asked, slack.escape(f"{bot} {QUESTION}"))
    await quiet_but_held(slack, fault, "question.connected:")
    held.set()
    await slack.drain()
    shown = group_dm_of(slack, "alice", "dev")
    assert SECRET not in shown and "stuck terraform state" in shown, shown


async def test_a_request_redrawn_for_an_edit_while_bob_took_it_on_ends_closed(
    slack: SlackHarness,
) -> None:
    """Alice edits her question, naming someone askaround has not stored; Slack holds the
    `users.info` the edit's redraw of Dev's request makes for that name, and Bob takes the
    question on meanwhile: Dev's request says Bob is on it. Then the edit's redraw, drawn
    while Dev was still asked, landed over it with its buttons asking him again
    (docs/testing-log.md, "The reliability core, a reviewer's pass")."""
    asked = await ask(slack)
    zed = slack.emu.workspace.add_user("zed", real_name="Zed Unstored").id
    held = asyncio.Event()
    fault = slack.emu.faults.add("users.info", held=held)
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.here.edit_message(slack.user("alice"), asked, f"{bot} {QUESTION} <@{zed}> tried")
    await quiet_but_held(slack, fault, held_by="offer_edited:")
    await slack.emu.click(slack.user("bob"), "offer_accept", message=offer_dm(slack, "bob"))
    await quiet_but_held(slack, fault, held_by="offer_edited:")
    assert "is on it" in bot_dms(slack, "dev")
    held.set()
    await slack.drain()
    [request] = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    assert "is on it" in request.text, request.text
    assert "offer_accept" not in str(request.blocks)


async def test_the_connecting_reply_redrawn_for_an_edit_while_the_question_closed_ends_closed(
    slack: SlackHarness,
) -> None:
    """Bob took Alice's question on and the reply connecting them is in its thread, with
    Solved. Alice edits the question, naming someone askaround has not stored: Slack holds
    each `users.info` the edit's redraws make for that name. Meanwhile she withdraws the
    question: the close's redraw says so, Solved gone. Then the edit's redraw of the
    connecting reply, drawn while the question was open, landed over it with Solved again
    (docs/testing-log.md, "The reliability core, a reviewer's pass", suspected there)."""
    asked = await ask(slack)
    await slack.emu.click(slack.user("bob"), "offer_accept", message=offer_dm(slack, "bob"))
    await slack.drain()
    question, _ = await rows(slack)
    zed = slack.emu.workspace.add_user("zed", real_name="Zed Unstored").id
    held = asyncio.Event()
    fault = slack.emu.faults.add("users.info", held=held, times=None)
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.here.edit_message(slack.user("alice"), asked, f"{bot} {QUESTION} <@{zed}> tried")
    await until_settled(slack, only_held(slack, fault), "the edit's held redraws")
    assert fault.hits, "no redraw asked Slack for the name"
    fault.times = fault.hits  # from here on Slack answers users.info at once
    edits = await sending(slack)
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await until_settled(slack, only_held(slack, fault, edits), "the withdrawal's redraws")
    assert "was withdrawn" in connecting_reply(slack, asked)
    held.set()
    await slack.drain()
    shown = connecting_reply(slack, asked)
    assert "was withdrawn" in shown and "question_solved" not in shown, shown


def only_held(
    slack: SlackHarness, fault: Fault, held: set[str] | None = None
) -> Callable[[list[OutboxItem], datetime], bool]:
    """Nothing at work but the calls `fault` holds, among them the edit's redraw of the
    connecting reply (and, given `held`, no delivery sending but those), and nothing due in
    the outbox."""

    def settled(rows: list[OutboxItem], now: datetime) -> bool:
        sending = {r.dedupe_key or "" for r in rows if r.status == "sending"}
        due = [r for r in rows if r.status == "pending" and r.next_attempt_at <= now]
        at_rest = slack.emu.in_flight == fault.hits and not in_flight_listeners()
        redrawing = any(k.startswith("question.connected_requoted:") for k in sending)
        return at_rest and redrawing and not due and held in (None, sending)

    return settled


async def sending(slack: SlackHarness) -> set[str]:
    """The keys of the deliveries being sent now."""
    async with slack.services.sessions() as s:
        rows = await s.scalars(select(OutboxItem).where(OutboxItem.status == "sending"))
        return {r.dedupe_key or "" for r in rows}


def connecting_reply(slack: SlackHarness, asked: Message) -> str:
    """The bot's reply in the question's thread that connected Alice with Bob, as it shows."""
    thread = slack.emu.messages(slack.channel("general"))
    [reply] = [m for m in thread if m.thread_ts == asked.ts and m.bot_id and "can help" in m.text]
    return f"{reply.text}\n{reply.blocks}"
