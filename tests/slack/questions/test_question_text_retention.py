"""ASKAROUND_QUESTION_TEXT_DAYS: a closed question's words are blanked by the hourly job once
they are that old; open questions, and who asked and who helped, stay (issue 13, retention)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import QUESTION, newest_question, solved_by_dev
from tests.slack.test_forgotten_everywhere import a_day_later, everywhere

pytestmark = pytest.mark.postgres_too


async def texts(slack: SlackHarness) -> dict[str, tuple[str, str | None]]:
    async with slack.services.sessions() as s:
        rows = (await s.scalars(select(Question))).all()
        return {q.status: (q.text, q.helper_user_id) for q in rows}


async def test_a_closed_questions_text_is_blanked_after_the_retention_only(
    slack: SlackHarness,
) -> None:
    await solved_by_dev(slack, "carol", "general")
    await slack.dm_bot("bob", "how do we rotate the terraform cloud api token?")
    await slack.settle()
    slack.services.question_text.days = 7
    await slack.runner.bot.scheduler.run_once("question_text")
    assert (await texts(slack))["solved"][0] == QUESTION, "closed today: kept"

    slack.advance(timedelta(days=8))
    await slack.runner.bot.scheduler.run_once("question_text")
    after = await texts(slack)
    assert after["solved"] == ("", slack.user("dev")), "its words go, who helped stays"
    assert "api token" in after["draft"][0], "a question still waiting keeps its words"

    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    assert (await newest_question(slack)).status == "open", "nothing blank is shown first"
    assert not any("solved before" in m.text for m in slack.emu.ephemerals(slack.user("alice")))


async def test_zero_days_keeps_every_text(slack: SlackHarness) -> None:
    await solved_by_dev(slack, "carol", "general")
    assert slack.services.question_text.days == 0, "the default keeps question text"
    slack.advance(timedelta(days=3650))
    await slack.runner.bot.scheduler.run_once("question_text")
    assert (await texts(slack))["solved"][0] == QUESTION


async def test_a_blanked_private_question_is_in_no_table(slack: SlackHarness) -> None:
    """Carol asks in her DM with the bot, Dev helps, it is solved; once the retention blanked
    it and the inbox let go of the requests (a day), no row of any table holds its words:
    the outbox's deliveries carry ids, rendered when sent, never the question."""
    word = "glomquat"
    await solved_by_dev(
        slack, "carol", None, f"how do we unlock a stuck terraform state in {word}?"
    )
    await slack.drain()
    assert await everywhere(slack, (word,))
    slack.services.question_text.days = 7
    slack.advance(timedelta(days=8))
    await slack.runner.bot.scheduler.run_once("question_text")
    await a_day_later(slack)
    assert await everywhere(slack, (word,)) == []
