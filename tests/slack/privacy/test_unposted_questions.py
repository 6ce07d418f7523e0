"""A question asked with `/ask` in a public channel is never posted there: the channel shows
nothing of it, and its asker is told, to them alone, that they will hear privately. Its words
were read by its asker and the colleagues asked, nobody else, so they are not the public
channel's (`bot.visibility.seen_as_private`): once solved, someone else asking the same is not
shown them as a question solved before, nor told that its helper "helped with 1 similar
question", nor given their words in "has helped with questions about …". Before, `/ask` in a
public channel was stored, and read later, as a public question: Carol, asking the same in
#general, was shown Alice's words and who helped.

Its asker and helper still read it, as they read a private one; a question asked with a
mention in the same public channel is shown to Carol as before (`test_solved_first.py`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from storage.models import Question
from tests.slack.digests.conftest import PEOPLE, W47_WED
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.privacy.test_after_the_fact import asks_the_same, leaked
from tests.slack.privacy.test_private_questions import with_button
from tests.slack.questions.test_flow import offer_dm
from tests.slack.test_insights import seen, stage

MARKER = "numbatslash"
ASKED = f"how do we unlock a stuck terraform state for the {MARKER} pipeline?"
ASKED_TWICE = (
    "how do I rotate the terraform cloud token for the release pipeline?",
    "how do I import the staging buckets into terraform state?",
)


async def asked_with_slash_in_public(slack: SlackHarness) -> None:
    """Alice `/ask`s in #random (public), Dev takes it on, Alice marks it solved."""
    assert (await slack.command("alice", "/ask", ASKED, "random")).ok
    await slack.settle()
    await slack.emu.click(
        slack.user("dev"), "offer_accept", message=with_button(slack, "dev", "offer_accept")
    )
    await slack.settle()
    await slack.emu.click(
        slack.user("alice"),
        "question_solved",
        message=with_button(slack, "alice", "question_solved"),
    )
    await slack.settle()
    async with slack.services.sessions() as s:
        question = await s.scalar(select(Question).where(Question.text.contains(MARKER)))
    assert question is not None and question.status == "solved"
    assert not question.is_private and question.message_ts is None  # public, never posted
    said = [m for m in slack.emu.messages(slack.channel("random")) if MARKER in str(m)]
    assert said == []  # nobody in #random read it


async def test_an_ask_in_a_public_channel_is_shown_to_nobody_else_once_solved(
    slack: SlackHarness,
) -> None:
    await asked_with_slash_in_public(slack)
    shown = await asks_the_same(slack, "carol")
    assert MARKER not in shown and leaked(shown) == [], shown


async def test_its_asker_and_helper_still_read_it(slack: SlackHarness) -> None:
    await asked_with_slash_in_public(slack)
    assert MARKER in await asks_the_same(slack, "alice")
    assert MARKER in await asks_the_same(slack, "dev")


async def test_help_with_it_names_nobody_in_the_insights(tmp_path: Path) -> None:
    """Carol (Core) `/ask`s twice in #general, and Alice (Platform) takes both on: the
    insights count the help between the teams, as for a private question, and do
    not name Alice a connector for it (`visibility.insights_name_by`): nobody saw her help."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        slack.services.clock.freeze(W47_WED)  # all at work
        await stage(slack)
        for text in ASKED_TWICE:
            assert (await slack.command("carol", "/ask", text, "general")).ok
            await slack.settle()
            alice = slack.user("alice")
            await slack.emu.click(alice, "offer_accept", message=offer_dm(slack, "alice"))
            await slack.settle()
        admin = await seen(slack, "olga")
    assert "Platform → Core: 7" in admin, admin  # five before, and Alice's two
    assert "Alice Martin (" not in admin, admin
