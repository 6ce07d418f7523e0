"""The Home tab lists the asker's open questions; however one closes (solved, run out with
nobody left to ask, its message deleted, withdrawn), the asker's tab is published again
without it, once. Before, only Withdraw did so, and a question closed any other way still
showed as open, with its Withdraw button, until the tab was opened again. The colleagues
asked have its request on their tabs while it waits for them (`test_expert_home_requests`):
theirs are published again once too, and nobody else's."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from slack_emulator import Message
from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import offer_dm

QUESTION = "how do we unlock a stuck terraform state?"


def tabs_published(slack: SlackHarness) -> Counter[str]:
    return Counter(str(c.args.get("user_id")) for c in slack.emu.calls_to("views.publish"))


async def status(slack: SlackHarness) -> str:
    async with slack.services.sessions() as s:
        [question] = (await s.scalars(select(Question))).all()
        return question.status


async def ran_out(slack: SlackHarness) -> None:
    """Every request runs out unanswered, round after round, until nobody is left to ask."""
    for handle in ("bob", "dev", "maria"):
        dms = [m for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]
        if dms and "offer_decline" in str(dms[-1].blocks):
            await slack.emu.click(slack.user(handle), "offer_decline", message=dms[-1])
    await slack.settle()
    for _ in range(72):  # an hour at a time, nights and weekends included
        if await status(slack) != "open":
            return
        slack.services.clock.advance(timedelta(hours=1))
        await slack.runner.bot.scheduler.run_once("escalate")
        await slack.settle()


@pytest.mark.parametrize(
    ("way", "closed"),
    [
        ("solved", "solved"),
        ("ran out", "unanswered"),
        ("deleted", "withdrawn"),
        ("withdrawn", "withdrawn"),
    ],
)
async def test_the_askers_home_is_published_again_however_a_question_closes(
    slack: SlackHarness, way: str, closed: str
) -> None:
    alice, dev = slack.user("alice"), slack.user("dev")
    asked: Message = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    if way == "solved":
        await slack.emu.click(dev, "offer_accept", message=offer_dm(slack, "dev"))
        await slack.settle()
    await slack.emu.open_home(alice)
    await slack.drain()
    home = slack.emu.home_view(alice)
    assert home is not None and "stuck terraform state" in str(home.blocks)
    before = tabs_published(slack)
    if way == "solved":
        await slack.emu.click_button(alice, "Solved")
    elif way == "ran out":
        await ran_out(slack)
    elif way == "deleted":
        await slack.emu.delete_message(alice, asked)
    else:
        await slack.emu.click_button(alice, "Withdraw")
    await slack.drain()
    assert await status(slack) == closed
    published = tabs_published(slack) - before
    colleagues = {slack.user(handle) for handle in ("bob", "dev", "maria")}
    assert published[alice] == 1 and set(published) <= colleagues | {alice}, published
    assert max(published.values()) == 1, published
    rebuilt = slack.emu.home_view(alice)
    assert rebuilt is not None and "stuck terraform state" not in str(rebuilt.blocks)
