"""Leftovers of the asker's walk-through: `/ask withdraw` with one question open, *Solved*
with nobody helping, and every colleague passing (docs/testing-log.md, "The asker's and expert's
leftovers")."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import ask, decline_everyone

QUESTION = "how do we unlock a stuck terraform state?"
OTHER = "how do we rotate the postgres credentials?"


async def statuses(slack: SlackHarness) -> dict[int, str]:
    async with slack.services.sessions() as s:
        return {q.id: q.status for q in (await s.scalars(select(Question))).all()}


async def told(slack: SlackHarness, text: str) -> str:
    await slack.command("alice", "/ask", text)
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("alice"))[-1]
    return f"{said.text} {said.blocks}"


async def test_withdraw_with_one_question_open_withdraws_it(slack: SlackHarness) -> None:
    """Alice has one question open and types `/ask withdraw`: she was asked for its number,
    which there was only one of. It is withdrawn, and the reply says which."""
    await told(slack, QUESTION)
    [number] = await statuses(slack)
    said = await told(slack, "withdraw")
    assert said.startswith(f"Question #{number} withdrawn"), said
    assert QUESTION in said, said
    assert await statuses(slack) == {number: "withdrawn"}


async def test_withdraw_with_several_open_lists_them(slack: SlackHarness) -> None:
    """With two open, `/ask withdraw` still asks which, and lists both, each with its own
    *Withdraw*, rather than sending her to `/ask mine` for them; none is withdrawn."""
    await told(slack, QUESTION)
    await told(slack, OTHER)
    newest = max(await statuses(slack))
    said = await told(slack, "withdraw")
    assert "Say which question" in said and f"`/ask withdraw {newest}`" in said, said
    assert QUESTION in said and OTHER in said, said
    assert said.count("'Withdraw'") == 2, said
    assert set((await statuses(slack)).values()) == {"open"}


async def test_solved_with_nobody_helping_says_it_once_in_the_thread(
    slack: SlackHarness,
) -> None:
    """Alice found the answer herself and pressed *Solved* on her list in #general's thread:
    the list said "Question #1 is solved.", and a message of its own under it "Marked as
    solved. Glad it worked out!", one more line in a public thread. The list says it alone."""
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()
    said = [f"{m.text} {m.blocks}" for m in slack.emu.messages(slack.channel("general"))]
    assert sum("is solved." in s for s in said) == 1, said
    assert not any("Glad it worked out" in s for s in said), said
    assert not any(
        "Glad it worked out" in e.text for e in slack.emu.ephemerals(slack.user("alice"))
    )
    assert set((await statuses(slack)).values()) == {"solved"}


async def test_everyone_passing_points_somewhere_else_than_them(slack: SlackHarness) -> None:
    """Bob, Dev and Maria each pressed *Not me*: Alice read "`/skills who` followed by the
    topic lists who declared it", which lists Bob, Dev and Maria. She is pointed to a channel
    about the topic, not back to the colleagues who just passed."""
    await ask(slack)
    await decline_everyone(slack)
    [ended] = [
        f"{m.text} {m.blocks}"
        for m in slack.emu.messages(slack.channel("general"))
        if "passed on it" in m.text
    ]
    assert "/skills who" not in ended, ended
    assert "Try asking in a channel about the topic" in ended, ended
