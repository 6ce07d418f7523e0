"""A reply in the thread of any message the bot posted at the top of someone's DM with it:
the prompt about their DM question, a manager's weekly digest, the giver's kudos
confirmation, the monthly insights. Slack sends it as a `message.im` with the
parent's `thread_ts` and `parent_user_id`, neither its words nor its metadata (the message
metadata docs and the message event's fields), so the bot records what each such message is
as it posts it (`bot/bot_dms.py`). Before, each of these replies was asked of colleagues as a
new question: under the consent prompt it became question #2 while #1 waited for consent.
A question under the bot's greeting is still asked (`test_where_asked`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from slack_emulator import Message
from storage.models import Question
from tests.slack.digests.conftest import MONDAY_W48, PEOPLE, company_in_process
from tests.slack.digests.world import digests, run_digests
from tests.slack.harness import SlackHarness, bot_in_process
from tests.slack.kudos.world import configure, global_modal, submit_modal
from tests.slack.questions.test_solved_first import QUESTION
from tests.slack.questions.test_thread_replies import in_thread, stored
from tests.slack.test_insights import stage

NOBODY_READS = "Nobody reads replies to this message."


async def reply_under(slack: SlackHarness, handle: str, parent: Message, text: str) -> None:
    """`handle` types `text` in the thread of the bot's DM `parent`; Slack sends the event
    again and they edit it: each of those is told nothing more."""
    person = slack.user(handle)
    dm = slack.emu.workspace.open_im(person).id
    reply, deliveries = await slack.here.post_message(person, dm, text, thread_ts=parent.ts)
    (event,) = (d.payload["event"] for d in deliveries)
    assert (event["thread_ts"], event["parent_user_id"]) == (parent.ts, slack.emu.bot_user_id)
    await slack.settle()
    for delivery in deliveries:
        await slack.emu.redeliver(delivery)
    await slack.here.edit_message(person, reply, f"{text}, really")
    await slack.drain()


async def questions_of(slack: SlackHarness, handle: str) -> list[str]:
    asker = slack.user(handle)
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(Question.text).where(Question.asker_user_id == asker)))


@pytest.mark.postgres_too
async def test_a_reply_under_the_consent_prompt_is_no_second_question(
    slack: SlackHarness,
) -> None:
    """Carol asks in the DM; under the bot's "Ask colleagues privately?" she adds what she
    forgot. It is no question #2: she is told once, there, to answer the prompt's buttons or
    edit her question, and her one question is asked when she agrees."""
    carol = slack.user("carol")
    dm = slack.emu.workspace.open_im(carol).id
    await slack.here.post_message(carol, dm, QUESTION)
    await slack.settle()
    prompt = [m for m in slack.emu.dm_messages(carol) if m.by_bot][-1]
    assert "Ask colleagues privately?" in prompt.text
    await reply_under(slack, "carol", prompt, "it only happens on staging")
    assert await questions_of(slack, "carol") == [QUESTION]
    (told,) = in_thread(slack, "carol", prompt.ts)
    assert "use its buttons" in told and "edit your question's message" in told
    await slack.emu.click(carol, "question_consent", message=prompt)
    await slack.drain()
    _, offers = await stored(slack)
    assert offers > 0 and await questions_of(slack, "carol") == [QUESTION]


async def test_a_reply_under_the_weekly_digest_is_no_question(tmp_path: Path) -> None:
    """Maria answers her weekly digest in its thread: nobody reads that, and she is told so,
    rather than her words going to colleagues as her question."""
    async with company_in_process(tmp_path) as company:
        company.services.clock.freeze(MONDAY_W48 + timedelta(hours=8, minutes=1))
        await run_digests(company)
        [digest] = digests(company, "maria")
        await reply_under(company, "maria", digest, "can we get the quiet list per team?")
        assert await questions_of(company, "maria") == []
        (told,) = in_thread(company, "maria", digest.ts)
        assert told.startswith(NOBODY_READS)


@pytest.mark.postgres_too
async def test_a_reply_under_the_givers_kudos_confirmation_is_no_question(
    slack: SlackHarness,
) -> None:
    """Alice gives kudos from the global shortcut, whose confirmation comes as a DM; what
    she types under it is told once that nobody reads it, and asks nobody."""
    await configure(slack, kudos_channel_id=slack.channel("random"))
    modal = await global_modal(slack, "alice")
    await submit_modal(slack, "alice", modal, recipients=["bob"], reason="reviewing the plan")
    await slack.settle()
    [confirmation] = [m for m in slack.emu.dm_messages(slack.user("alice")) if m.by_bot]
    await reply_under(slack, "alice", confirmation, "how do I give kudos to a whole team?")
    assert await questions_of(slack, "alice") == []
    (told,) = in_thread(slack, "alice", confirmation.ts)
    assert told.startswith(NOBODY_READS)


async def test_a_reply_under_the_monthly_insights_is_no_question(tmp_path: Path) -> None:
    """Dev, an admin, replies under November's insights: no question of his is made
    of it, and he is told there that nobody reads it."""
    async with bot_in_process(tmp_path, people=PEOPLE) as slack:
        await stage(slack)
        slack.services.clock.freeze(datetime(2026, 12, 1, 10, tzinfo=UTC))
        await slack.runner.bot.scheduler.run_once("insights")
        await slack.drain()
        [insights] = [
            m for m in slack.emu.dm_messages(slack.user("dev")) if "Insights for" in m.text
        ]
        await reply_under(slack, "dev", insights, "why is terraform a knowledge risk here?")
        assert await questions_of(slack, "dev") == []
        (told,) = in_thread(slack, "dev", insights.ts)
        assert told.startswith(NOBODY_READS)


@pytest.mark.postgres_too
async def test_a_reply_under_the_askers_list_in_the_dm_is_no_question(slack: SlackHarness) -> None:
    """Carol asks with `/ask` in #general, and the bot's DM tells her whom it asks (a
    delivery with no answer of its own for a reply: any outbox kind is recorded). What she
    types under it is no second question."""
    await slack.command("carol", "/ask", QUESTION)
    await slack.drain()
    carol = slack.user("carol")
    [listed] = [
        m
        for m in slack.emu.dm_messages(carol)
        if m.by_bot and m.thread_ts in (None, m.ts) and "asking" in m.text
    ]
    await reply_under(slack, "carol", listed, "can you also ask someone from the infra team?")
    assert await questions_of(slack, "carol") == [QUESTION]
    (told,) = in_thread(slack, "carol", listed.ts)
    assert told.startswith(NOBODY_READS)
