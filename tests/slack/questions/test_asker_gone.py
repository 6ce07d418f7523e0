"""Someone who asked a question leaves the workspace: nobody goes on being asked it, and the
colleagues asked, or helping, are told why. Before, the question kept moving on to new
colleagues ("@alice has a question you might help with") long after Alice had left."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.questions.policy import RoutingConfig
from handlers.client.directory import sync_directory
from storage.models import Offer, OutboxItem, Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import ask, decline_everyone, offer_dm, rows

GONE = "is no longer in this workspace"
POSTGRES = "how do we tune postgres autovacuum for our biggest tables?"


async def test_a_question_whose_asker_left_is_closed_and_asks_nobody_new(
    slack: SlackHarness,
) -> None:
    """Alice asked two questions: Dev is helping with the first, Bob is asked the second.
    She leaves: both are closed, Dev is told he need not follow up and why, Bob's request
    says why it closed, and two hours on nobody new has been asked."""
    await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {POSTGRES}")
    await slack.settle()
    _questions, before = await all_rows(slack)
    await slack.emu.change_user(slack.user("alice"), deleted=True)
    await slack.settle()
    slack.services.clock.advance(timedelta(hours=2))
    await slack.runner.bot.scheduler.run_once("escalate")
    await slack.drain()
    questions, offers = await all_rows(slack)
    assert [q.status for q in questions] == ["withdrawn", "withdrawn"]
    assert not [o for o in offers if o.status == "pending"]
    assert len(offers) == len(before)  # nobody new
    helper = [m.text for m in slack.emu.dm_messages(slack.user("dev"))]
    assert any(GONE in t and "no need to follow up" in t for t in helper), helper
    assert GONE in str(offer_dm(slack, "bob").blocks), offer_dm(slack, "bob").blocks


async def test_a_leaver_found_by_the_daily_sync_has_their_questions_closed(
    slack: SlackHarness,
) -> None:
    await ask(slack)
    slack.emu.workspace.user(slack.user("alice")).deleted = True  # no event reaches the bot
    await sync_directory(slack.runner.bot.app.client, slack.services, slack.team_id)
    await slack.drain()
    question, offers = await rows(slack)
    assert question.status == "withdrawn"
    assert offers and all(o.status != "pending" for o in offers)


async def all_rows(slack: SlackHarness) -> tuple[list[Question], list[Offer]]:
    async with slack.services.sessions() as s:
        questions = list(await s.scalars(select(Question).order_by(Question.id)))
        offers = list(await s.scalars(select(Offer).order_by(Offer.id)))
    return questions, offers


async def test_a_helper_who_left_hands_the_question_back_to_others(slack: SlackHarness) -> None:
    """Dev was helping Alice, and leaves. Alice is told Dev can't go on helping, the question
    is open again and goes on to Maria, the one not asked yet; `/ask mine` no longer says Dev
    is helping."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    await ask(slack)
    _question, first = await rows(slack)
    assert {o.candidate_user_id for o in first} == {slack.user("dev"), slack.user("bob")}
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await slack.drain()
    question, offers = await rows(slack)
    assert question.status == "open" and question.helper_user_id is None
    pending = [o.candidate_user_id for o in offers if o.status == "pending"]
    assert pending == [slack.user("maria")]
    thread = [m.text for m in slack.emu.messages(slack.channel("general")) if m.thread_ts]
    assert any("Dev Patel" in t and GONE in t for t in thread), thread
    await slack.command("alice", "/ask", "mine")
    await slack.settle()
    assert "is helping" not in slack.emu.ephemerals(slack.user("alice"))[-1].text
    await no_failed_deliveries(slack)


async def test_a_colleague_asked_who_left_is_not_waited_for(slack: SlackHarness) -> None:
    """Dev, Bob and Maria are asked; Dev leaves before answering: his request is withdrawn as
    if he had said "Not me", and the question waits on the other two."""
    await ask(slack)
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await slack.drain()
    question, offers = await rows(slack)
    status = {o.candidate_user_id: o.status for o in offers}
    assert question.status == "open" and status[slack.user("dev")] == "declined"
    assert sorted(u for u, st in status.items() if st == "pending") == sorted(
        [slack.user("bob"), slack.user("maria")]
    )
    await no_failed_deliveries(slack)


async def no_failed_deliveries(slack: SlackHarness) -> None:
    async with slack.services.sessions() as s:
        failed = list(await s.scalars(select(OutboxItem).where(OutboxItem.status == "failed")))
    assert [(f.method, f.last_error) for f in failed] == []


async def test_a_question_closed_after_its_helper_left_counts_everyone_asked(
    slack: SlackHarness,
) -> None:
    """Dev and Bob are asked; Dev takes it on, so Bob's request ends; Dev leaves, Maria is
    asked and passes, and nobody is left. The closing message counted only Dev and Maria ("I
    asked 2 colleagues"): Bob was asked too. He is counted, as stood down when someone else
    took it on."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    asked = await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.emu.change_user(slack.user("dev"), deleted=True)
    await slack.drain()
    await decline_everyone(slack)
    await slack.drain()
    question, offers = await rows(slack)
    assert question.status == "unanswered" and len(offers) == 3, offers
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == asked.ts]
    said = thread[-1].text
    assert (
        f"I asked 3 colleagues about question #{question.id}: 1 passed on it, 1 stood down "
        "when someone else took it on and 1 left the workspace, and there is nobody else I "
        "can ask." in said
    ), said
