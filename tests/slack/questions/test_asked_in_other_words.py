"""Asking again in other words what you are still asking asks nobody twice (README): a
rewording of the asker's own open question (`bot.questions.asking.SAME_QUESTION`), sent as a
mention, `/ask` or a DM, is answered "You asked this already: question #1", and none of the
colleagues asked gets a second DM. Someone else's question in the same words is theirs."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage.models import Question
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state?"
# The same question, a word added and the words moved: 4 of its 5 terms are the first's.
REWORDED = "the terraform state is stuck in staging: how do I unlock it?"


async def questions(slack: SlackHarness) -> int:
    async with slack.services.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(Question)) or 0)


def bot_dms(slack: SlackHarness) -> dict[str, int]:
    """How many messages the bot has sent each person by DM."""
    return {
        handle: len([m for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id])
        for handle in slack.users
    }


async def reword(slack: SlackHarness, handle: str, surface: str) -> None:
    if surface == "mention":
        await slack.post(handle, "general", f"<@{slack.emu.bot_user_id}> {REWORDED}")
    elif surface == "command":
        await slack.command(handle, "/ask", REWORDED)
    else:
        await slack.dm_bot(handle, REWORDED)
    await slack.settle()


def told(slack: SlackHarness, handle: str) -> list[str]:
    """What the bot said to them alone: ephemerals, and its DMs to them."""
    said = [e.text for e in slack.emu.ephemerals(slack.user(handle))]
    return said + [m.text for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id]


@pytest.mark.parametrize("surface", ["mention", "command", "dm"])
async def test_the_question_reworded_asks_nobody_twice(slack: SlackHarness, surface: str) -> None:
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    before = bot_dms(slack)
    assert sum(before.values()) > 0  # colleagues were asked
    await reword(slack, "alice", surface)
    said = [t for t in told(slack, "alice") if "You asked this already" in t]
    assert said == [
        f"You asked this already: question #1 is still being asked.\n> {QUESTION}\n"
        "I haven't asked anyone twice. `/ask mine` lists your questions; withdraw that one "
        "first to ask it afresh."
    ]
    assert await questions(slack) == 1
    others = {h: n for h, n in bot_dms(slack).items() if h != "alice"}
    assert others == {h: n for h, n in before.items() if h != "alice"}


async def test_someone_elses_question_in_other_words_is_theirs(slack: SlackHarness) -> None:
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await reword(slack, "bob", "command")
    assert not [t for t in told(slack, "bob") if "You asked this already" in t]
    assert await questions(slack) == 2
