"""The kudos invitation after a question is solved: posted in the question's public thread, it
asks the asker to thank the helper without notifying the helper (who may have pressed Solved
themselves), and its Give kudos button, which everyone in the channel sees, opens no form for
the helper to thank themselves."""

from __future__ import annotations

import json

from bot.safe_text import AT
from slack_emulator import Message
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state?"


async def connected(slack: SlackHarness) -> Message:
    """Alice asks in #general; Dev says "I can help"."""
    message = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    [offer] = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer)
    await slack.settle()
    return message


def invitation(slack: SlackHarness, question: Message) -> Message:
    [said] = [
        m
        for m in slack.emu.messages(slack.channel("general"))
        if m.by_bot and m.thread_ts == question.ts and "Want to thank" in m.text
    ]
    return said


async def test_the_invitation_in_the_thread_names_the_helper_without_pinging_them(
    slack: SlackHarness,
) -> None:
    """Dev, the helper, presses Solved: the thread asks Alice whether she wants to thank him,
    naming him, where `<@dev>` notified Dev of a message about thanking him, his own press.
    It says he marked it solved: "Solved!" alone left Alice wondering who had closed her
    question."""
    question = await connected(slack)
    await slack.emu.click_button(slack.user("dev"), "Solved")
    await slack.settle()
    said = invitation(slack, question)
    shown = f"{said.text}\n{json.dumps(said.blocks, ensure_ascii=False)}"
    dev = slack.emu.workspace.user(slack.user("dev"))
    assert f"{AT}{dev.real_name} marked question #" in said.text, shown
    assert "solved. Want to thank them for helping?" in said.text, shown
    assert f"<@{slack.user('dev')}>" not in shown


async def test_the_helper_pressing_give_kudos_is_told_it_is_for_others(
    slack: SlackHarness,
) -> None:
    """Dev presses the invitation's Give kudos: no form to thank himself opens (one he could
    not send), he is told the button is for others to thank him; Bob, who watched, may."""
    question = await connected(slack)
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()
    said = invitation(slack, question)
    dev = slack.emu.workspace.user(slack.user("dev"))
    assert said.text == f"Solved! Want to thank {AT}{dev.real_name} for helping?"  # her own
    await slack.emu.click(slack.user("dev"), "question_thank", message=said)
    await slack.settle()
    assert slack.emu.open_modal(slack.user("dev")) is None
    told = slack.emu.ephemerals(slack.user("dev"))[-1].text
    assert "for others to thank you" in told, told
    await slack.emu.click(slack.user("bob"), "question_thank", message=said)
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("bob"))
    assert modal is not None and slack.user("dev") in str(modal.spec)
