"""A question whose helper left the workspace goes on to someone else: the next colleague to
take it on is connected with its asker as the first was, once, and the first one's
connection, wherever it stands (posted, or posted with Slack's answer lost), says they left
rather than keep its Solved button."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.questions.policy import RoutingConfig
from bot.runtime.runner import in_flight_listeners
from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_answer_lost import (
    HEARD,
    asked_in_secret,
    asking_message,
    key_of,
    leaves_while_put_back,
    put_back,
)
from tests.slack.questions.test_asker_gone import GONE, no_failed_deliveries
from tests.slack.questions.test_connected_closed import dev_helps
from tests.slack.questions.test_flow import ask, offer_dm, rows
from tests.slack.questions.test_taken_back_mid_send import until_settled


async def dev_took_it_and_left(slack: SlackHarness) -> None:
    """Dev and Bob are asked Alice's question; Dev takes it on, then leaves the workspace:
    it goes on to Maria."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    await dev_helps(slack)
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await slack.drain()
    _question, offers = await rows(slack)
    assert [o.candidate_user_id for o in offers if o.status == "pending"] == [slack.user("maria")]


async def maria_takes_it(slack: SlackHarness) -> None:
    await slack.emu.click(slack.user("maria"), "offer_accept", message=offer_dm(slack, "maria"))
    await slack.drain()


def connections(slack: SlackHarness, channel: str) -> list[str]:
    """The replies connecting asker and helper in `channel`, each as it reads now."""
    return [
        f"{m.text}\n{m.blocks}"
        for m in slack.emu.messages(channel)
        if m.bot_id and key_of(m).startswith("question.connected:")
    ]


async def connected_unanswered_then_dev_left(slack: SlackHarness, channel: str, heard: str) -> None:
    """Dev takes the question on; Slack posts the reply connecting him with Alice in
    `channel` but answers 500, and Dev leaves before it is tried again, the bot hearing of
    it before the retry, after it or never (`leaves_while_put_back`): that reply says he
    left, without its Solved button, and every delivery was sent."""
    fault = slack.emu.faults.add("chat.postMessage", status=500, applied=True, channel=channel)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await put_back(slack, fault, "question.connected:")
    assert "question_solved" in connections(slack, channel)[0]
    await leaves_while_put_back(slack, "dev", heard)
    [shown] = connections(slack, channel)
    assert "question_solved" not in shown and "Take it from here" not in shown, shown
    assert GONE in shown, shown
    async with slack.services.sessions() as s:
        statuses = set(await s.scalars(select(OutboxItem.status)))
    assert statuses == {"sent"}, statuses


async def test_the_next_helper_is_connected_with_the_asker(slack: SlackHarness) -> None:
    """Maria takes on the question Dev left: she and Alice are introduced in its thread, and
    her request says she was connected. The introduction was keyed by the question alone, so
    Dev's, sent already, took Maria's place: nobody introduced them, and her request read
    "I'm connecting you with Alice…" for good."""
    await dev_took_it_and_left(slack)
    await slack.emu.click(slack.user("maria"), "offer_accept", message=offer_dm(slack, "maria"))
    await slack.emu.click(slack.user("maria"), "offer_accept", message=offer_dm(slack, "maria"))
    await slack.drain()
    question, _ = await rows(slack)
    assert (question.status, question.helper_user_id) == ("connected", slack.user("maria"))
    general = slack.channel("general")
    shown = connections(slack, general)
    marias = [c for c in shown if f"<@{slack.user('maria')}>" in c]
    assert len(marias) == 1 and "question_solved" in marias[0], shown
    assert f"<@{slack.user('alice')}>" in marias[0]
    [devs] = [c for c in shown if f"<@{slack.user('dev')}>" in c]
    assert GONE in devs and "question_solved" not in devs, devs
    assert "I've connected you" in str(offer_dm(slack, "maria").blocks)
    assert "is helping you" in asking_message(slack, general)
    await no_failed_deliveries(slack)


