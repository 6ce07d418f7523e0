"""A reply in a thread of the DM with the bot, under its request to help or its news of
kudos received: Slack sends a `message.im` with `thread_ts` (not its own `ts`) and
`parent_user_id`, the author of the message replied to (docs.slack.dev @slack/types
GenericMessageEvent; the docs' message_replied page tells a reply by `thread_ts` ≠ `ts`). It
answers that message and is no question: before, an expert's answer typed under the request,
or thanks typed under the kudos, were put to colleagues as the person's own question. A
question typed under the bot's greeting is still one (`test_where_asked`)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Offer, Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import offer_dm
from tests.slack.questions.test_solved_first import QUESTION

ANSWER = "I know this one well, it is the dynamodb lock table holding it"


async def stored(slack: SlackHarness) -> tuple[list[tuple[str, str]], int]:
    """(asker, words) of every question, and how many offers were made."""
    async with slack.services.sessions() as s:
        asked = [(q.asker_user_id, q.text) for q in await s.scalars(select(Question))]
        offers = len(list(await s.scalars(select(Offer))))
    return asked, offers


def in_thread(slack: SlackHarness, handle: str, thread_ts: str) -> list[str]:
    """What the bot said to this person in that thread of their DM with it."""
    return [
        m.text
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.bot_id and m.thread_ts == thread_ts
    ]


@pytest.mark.postgres_too
async def test_an_answer_typed_under_an_offer_is_no_question(slack: SlackHarness) -> None:
    """Carol asks; Dev replies in the thread of his offer DM with what he knows. Carol's is
    still the one question, nobody else is asked anything, and Dev is told there, once
    (Slack's retry and his edit add nothing), how to take the question on."""
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    before = await stored(slack)
    offer = offer_dm(slack, "dev")
    dm = slack.emu.workspace.open_im(slack.user("dev")).id
    reply, deliveries = await slack.here.post_message(
        slack.user("dev"), dm, ANSWER, thread_ts=offer.ts
    )
    (event,) = (d.payload["event"] for d in deliveries)
    assert (event["thread_ts"], event["parent_user_id"]) == (offer.ts, slack.emu.bot_user_id)
    await slack.settle()
    for delivery in deliveries:
        await slack.emu.redeliver(delivery)
    await slack.here.edit_message(slack.user("dev"), reply, f"{ANSWER}, in prod")
    await slack.settle()
    assert await stored(slack) == before
    (told,) = in_thread(slack, "dev", offer.ts)
    assert "*I can help*" in told


@pytest.mark.postgres_too
async def test_a_reply_under_kudos_received_is_no_question(slack: SlackHarness) -> None:
    """Bob answers Alice's kudos in the thread of the DM that told him of it ("that was a team
    effort…"): no question is made of it (before, his words were asked of colleagues), and he
    is told there, once, that nobody reads it and how to thank back."""
    await slack.command("alice", "/kudos", "@bob for untangling the release pipeline #teamwork")
    await slack.drain()
    bob = slack.user("bob")
    (told,) = [m for m in slack.emu.dm_messages(bob) if m.bot_id and "gave you kudos" in m.text]
    dm = slack.emu.workspace.open_im(bob).id
    thanks = "Aw, that was really a team effort with Maria and Dev"
    reply, deliveries = await slack.here.post_message(bob, dm, thanks, thread_ts=told.ts)
    await slack.settle()
    for delivery in deliveries:
        await slack.emu.redeliver(delivery)
    await slack.here.edit_message(bob, reply, f"{thanks}, all of us")
    await slack.settle()
    assert await stored(slack) == ([], 0)
    (answer,) = in_thread(slack, "bob", told.ts)
    assert "`/kudos @name" in answer


@pytest.mark.postgres_too
async def test_a_reply_under_an_offer_deleted_keeps_nothing(slack: SlackHarness) -> None:
    """Dev deletes what he typed under his offer (a `message_deleted` whose
    `previous_message` has the `thread_ts` and `parent_user_id`): it was never a question on
    its way, so nothing is kept of it (before, an empty unasked question of his was stored)."""
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("carol", "general", f"{bot} {QUESTION}")
    await slack.settle()
    before = await stored(slack)
    dm = slack.emu.workspace.open_im(slack.user("dev")).id
    reply, _ = await slack.here.post_message(
        slack.user("dev"), dm, ANSWER, thread_ts=offer_dm(slack, "dev").ts
    )
    await slack.settle()
    await slack.here.delete_message(slack.user("dev"), reply)
    await slack.settle()
    assert await stored(slack) == before


@pytest.mark.postgres_too
@pytest.mark.parametrize("broadcast", [False, True])
async def test_more_words_in_the_thread_of_a_dm_question_ask_nothing_new(
    slack: SlackHarness, broadcast: bool
) -> None:
    """Carol asks in the DM and agrees to ask colleagues; the bot tells her who it asks in
    her question's thread, and she adds there what she forgot (`parent_user_id` her own; or,
    also sent to the conversation, a `thread_broadcast` naming only its `root`). That is no
    second question (before, it was one, to be agreed to and asked in turn): she is told once,
    in the thread, how to change her question."""
    carol = slack.user("carol")
    dm = slack.emu.workspace.open_im(carol).id
    asked, _ = await slack.here.post_message(carol, dm, QUESTION)
    await slack.settle()
    consent = [m for m in slack.emu.dm_messages(carol) if m.bot_id][-1]
    await slack.emu.click(carol, "question_consent", message=consent)
    await slack.drain()
    before = await stored(slack)
    told_before = in_thread(slack, "carol", asked.ts)
    more = "it only happens on staging since yesterday's upgrade"
    reply, deliveries = await slack.here.post_message(
        carol, dm, more, thread_ts=asked.ts, broadcast=broadcast
    )
    (event,) = (d.payload["event"] for d in deliveries)
    assert event.get("parent_user_id", event.get("root", {}).get("user")) == carol
    await slack.settle()
    for delivery in deliveries:
        await slack.emu.redeliver(delivery)
    await slack.here.edit_message(carol, reply, f"{more} to 1.6")
    await slack.settle()
    assert await stored(slack) == before
    (answer,) = in_thread(slack, "carol", asked.ts)[len(told_before) :]
    assert "edit your question's message" in answer
