"""Help that happened counts, whatever became of the question: a colleague took one on and
its asker then deleted the message. Its words are gone for good; the help is not."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from storage.models import Person
from tests.slack.digests.world import blocks_text
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import QUESTION, ask, offer_dm


async def carols_report(slack: SlackHarness) -> tuple[str, str]:
    """Carol's `/kudos report this week`, and its part on those who took on questions."""
    await slack.command("carol", "/kudos", "report this week")
    await slack.settle()
    said = "\n".join(
        e.text + "\n" + blocks_text(e.blocks) for e in slack.emu.ephemerals(slack.user("carol"))
    )
    return said, said.split("Took on colleagues' questions")[1].split("Unsung helpers")[0]


async def test_help_with_a_question_deleted_afterwards_still_counts(slack: SlackHarness) -> None:
    """Dev took on Alice's question, then Alice deleted it (withdrawn): Dev's manager's report
    still names him among those who took on questions and, unthanked, among the unsung
    helpers, and shows nothing of what was asked."""
    async with slack.services.sessions() as s, s.begin():
        await s.execute(
            update(Person)
            .where(Person.team_id == slack.team_id, Person.user_id == slack.user("dev"))
            .values(manager_user_id=slack.user("carol"))
        )
    message = await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.emu.delete_message(slack.user("alice"), message)
    await slack.settle()

    said, helped = await carols_report(slack)
    assert "Dev Patel: 1 question" in helped
    unsung = said.split("Unsung helpers")[1].split("*No kudos")[0]
    assert "Dev Patel" in unsung
    assert "terraform" not in said and QUESTION not in said


@pytest.mark.postgres_too
async def test_help_of_a_colleague_who_left_while_helping_still_counts(
    slack: SlackHarness,
) -> None:
    """Dev took on Alice's question, then left the workspace while helping: the question is
    open again, without him. His manager's report of that week still names him among those
    who took on questions; it read "Nobody this week.", the release having wiped his help."""
    async with slack.services.sessions() as s, s.begin():
        await s.execute(
            update(Person)
            .where(
                Person.team_id == slack.team_id,
                Person.user_id.in_([slack.user("dev"), slack.user("bob")]),
            )
            .values(manager_user_id=slack.user("carol"))
        )
    await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await slack.settle()

    said, helped = await carols_report(slack)
    assert "Dev Patel: 1 question" in helped, said