@pytest.mark.parametrize("heard", HEARD)
async def test_a_connection_posted_unanswered_then_its_helper_left_says_so(
    slack: SlackHarness, heard: str
) -> None:
    """Dev takes Alice's question on; Slack posts the reply connecting them in its thread but
    answers 500, and Dev leaves before it is tried again. The question, open again, recorded
    no reply to say he left, and the retry, finding him no longer helping, returned without
    looking: the reply went on saying Dev can help, with its Solved button. The retry finds
    it and draws it as it is then."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    await ask(slack)
    general = slack.channel("general")
    await connected_unanswered_then_dev_left(slack, general, heard)
    assert "is helping" not in asking_message(slack, general)


async def test_each_helper_who_left_is_told_to_the_asker(slack: SlackHarness) -> None:
    """Maria takes on the question Dev left, and leaves too: Alice is told of each. The
    message was keyed by the question alone, so Dev's stood for Maria's and Alice was never
    told Maria left."""
    await dev_took_it_and_left(slack)
    await maria_takes_it(slack)
    await slack.emu.change_user(slack.user("maria"), deleted=True)
    await slack.drain()
    thread = [m.text for m in slack.emu.messages(slack.channel("general")) if m.thread_ts]
    for name in ("Dev Patel", "Maria Lopez"):
        assert [t for t in thread if name in t and GONE in t and "helping" in t], thread
    await no_failed_deliveries(slack)


async def test_a_connection_posted_as_its_helper_leaves_says_so(slack: SlackHarness) -> None:
    """Slack holds the reply connecting Alice with Dev while Dev leaves the workspace, then
    posts it. Letting Dev go found no reply recorded to say he left; the reply, recorded
    after as the question's (open again, nobody helping), kept its Solved button."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    await ask(slack)
    general = slack.channel("general")
    held = asyncio.Event()
    fault = slack.emu.faults.add("chat.postMessage", channel=general, held=held)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await until_settled(slack, lambda _rows, _now: fault.hits == 1, "the held reply")
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await until_settled(slack, lambda _rows, _now: not in_flight_listeners(), "the leaving")
    held.set()
    await slack.drain()
    [shown] = connections(slack, general)
    assert "question_solved" not in shown and GONE in shown, shown
    question, _ = await rows(slack)
    assert question.connected_message_ts is None


async def test_a_question_withdrawn_after_its_helper_left_tells_the_next_helper(
    slack: SlackHarness,
) -> None:
    """Maria takes on the question Dev left, and Alice withdraws it: Maria is told she need
    not follow up, and nothing sent to Dev, gone, fails for the operator to look at."""
    await dev_took_it_and_left(slack)
    await maria_takes_it(slack)
    question, _ = await rows(slack)
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.drain()
    assert "no need to follow up" in "\n".join(
        m.text for m in slack.emu.dm_messages(slack.user("maria")) if m.bot_id
    )
    await no_failed_deliveries(slack)


@pytest.mark.parametrize("heard", HEARD)
async def test_a_group_dm_posted_unanswered_then_its_helper_left_says_so(
    slack: SlackHarness, heard: str
) -> None:
    """As above, where they are connected in a group DM (a question asked in #secret): Slack
    would not open a group DM with Dev once he was deactivated (`user_disabled`), so the
    retry never found the reply, which went on saying Dev can help, its Solved button with
    it, beside the message telling Alice he left. Heard of after the retry (`late`), the
    retry, taking Dev for the helper still, failed on that `user_disabled` and was given
    up, the reply recorded nowhere for the leaving to redraw."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    await asked_in_secret(slack)
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    await connected_unanswered_then_dev_left(slack, group, heard)


async def test_a_group_dm_found_on_a_slack_of_small_pages(slack: SlackHarness) -> None:
    """As above, heard of after the retry, with every list Slack answers a page of one after
    an empty page (its docs allow both, docs/slack-api.md): the group DM is found among the
    bot's and its members read to the last page, and the reply posted before found in its
    history, not posted twice."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    await asked_in_secret(slack)
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    slack.emu.faults.paging.size, slack.emu.faults.paging.empty = 1, True
    try:
        await connected_unanswered_then_dev_left(slack, group, "late")
    finally:
        slack.emu.faults.clear()
