"""A colleague's request (or the group DM connecting asker and helper) that Slack posted but
whose answer was lost (a 500 after it posted): nothing records where it is until the
delivery's next attempt finds it by its mark. A change to the question in between (its
message deleted or edited, its request closed) must still reach that message: its redraw
waits for the next attempt, which records what the first one posted, and the colleague
reads the request once, no longer quoting words taken back.

Slack answers the first post with a 500 after posting it; the test acts while the delivery
waits for its retry (the bot's clock stands still until the test lets it move)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.reliability.delivery import MAX_ATTEMPTS
from bot.runtime.runner import in_flight_listeners
from slack_emulator import Fault, Message
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_edited import SECRET, asked_in_secret, bot_dms, group_dm_of
from tests.slack.questions.test_flow import ask, offer_dm
from tests.slack.questions.test_solved_first import QUESTION
from tests.slack.questions.test_taken_back_mid_send import (
    dev_offer,
    told_as_edited,
    told_it_was_deleted,
    until_settled,
)


async def put_back(slack: SlackHarness, fault: Fault, key: str) -> None:
    """Until the failed post's delivery (its key starting with `key`) waits for its retry
    and nothing else is at work or due: the clock is not moved meanwhile."""

    def settled(rows: list[OutboxItem], now: datetime) -> bool:
        waiting = [
            r
            for r in rows
            if (r.dedupe_key or "").startswith(key) and r.status == "pending" and r.attempts
        ]
        busy = [
            r
            for r in rows
            if r.status == "sending" or (r.status == "pending" and r.next_attempt_at <= now)
        ]
        at_rest = fault.hits == 1 and not slack.emu.in_flight and not in_flight_listeners()
        return at_rest and bool(waiting) and not busy

    await until_settled(slack, settled, "the lost answer")


async def leaves_while_put_back(slack: SlackHarness, handle: str, heard: str) -> None:
    """`handle` is deactivated while a delivery waits for its retry (`put_back`), then every
    delivery runs to its end. The bot hears of it `first`, before the retry; or `late`, after
    it: Slack's `user_change` failed (the bot down) and is delivered again once the retry ran,
    as Slack retries an event a minute on (and one sent in time may be handled after a retry
    a second on); or `never`: Slack gave the event up, and only the daily sync would tell
    (what is read then is what stood between the retry and a late event). Slack has them
    deactivated from the start either way."""
    user = slack.user(handle)
    if heard == "first":
        await slack.emu.change_user(user, deleted=True)
        await until_settled(slack, lambda _rows, _now: not in_flight_listeners(), "the leaving")
    else:
        with slack.bot_down():
            event = await slack.emu.change_user(user, deleted=True)
        assert event is not None and not any(a.acked for a in event.attempts)
        await slack.drain()
        if heard == "late":
            [again] = await slack.emu.redeliver(event)
            assert again.ok
    await slack.drain()


# When the bot hears that someone left: before the connection's retry, after it, or never.
HEARD = ["first", "late", "never"]

# How an answer is lost: a 500 after Slack posted, or the connection closed with no answer.
LOST = [pytest.param({"status": 500}, id="500"), pytest.param({"dropped": True}, id="dropped")]


async def asked_answer_lost(
    slack: SlackHarness, lost: dict[str, Any] | None = None
) -> tuple[Message, Fault]:
    """Carol asks with a secret in her question; Slack posts Dev's request and its answer is
    lost (`LOST`, a 500 unless told)."""
    dev_dm = slack.emu.workspace.open_im(slack.user("dev")).id
    how = lost or {"status": 500}
    fault = slack.emu.faults.add("chat.postMessage", applied=True, channel=dev_dm, **how)
    bot = f"<@{slack.emu.bot_user_id}>"
    asked = await slack.post("carol", "general", f"{bot} {QUESTION} the password is {SECRET}")
    await put_back(slack, fault, "offer:")
    assert SECRET in bot_dms(slack, "dev")  # posted, unrecorded
    assert (await dev_offer(slack)).dm_ts is None
    return asked, fault


def requests(slack: SlackHarness, handle: str) -> list[Message]:
    return [m for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


@pytest.mark.parametrize("lost", LOST)
async def test_a_request_posted_unanswered_reaches_its_colleague_once(
    slack: SlackHarness, lost: dict[str, Any]
) -> None:
    """The retry finds the request Slack posted: slack_sdk's own retry of a dropped connection
    had posted it again at once, without looking."""
    dev_dm = slack.emu.workspace.open_im(slack.user("dev")).id
    slack.emu.faults.add("chat.postMessage", applied=True, channel=dev_dm, **lost)
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.drain()
    [request] = requests(slack, "dev")
    assert (await dev_offer(slack)).dm_ts == request.ts


@pytest.mark.parametrize("lost", LOST)
async def test_a_question_deleted_after_its_request_was_posted_unanswered_is_not_quoted(
    slack: SlackHarness, lost: dict[str, Any]
) -> None:
    asked, _ = await asked_answer_lost(slack, lost)
    await slack.emu.delete_message(slack.user("carol"), asked)
    await slack.drain()
    assert len(requests(slack, "dev")) == 1
    assert (await dev_offer(slack)).dm_ts == requests(slack, "dev")[0].ts
    told_it_was_deleted(slack)


async def test_a_question_edited_after_its_request_was_posted_unanswered_is_quoted_as_edited(
    slack: SlackHarness,
) -> None:
    asked, _ = await asked_answer_lost(slack)
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.here.edit_message(slack.user("carol"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.drain()
    assert len(requests(slack, "dev")) == 1
    told_as_edited(slack)


async def test_a_group_dm_posted_unanswered_is_quoted_as_edited(slack: SlackHarness) -> None:
    """Alice asks in #secret with a token in it and agrees to ask; Dev takes it on, and Slack
    posts the group DM connecting them, quoting the question, but answers 500. Alice edits
    the token out before the post is tried again."""
    asked = await asked_in_secret(slack)
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    fault = slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=group)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await put_back(slack, fault, "question.connected:")
    assert SECRET in group_dm_of(slack, "alice", "dev")
    await secret_edited_out(slack, asked)
    quoted_as_edited(slack, group)


async def secret_edited_out(slack: SlackHarness, asked: Message) -> None:
    """Alice edits the token out of her question."""
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.here.edit_message(slack.user("alice"), asked, slack.escape(f"{bot} {QUESTION}"))
    await slack.drain()


def quoted_as_edited(slack: SlackHarness, group: str) -> None:
    """The one group DM connecting Alice and Dev quotes her question as edited."""
    shown = group_dm_of(slack, "alice", "dev")
    assert SECRET not in shown and "stuck terraform state" in shown, shown
    assert len([m for m in slack.emu.messages(group) if m.bot_id]) == 1


async def test_the_asking_message_posted_unanswered_names_those_still_asked(
    slack: SlackHarness,
) -> None:
    """Slack posts the message telling Carol who is asked, in her question's thread, but
    answers 500; Dev says *Not me* before it is tried again."""
    general = slack.channel("general")
    fault = slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=general)
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await put_back(slack, fault, "question.asking:")
    assert "Dev Patel" in asking_message(slack, general)
    await slack.emu.click(slack.user("dev"), "offer_decline", message=offer_dm(slack, "dev"))
    await put_back(slack, fault, "question.asking:")
    await slack.drain()
    assert "Dev Patel" not in asking_message(slack, general)


def asking_message(slack: SlackHarness, channel: str) -> str:
    """The message telling the asker who is asked, as the thread shows it."""
    return posted_by(slack, channel, "question.asking:")


def posted_by(slack: SlackHarness, channel: str, key: str) -> str:
    """The one message in `channel` that the delivery whose key starts with `key` posted."""
    [told] = [m for m in slack.emu.messages(channel) if m.bot_id and key_of(m).startswith(key)]
    return f"{told.text}\n{told.blocks}"


def key_of(message: Message) -> str:
    return str(((message.metadata or {}).get("event_payload") or {}).get("key", ""))


async def test_a_connection_posted_unanswered_says_how_it_ended(slack: SlackHarness) -> None:
    """Dev takes Carol's question on; Slack posts the reply connecting them in its thread but
    answers 500, and Carol marks it solved before it is tried again: the reply, found on the
    retry, loses its Solved button as it would have."""
    general = slack.channel("general")
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    fault = slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=general)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await put_back(slack, fault, "question.connected:")
    assert "question_solved" in posted_by(slack, general, "question.connected:")
    await slack.emu.click_button(slack.user("carol"), "Solved")
    await slack.drain()
    assert "question_solved" not in posted_by(slack, general, "question.connected:")


async def test_a_message_posted_unanswered_then_given_up_is_posted_once_when_retried(
    slack: SlackHarness,
) -> None:
    """Carol withdraws a question Dev took on; Slack posts the note telling Dev but answers
    500, and fails every retry after it (each looking for that post first) until the outbox
    gives the note up. An admin's
    `askaround outbox retry` once Slack is well again finds the note posted the first time
    rather than posting it again."""
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    dev_dm = slack.emu.workspace.open_im(slack.user("dev")).id
    slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=dev_dm)
    history = {"status": 500, "times": MAX_ATTEMPTS - 1, "channel": dev_dm}
    slack.emu.faults.add("conversations.history", **history)  # type: ignore[arg-type]
    await slack.emu.click_button(slack.user("carol"), "Withdraw")
    await slack.drain()
    assert len(released(slack)) == 1
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    assert len(released(slack)) == 1


def released(slack: SlackHarness) -> list[Message]:
    return [m for m in requests(slack, "dev") if "no need to follow up" in m.text]


async def test_the_asking_message_posted_unanswered_in_the_askers_dm_names_those_still_asked(
    slack: SlackHarness,
) -> None:
    """Slack fails every post in #general until the outbox gives up Alice's list of who is
    asked there; sent to her DM instead, it is posted but answered 500. Bob says *Not me*
    before it is tried again: the list, found on the retry, no longer names him."""
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=general)
    alice_dm = slack.emu.workspace.open_im(slack.user("alice")).id
    fault = slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=alice_dm)
    await ask(slack)
    await tried_until(slack, fault)
    await put_back(slack, fault, "question.asking:in_dm:")
    assert "Bob Chen" in asking_message(slack, alice_dm)
    await slack.emu.click(slack.user("bob"), "offer_decline", message=offer_dm(slack, "bob"))
    await slack.drain()
    assert "Bob Chen" not in asking_message(slack, alice_dm)


async def tried_until(slack: SlackHarness, fault: Fault) -> None:
    """Each delivery put back tried again, the clock moved to it, until `fault` is hit
    once: not past it, as `drain` would."""

    def at_rest(rows: list[OutboxItem], now: datetime) -> bool:
        busy = [
            r
            for r in rows
            if r.status == "sending" or (r.status == "pending" and r.next_attempt_at <= now)
        ]
        quiet = not busy and not slack.emu.in_flight and not in_flight_listeners()
        return fault.hits > 0 or quiet

    while not fault.hits:
        await until_settled(slack, at_rest, "a retry")
        async with slack.services.sessions() as s:
            rows = list(await s.scalars(select(OutboxItem)))
        waiting = [r.next_attempt_at for r in rows if r.status == "pending"]
        if waiting and not fault.hits:
            slack.advance(max(min(waiting) - slack.services.clock.now(), timedelta()))


@pytest.mark.parametrize("heard", HEARD)
async def test_a_connection_retried_after_its_helper_left_ends_quietly(
    slack: SlackHarness, heard: str
) -> None:
    """Dev takes Carol's question on; Slack fails the reply connecting them (a 503, nothing
    posted), and Dev leaves the workspace before it is tried again: Carol is told he left
    and the question goes on, and the retry has nobody to connect her with. It posts
    nothing and ends, not failing each attempt until the outbox gives it up. The bot heard
    of it after the retry (`late`): the retry introduced Dev, gone, as helping Carol."""
    general = slack.channel("general")
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    fault = slack.emu.faults.add("chat.postMessage", status=503, channel=general)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await put_back(slack, fault, "question.connected:")
    await leaves_while_put_back(slack, "dev", heard)
    async with slack.services.sessions() as s:
        rows = list(await s.scalars(select(OutboxItem)))
    [connection] = [r for r in rows if (r.dedupe_key or "").startswith("question.connected:")]
    assert connection.status == "sent", (connection.status, connection.last_error)
    assert not [
        m for m in slack.emu.messages(general) if key_of(m).startswith("question.connected")
    ]


@pytest.mark.parametrize("heard", HEARD)
async def test_a_group_dm_retried_after_its_helper_left_ends_quietly(
    slack: SlackHarness, heard: str
) -> None:
    """As above, in the group DM of a question asked in #secret. Heard of after the retry
    (`late`), the retry failed on Slack's `user_disabled` for the group DM with Dev and was
    given up, for an operator to look at."""
    await asked_in_secret(slack)
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    fault = slack.emu.faults.add("chat.postMessage", status=503, channel=group)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await put_back(slack, fault, "question.connected:")
    await leaves_while_put_back(slack, "dev", heard)
    async with slack.services.sessions() as s:
        statuses = set(await s.scalars(select(OutboxItem.status)))
    assert statuses == {"sent"}, statuses
    assert not [m for m in slack.emu.messages(group) if m.bot_id]
    told = [m.text for m in slack.emu.dm_messages(slack.user("alice")) if m.bot_id]
    assert [t for t in told if "Dev Patel" in t and "no longer in this workspace" in t], told


async def test_a_connection_posted_unanswered_then_given_up_says_how_it_ended_when_retried(
    slack: SlackHarness,
) -> None:
    """Dev takes Carol's question on; Slack posts the reply connecting them in its thread but
    answers 500, and fails every retry's look for it until the outbox gives the reply up.
    Carol marks the question solved meanwhile: its redraw finds no reply recorded. An
    admin's `askaround outbox retry` finds the reply and draws it as the question is now,
    its Solved button gone, rather than leaving it as first drawn."""
    general = slack.channel("general")
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=general)
    looks = {"status": 500, "times": MAX_ATTEMPTS - 1, "channel": general}
    slack.emu.faults.add("conversations.replies", **looks)  # type: ignore[arg-type]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    assert "question_solved" in posted_by(slack, general, "question.connected:")
    await slack.emu.click_button(slack.user("carol"), "Solved")
    await slack.drain()
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    assert "question_solved" not in posted_by(slack, general, "question.connected:")


async def test_a_group_dm_posted_unanswered_then_given_up_is_quoted_as_edited_when_retried(
    slack: SlackHarness,
) -> None:
    """Alice asks in #secret with a token in it; Slack posts the group DM connecting her
    with Dev, quoting the question, but answers 500 and fails every retry's look for it
    until the outbox gives it up. She edits the token out meanwhile: that redraw finds no
    message recorded. An admin's `askaround outbox retry` finds the group DM and quotes the
    question as edited."""
    asked = await asked_in_secret(slack)
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=group)
    looks = {"status": 500, "times": MAX_ATTEMPTS - 1, "channel": group}
    slack.emu.faults.add("conversations.history", **looks)  # type: ignore[arg-type]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    assert SECRET in group_dm_of(slack, "alice", "dev")
    await secret_edited_out(slack, asked)
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    quoted_as_edited(slack, group)


async def test_the_asking_message_in_the_askers_dm_given_up_names_those_still_asked_when_retried(
    slack: SlackHarness,
) -> None:
    """Alice's list of who is asked, given up in #general, is posted to her DM but answered
    500, and every retry's look for it fails until the outbox gives it up too. Bob says *Not
    me* meanwhile: that redraw finds no list recorded. An admin's `askaround outbox retry`
    finds the list and draws it without him."""
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=general)
    alice_dm = slack.emu.workspace.open_im(slack.user("alice")).id
    slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=alice_dm)
    looks = {"status": 500, "times": MAX_ATTEMPTS - 1, "channel": alice_dm}
    slack.emu.faults.add("conversations.history", **looks)  # type: ignore[arg-type]
    await ask(slack)
    await slack.drain()
    assert "Bob Chen" in asking_message(slack, alice_dm)
    await slack.emu.click(slack.user("bob"), "offer_decline", message=offer_dm(slack, "bob"))
    await slack.drain()
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    assert "Bob Chen" not in asking_message(slack, alice_dm)


async def test_a_request_posted_unanswered_then_given_up_is_drawn_as_it_is_when_retried(
    slack: SlackHarness,
) -> None:
    """Slack posts Dev's request but answers 500, and fails every retry's look for it until
    the outbox gives it up: Dev is passed over, as after *Not me*, and the question goes on
    without him. An admin's `askaround outbox retry` found the request and recorded it, but
    left it as first drawn, its buttons asking Dev about a question that had moved on: it is
    drawn as it is now."""
    dev_dm = slack.emu.workspace.open_im(slack.user("dev")).id
    slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=dev_dm)
    looks = {"status": 500, "times": MAX_ATTEMPTS - 1, "channel": dev_dm}
    slack.emu.faults.add("conversations.history", **looks)  # type: ignore[arg-type]
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.drain()
    assert (await dev_offer(slack)).status == "unsent"
    [request] = requests(slack, "dev")
    assert "offer_accept" in str(request.blocks)
    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    [request] = requests(slack, "dev")
    assert (await dev_offer(slack)).dm_ts == request.ts
    shown = f"{request.text}\n{request.blocks}"
    assert "offer_accept" not in shown and "moved on" in shown, shown
