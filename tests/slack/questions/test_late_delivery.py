"""A question's message deleted or edited before Slack delivers it: the app was down for the
first delivery and Slack retries it minutes later, or the deletion overtakes the message while
it is being asked. The deletion or edit is acked, so it must hold: a deleted message asks
nobody, keeps no words and prompts nobody (the same end as a question asked and then
deleted); an edited one is asked once, in its edited words."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from slack_emulator import Delivery
from storage.insights import stream_questions
from storage.models import Offer, Question
from storage.questions import UNASKED
from tests.slack.harness import SlackHarness
from tests.slack.twice import press

SECRET = "hunter2zebra"
QUESTION = f"how do we unlock a stuck terraform state? the token is {SECRET}"
InProcessApp = Callable[[dict[str, str], str], Awaitable[tuple[int, str, dict[str, str]]]]


async def stored(slack: SlackHarness) -> tuple[list[Question], list[Offer]]:
    async with slack.services.sessions() as s:
        questions = list(await s.scalars(select(Question).order_by(Question.id)))
        offers = list(await s.scalars(select(Offer)))
    return questions, offers


async def sent_while_down(slack: SlackHarness, handle: str, where: str) -> tuple[Any, Delivery]:
    """`handle` posts the question while every delivery of it fails (503); the delivery the
    question would be asked from (the mention in a channel, the message in a DM)."""
    with slack.bot_down():
        if where == "DM":
            message, deliveries = await slack.emu.post_message(
                slack.user(handle), slack.emu.workspace.open_im(slack.user(handle)).id, QUESTION
            )
            kind = "message"
        else:
            text = f"<@{slack.emu.bot_user_id}> {QUESTION}"
            message, deliveries = await slack.emu.post_message(
                slack.user(handle), slack.channel(where), text
            )
            kind = "app_mention"
    [delivery] = [d for d in deliveries if d.payload["event"]["type"] == kind]
    assert not any(a.acked for a in delivery.attempts)
    return message, delivery


async def counted(slack: SlackHarness) -> list[Any]:
    """The questions the insights read (`/askaround insights`, `askaround report
    network`, the monthly DM): every one asked since install."""
    async with slack.services.sessions() as s:
        since = slack.services.clock.now() - timedelta(days=365)
        return [row async for rows in stream_questions(s, slack.team_id, since) for row in rows]


async def nobody_asked(slack: SlackHarness, questions: list[Question], offers: list[Offer]) -> None:
    """Nobody asked, told or counted: the row left is only the message's key."""
    assert [(q.status, q.text) for q in questions] == [(UNASKED, "")]
    assert offers == [] and await counted(slack) == []
    for handle in slack.users:
        told = [f"{m.text} {m.blocks}" for m in slack.emu.dm_messages(slack.user(handle))]
        told += [f"{e.text} {e.blocks}" for e in slack.emu.ephemerals(slack.user(handle))]
        assert not [t for t in told if SECRET in t or "colleagues" in t], handle


@pytest.mark.parametrize("where", ["general", "DM"])
async def test_a_question_retried_after_its_deletion_asks_nobody(
    slack: SlackHarness, where: str
) -> None:
    message, delivery = await sent_while_down(slack, "carol", where)
    await slack.emu.delete_message(slack.user("carol"), message)
    await slack.settle()
    [again] = await slack.emu.redeliver(delivery)
    assert again.ok
    await slack.drain()
    await nobody_asked(slack, *await stored(slack))


async def test_a_deletion_overtaking_its_question_leaves_it_blank(slack: SlackHarness) -> None:
    """The retry and the deletion arrive together: whichever is first, the question ends
    with its words blanked, withdrawn (asked first) or never asked nor counted."""
    message, delivery = await sent_while_down(slack, "carol", "general")
    await asyncio.gather(
        slack.emu.redeliver(delivery), slack.emu.delete_message(slack.user("carol"), message)
    )
    await slack.drain()
    questions, _offers = await stored(slack)
    [(status, text)] = [(q.status, q.text) for q in questions]
    assert text == "" and status in ("withdrawn", UNASKED)  # asked first, or never
    assert len(await counted(slack)) == (status == "withdrawn")
    for handle in slack.users:
        assert SECRET not in str([m.blocks for m in slack.emu.dm_messages(slack.user(handle))])


@pytest.mark.parametrize("where", ["general", "DM"])
async def test_a_question_retried_after_an_edit_asks_the_edited_words(
    slack: SlackHarness, where: str
) -> None:
    """Carol edits the secret out before Slack's retry of her question arrives: the question
    is asked in the edited words, once, whichever arrives first."""
    message, delivery = await sent_while_down(slack, "carol", where)
    edited = QUESTION.replace(SECRET, "in the vault")
    mention = f"<@{slack.emu.bot_user_id}> " if where != "DM" else ""
    await slack.emu.edit_message(slack.user("carol"), message, mention + edited)
    await slack.settle()
    [again] = await slack.emu.redeliver(delivery)
    assert again.ok
    await slack.drain()
    questions, _offers = await stored(slack)
    assert [q.text for q in questions] == [edited]
    if where == "DM":
        await press(slack, "carol", "Ask colleagues privately", 1)
        await slack.drain()
    for handle in slack.users:
        told = [f"{m.text} {m.blocks}" for m in slack.emu.dm_messages(slack.user(handle))]
        told += [f"{e.text} {e.blocks}" for e in slack.emu.ephemerals(slack.user(handle))]
        assert not [t for t in told if SECRET in t], handle
    questions, offers = await stored(slack)
    assert len(questions) == 1 and len(offers) == 3
