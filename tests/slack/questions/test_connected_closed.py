"""The reply that connected asker and helper ("Ben can help with your question") kept its
Solved button after the question was withdrawn, and pressing it was refused. Once the question
closes it says how it ended, its button gone, as the asker's first message does."""

from __future__ import annotations

from slack_emulator import Message
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import QUESTION, ask, offer_dm, rows


def connected_messages(slack: SlackHarness, where: list[Message]) -> list[Message]:
    return [m for m in where if m.bot_id and "can help with your question" in m.text]


async def dev_helps(slack: SlackHarness) -> Message:
    asked = await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    return asked


async def test_a_withdrawn_question_s_connection_loses_its_solved_button(
    slack: SlackHarness,
) -> None:
    await dev_helps(slack)
    thread = slack.emu.messages(slack.channel("general"))
    assert "question_solved" in str(connected_messages(slack, thread)[0].blocks)
    question, _ = await rows(slack)
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.drain()
    [connected] = connected_messages(slack, slack.emu.messages(slack.channel("general")))
    shown = str(connected.blocks)
    assert "question_solved" not in shown
    assert f"Question #{question.id} was withdrawn" in shown


async def test_a_solved_question_s_connection_says_it_is_solved(slack: SlackHarness) -> None:
    await dev_helps(slack)
    question, _ = await rows(slack)
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.drain()
    [connected] = connected_messages(slack, slack.emu.messages(slack.channel("general")))
    shown = str(connected.blocks)
    assert "question_solved" not in shown and f"Question #{question.id} is solved" in shown


async def test_a_group_dm_connection_says_so_too_and_quotes_the_question_still(
    slack: SlackHarness,
) -> None:
    """`/ask`: asker and helper are connected in a group DM, which quotes the question; once
    withdrawn it still quotes it, says so, and has no Solved."""
    await slack.command("alice", "/ask", QUESTION)
    await slack.settle()
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    question, _ = await rows(slack)
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.drain()
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    [connected] = connected_messages(slack, slack.emu.messages(group))
    shown = str(connected.blocks)
    assert "question_solved" not in shown and QUESTION in shown
    assert f"Question #{question.id} was withdrawn" in shown


async def test_a_helper_who_left_is_no_longer_said_to_be_able_to_help(
    slack: SlackHarness,
) -> None:
    """Dev, connected to Alice's question, leaves the workspace: the question is open again
    (and, nobody else left to ask, closes unanswered). The reply that connected them went on
    reading "Dev Patel can help with your question. Take it from here!" with its Solved
    button; it says he left."""
    await dev_helps(slack)
    [before] = connected_messages(slack, slack.emu.messages(slack.channel("general")))
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await slack.drain()
    question, _ = await rows(slack)
    [connected] = [m for m in slack.emu.messages(slack.channel("general")) if m.ts == before.ts]
    shown = str(connected.blocks)
    assert "Take it from here" not in shown and "question_solved" not in shown, shown
    assert (
        f"<@{slack.user('alice')}>, <@{slack.user('dev')}> was helping with your question "
        f"#{question.id}, and is no longer in this workspace."
    ) in shown, shown
