"""A question someone is helping with is marked solved where the asker lists it: the Home tab
and `/ask mine` carry the thread's *Solved* beside *Withdraw*. Withdraw was their one button,
and pressing it to clear a question a colleague had answered told the helper "no need to
follow up", with no thanks asked for and no help counted."""

from __future__ import annotations

import copy
from typing import Any

from slack_emulator import Delivery
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_home_withdraw import asked_with_home_open, only_question

SOLVED = "question_solved"


def buttons(blocks: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Every question button's (action_id, value), in order, wherever it is in the blocks."""
    found: list[tuple[str, str]] = []
    for block in blocks:
        elements = block.get("elements") if block.get("type") == "actions" else None
        for element in [block.get("accessory"), *(elements or [])]:
            if isinstance(element, dict) and str(element.get("action_id")).startswith("question_"):
                found.append((str(element["action_id"]), str(element.get("value"))))
    return found


async def test_solved_on_the_home_tab_solves_the_question_someone_helps_with(
    slack: SlackHarness,
) -> None:
    alice = slack.user("alice")
    home, question = await asked_with_home_open(slack, helper="dev")
    value = str(question.id)
    assert buttons(home.blocks) == [(SOLVED, value), ("question_withdraw", value)]
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    mine = slack.emu.ephemerals(alice)[-1]
    assert buttons(mine.blocks) == buttons(home.blocks), "one pair of buttons, both places"
    await slack.emu.click(alice, SOLVED, view=home, value=value)
    await slack.drain()
    solved = await only_question(slack)
    assert solved.status == "solved" and solved.solved_by == alice
    rebuilt = slack.emu.home_view(alice)
    assert rebuilt is not None and "terraform module" not in str(rebuilt.blocks)
    thanks = [m for m in slack.emu.dm_messages(alice) if m.bot_id and "Want to thank" in m.text]
    assert thanks, "the asker is asked to thank the helper, as from the thread"


async def test_solved_pressed_again_on_a_home_tab_not_yet_rebuilt_says_so_in_the_dm(
    slack: SlackHarness,
) -> None:
    """A tab has no message to answer under: the second press is answered in Alice's DM."""
    alice = slack.user("alice")
    home, question = await asked_with_home_open(slack, helper="dev")
    first = await slack.emu.click(alice, SOLVED, view=home, value=str(question.id))
    await slack.drain()
    said = len(slack.emu.dm_messages(alice))
    again = copy.deepcopy(first.payload)
    again["trigger_id"] = f"{first.payload['trigger_id']}.again"
    await slack.emu.redeliver(Delivery("interaction", again), as_retry=False)
    await slack.drain()
    [told] = slack.emu.dm_messages(alice)[said:]
    assert f"Question #{question.id} was marked solved already, by you" in told.text


async def test_a_question_nobody_helps_with_yet_keeps_withdraw_alone(
    slack: SlackHarness,
) -> None:
    alice = slack.user("alice")
    await slack.command("alice", "/ask", "who can review my terraform module for s3 buckets?")
    await slack.settle()
    question = await only_question(slack)
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    mine = slack.emu.ephemerals(alice)[-1]
    assert buttons(mine.blocks) == [("question_withdraw", str(question.id))]
