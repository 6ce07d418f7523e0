"""After the ask: accept (one winner), decline, refer, escalation on the clock, solved."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import select

from bot.questions.policy import Limits, RoutingConfig
from slack_emulator import Message
from storage.models import InboxItem, Offer, Question
from tests.slack.harness import SlackHarness

QUESTION = "how do we unlock a stuck terraform state?"


async def ask(slack: SlackHarness) -> Message:
    message = await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    return message


async def rows(slack: SlackHarness) -> tuple[Question, list[Offer]]:
    async with slack.services.sessions() as s:
        question = (await s.scalars(select(Question))).one()
        offers = list((await s.scalars(select(Offer).order_by(Offer.id))).all())
    return question, offers


def offer_dm(slack: SlackHarness, handle: str) -> Message:
    return [m for m in slack.emu.dm_messages(slack.user(handle)) if m.bot_id][-1]


async def suggest(slack: SlackHarness, handle: str, other: str) -> None:
    """`handle` picks `other` in their offer's *Suggest someone* menu."""
    await slack.emu.click(
        slack.user(handle),
        "offer_refer",
        message=offer_dm(slack, handle),
        selected_user=slack.user(other),
    )
    await slack.settle()


async def decline_everyone(slack: SlackHarness) -> None:
    """Everyone asked says "Not me", round after round, until nobody is left to ask."""
    for _ in range(5):
        _question, offers = await rows(slack)
        pending = [o for o in offers if o.status == "pending"]
        if not pending:
            return
        for offer in pending:
            handle = next(h for h, u in slack.users.items() if u == offer.candidate_user_id)
            await slack.emu.click(
                offer.candidate_user_id, "offer_decline", message=offer_dm(slack, handle)
            )
        await slack.settle()


async def test_first_accept_connects_and_closes_the_other_offers(slack: SlackHarness) -> None:
    """Dev accepts: a thread message introduces dev to alice, and Bob's DM now says dev is on it
    (its buttons gone, so it cannot be accepted any more)."""
    message = await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    question, offers = await rows(slack)
    assert (question.status, question.helper_user_id) == ("connected", slack.user("dev"))
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == message.ts]
    assert any(slack.user("dev") in m.text and "can help" in m.text for m in thread)
    bob_dm = offer_dm(slack, "bob")
    assert "is on it" in str(bob_dm.blocks)
    assert "offer_accept" not in str(bob_dm.blocks)
    assert {o.status for o in offers if o.candidate_user_id == slack.user("bob")} == {"superseded"}


async def test_two_experts_clicking_at_once_have_exactly_one_winner(slack: SlackHarness) -> None:
    """Simultaneous "I can help" from two people: the database lets exactly one win."""
    await ask(slack)
    dev_dm, bob_dm = offer_dm(slack, "dev"), offer_dm(slack, "bob")
    await asyncio.gather(
        slack.emu.click(slack.user("dev"), "offer_accept", message=dev_dm),
        slack.emu.click(slack.user("bob"), "offer_accept", message=bob_dm),
    )
    await slack.settle()
    question, offers = await rows(slack)
    accepted = [o for o in offers if o.status == "accepted"]
    assert len(accepted) == 1
    assert question.helper_user_id == accepted[0].candidate_user_id
    connections = [
        m for m in slack.emu.messages(slack.channel("general")) if "can help with your" in m.text
    ]
    assert len(connections) == 1


async def test_declines_then_nobody_left_is_told_honestly(slack: SlackHarness) -> None:
    """Everyone says "Not me": the next people are asked, and when nobody is left the asker
    is told so in the thread."""
    message = await ask(slack)
    await decline_everyone(slack)
    question, offers = await rows(slack)
    assert question.status == "unanswered"
    assert len(offers) >= 3 and all(o.status == "declined" for o in offers)
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == message.ts]
    # They were found and asked: not "I couldn't find anyone available".
    said = thread[-1].text
    assert f"I asked {len(offers)} colleagues about question #{question.id}: " in said, said
    assert f"{len(offers)} passed on it, and there is nobody else I can ask" in said
    # Not `/skills who`, which lists the colleagues who just passed.
    assert "Try asking in a channel about the topic" in said and "/skills who" not in said
    # Its Withdraw button is still in the thread; pressing it says what became of it.
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    closed = f"Question #{question.id} is closed already, without a helper"
    assert f"{closed}: there is nothing to withdraw" in said


async def test_solved_pressed_once_nobody_could_be_found_marks_it_solved(
    slack: SlackHarness,
) -> None:
    """Everyone said "Not me", so the question closed unanswered; its Solved button is still in
    the thread, and the asker who found the answer elsewhere presses it: it is solved, and
    they are told so (the press did nothing and said nothing), on the list they pressed it
    on, with no message of its own in the thread (until the 7 December leftovers' pass,
    "Marked as solved. Glad it worked out!" under it too)."""
    message = await ask(slack)
    await decline_everyone(slack)
    question, _offers = await rows(slack)
    assert question.status == "unanswered"
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()
    question, _offers = await rows(slack)
    assert question.status == "solved"
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == message.ts]
    assert sum("Question #1 is solved." in str(m.blocks) for m in thread) == 1, thread
    assert not any("Marked as solved" in m.text for m in thread), thread


async def test_solved_once_nobody_could_be_found_is_the_askers_alone(
    slack: SlackHarness,
) -> None:
    """The question closed unanswered and its Solved button is in a public thread: Bob, who
    said "Not me", presses it. The question stays unanswered (nobody helped, so only its
    asker may close it), and Bob is told why."""
    await ask(slack)
    await decline_everyone(slack)
    await slack.emu.click_button(slack.user("bob"), "Solved")
    await slack.settle()
    question, _offers = await rows(slack)
    assert question.status == "unanswered"
    said = [e.text for e in slack.emu.ephemerals(slack.user("bob"))]
    said += [m.text for m in slack.emu.dm_messages(slack.user("bob"))]
    assert any("Only the person who asked, or who helped" in text for text in said), said


async def test_solved_pressed_on_a_withdrawn_question_says_so(slack: SlackHarness) -> None:
    """The thread's Solved button after `/ask withdraw` (pressed where the message still shows
    it, before its update arrives): the asker is told what became of the question instead of
    nothing at all."""
    await ask(slack)
    question, _ = await rows(slack)
    slack.emu.faults.add("chat.update", status=429, retry_after=60, times=None)  # updates late
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()
    question, _ = await rows(slack)
    assert question.status == "withdrawn"
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert f"Question #{question.id} is withdrawn already" in said


async def test_suggest_someone_asks_the_referred_colleague(slack: SlackHarness) -> None:
    """Bob picks Carol in "Suggest someone": Carol gets a DM that says Bob suggested her."""
    await ask(slack)
    await suggest(slack, "bob", "carol")
    _question, offers = await rows(slack)
    carol = [o for o in offers if o.candidate_user_id == slack.user("carol")]
    assert carol and carol[0].via_user_id == slack.user("bob") and carol[0].kind == "referral"
    assert f"Why you: suggested by <@{slack.user('bob')}>" in str(offer_dm(slack, "carol").blocks)


async def test_unanswered_offers_escalate_after_thirty_working_minutes(slack: SlackHarness) -> None:
    """Nobody answers: 20 minutes later nothing moves; after 31 working minutes the first
    offers expire and the next candidate is asked."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    await ask(slack)
    _q, first = await rows(slack)
    scheduler = slack.runner.bot.scheduler
    slack.services.clock.advance(timedelta(minutes=20))
    assert await scheduler.run_once("escalate") == 0
    slack.services.clock.advance(timedelta(minutes=11))
    assert await scheduler.run_once("escalate") == 1
    await slack.settle()
    _q, after = await rows(slack)
    assert {o.status for o in after if o.id in {f.id for f in first}} == {"expired"}
    assert [o.candidate_user_id for o in after if o.status == "pending"] == [slack.user("maria")]
    assert "asked someone else" in str(offer_dm(slack, "dev").blocks)


async def only_devs_due(slack: SlackHarness) -> None:
    """Every request but Dev's made as asked now: his alone has run out."""
    async with slack.services.sessions() as s, s.begin():
        for offer in (await s.scalars(select(Offer))).all():
            if offer.candidate_user_id != slack.user("dev"):
                offer.created_at = slack.services.clock.now()  # asked later: not due yet


@pytest.mark.postgres_too
async def test_an_offer_that_runs_out_with_nobody_new_to_ask_says_so(slack: SlackHarness) -> None:
    """Dev's offer runs out while the others' are still waiting and nobody is left to ask:
    his DM no longer says someone else was asked (nobody was)."""
    await ask(slack)
    slack.services.clock.advance(timedelta(minutes=31))
    await only_devs_due(slack)
    assert await slack.runner.bot.scheduler.run_once("escalate") == 1
    await slack.drain()
    said = str(offer_dm(slack, "dev").blocks)
    assert "stopped waiting on you" in said and "asked someone else" not in said


async def test_solved_invites_the_asker_to_give_kudos(slack: SlackHarness) -> None:
    """Helper connected, asker presses Solved: the question is solved, the helper's help is
    recorded, and a "Give kudos" button opens the kudos modal prefilled with the helper."""
    message = await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()
    question, _offers = await rows(slack)
    assert question.status == "solved" and question.resolved_at is not None
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == message.ts]
    assert "Want to thank" in thread[-1].text
    await slack.emu.click_button(slack.user("alice"), "Give kudos")
    await slack.settle()
    modal = slack.emu.open_modal(slack.user("alice"))
    assert modal is not None and slack.user("dev") in str(modal.spec)


async def test_withdrawing_after_someone_said_they_can_help_tells_them(
    slack: SlackHarness,
) -> None:
    """Dev said "I can help"; alice withdraws with `/ask withdraw`: dev gets a DM saying so
    (they may be halfway through an answer), and alice hears that dev was told: as "the
    colleague helping", not "the 1 colleague still waiting or helping"."""
    await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    question, _ = await rows(slack)
    await slack.command("alice", "/ask", f"withdraw {question.id}")
    await slack.drain()
    told = offer_dm(slack, "dev").text
    assert f"<@{slack.user('alice')}> withdrew their question" in told and "no need" in told
    said = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert said == f"Question #{question.id} withdrawn. I've told the colleague helping."


async def test_suggesting_an_app_or_someone_who_left_asks_nobody(slack: SlackHarness) -> None:
    """Nobody synced the directory yet: Bob suggests an app, then someone who left. Slack is
    asked who they are first, so neither gets the question, and Bob hears why."""
    await ask(slack)
    for handle, why in (("helperbot", "is an app"), ("dave", "is no longer in this workspace")):
        await suggest(slack, "bob", handle)
        said = slack.emu.ephemerals(slack.user("bob"))[-1].text
        assert f"<@{slack.user(handle)}> {why}" in said and "right now" not in said, said
    _question, offers = await rows(slack)
    asked = {o.candidate_user_id for o in offers}
    assert slack.user("helperbot") not in asked and slack.user("dave") not in asked


async def test_suggesting_someone_with_enough_requests_waiting_does_not_ask_them(
    slack: SlackHarness,
) -> None:
    """Nobody gets more unanswered requests at once than ASKAROUND_MAX_OPEN_OFFERS (here 1),
    suggested or not: Carol, suggested for Alice's question, is not asked Maria's too when
    Dev suggests her there, and Dev is told why."""
    slack.services.questions.config = RoutingConfig(limits=Limits(max_open_offers=1))
    await ask(slack)
    await suggest(slack, "dev", "carol")
    await slack.post(
        "maria",
        "general",
        f"<@{slack.emu.bot_user_id}> how do we import existing resources into terraform?",
    )
    await slack.settle()
    await suggest(slack, "dev", "carol")
    async with slack.services.sessions() as s:
        offers = (await s.scalars(select(Offer).order_by(Offer.id))).all()
    assert len([o for o in offers if o.candidate_user_id == slack.user("carol")]) == 1
    said = slack.emu.ephemerals(slack.user("dev"))[-1].text
    assert "<@" + slack.user("carol") + ">" in said and "Suggest someone else" in said, said
    # Dev's request for Maria's question is still his to answer.
    devs = [o.status for o in offers if o.candidate_user_id == slack.user("dev")]
    assert devs == ["declined", "pending"]


async def test_suggesting_only_people_already_asked_does_not_leave_it_stuck(
    slack: SlackHarness,
) -> None:
    """The three asked each suggest another of the three: nobody is left waiting, so the
    question moves on as after *Not me* (here: nobody else knows, and alice is told), instead
    of staying open with nobody to answer it."""
    await ask(slack)
    for handle, other in (("bob", "dev"), ("dev", "maria"), ("maria", "bob")):
        await suggest(slack, handle, other)
    await slack.drain()
    question, offers = await rows(slack)
    assert {o.status for o in offers} == {"declined"}
    assert question.status != "open"
    thread = [m.text for m in slack.emu.messages(slack.channel("general")) if m.by_bot]
    closed = "3 passed on it, and there is nobody else I can ask."
    assert any(closed in t for t in thread), thread


async def test_a_private_question_is_not_suggested_to_anyone_else(slack: SlackHarness) -> None:
    """The asker agreed to whom a private question goes: suggesting someone else is refused,
    and they get nothing."""
    await slack.dm_bot("alice", QUESTION)
    await slack.settle()
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    await suggest(slack, "bob", "carol")
    _question, offers = await rows(slack)
    assert slack.user("carol") not in {o.candidate_user_id for o in offers}
    assert "This question is private" in slack.emu.ephemerals(slack.user("bob"))[-1].text


async def test_suggesting_someone_who_opted_out_does_not_ask_them(slack: SlackHarness) -> None:
    """Carol opted out of questions: Bob suggesting her is refused with the reason, she gets
    no offer, and Bob's own offer stays open for him to answer."""
    assert (await slack.command("carol", "/skills", "optout")).ok
    await ask(slack)
    await suggest(slack, "bob", "carol")
    _question, offers = await rows(slack)
    assert slack.user("carol") not in {o.candidate_user_id for o in offers}
    bob = [o for o in offers if o.candidate_user_id == slack.user("bob")]
    assert bob[0].status == "pending"
    assert "isn't taking questions" in slack.emu.ephemerals(slack.user("bob"))[-1].text


async def test_suggesting_someone_already_asked_says_so(slack: SlackHarness) -> None:
    """Bob suggests Dev, who was asked too: Bob's request closes with a note saying Dev has
    already been asked, instead of keeping its buttons with nothing done."""
    await ask(slack)
    await suggest(slack, "bob", "dev")
    assert "already been asked" in str(offer_dm(slack, "bob").blocks)
    assert "offer_accept" not in str(offer_dm(slack, "bob").blocks)


async def test_deleting_the_question_stops_asking_and_drops_its_words(
    slack: SlackHarness,
) -> None:
    """Alice deletes her question: it is withdrawn, each offer's DM says so (its buttons
    gone, the question's words no longer quoted), nobody is asked next when the offers would
    have run out, and its text is blanked."""
    message = await ask(slack)
    deliveries = await slack.emu.delete_message(slack.user("alice"), message)
    await slack.settle()
    assert deliveries and all(d.ok for d in deliveries)
    question, offers = await rows(slack)
    assert (question.status, question.text) == ("withdrawn", "")
    assert offers and "pending" not in {o.status for o in offers}
    for offer in offers:
        dm = [m for m in slack.emu.dm_messages(offer.candidate_user_id) if m.bot_id][-1]
        assert "The question was deleted." in str(dm.blocks)
        assert "offer_accept" not in str(dm.blocks) and "terraform" not in str(dm.blocks)
    slack.advance(timedelta(hours=3))
    assert await slack.runner.bot.scheduler.run_once("escalate") == 0
    await slack.settle()
    assert len((await rows(slack))[1]) == len(offers)


async def test_deleting_a_question_someone_is_helping_with_tells_them(
    slack: SlackHarness,
) -> None:
    """Dev said he could help; Alice deletes the question: Dev hears there is no need to
    follow up, and Bob's DM, closed when Dev accepted, stops quoting the question."""
    message = await ask(slack)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    assert "terraform" in str(offer_dm(slack, "bob").blocks)
    await slack.emu.delete_message(slack.user("alice"), message)
    await slack.settle()
    dev = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    assert any("was deleted, so no need to follow up" in m.text for m in dev)
    assert not any("terraform" in str(m.blocks) for m in dev)
    assert "The question was deleted." in str(offer_dm(slack, "bob").blocks)
    assert "terraform" not in str(offer_dm(slack, "bob").blocks)


async def test_deleting_the_question_takes_the_bots_replies_in_its_thread(
    slack: SlackHarness,
) -> None:
    """Alice deletes her question: the bot's replies under it (who was asked, with a Withdraw
    button for a question nobody can read) go too, so Slack can drop the thread; Bob's reply
    stays, as it is his."""
    message = await ask(slack)
    reply = await slack.post("bob", "general", "I can look at it later", thread_ts=message.ts)
    chat = slack.emu.workspace.chat
    assert any(m.by_bot for m in chat.replies_of(message))
    await slack.emu.delete_message(slack.user("alice"), message)
    await slack.settle()
    assert [m.ts for m in chat.replies_of(message)] == [reply.ts]
    client = AsyncWebClient(token=slack.emu.bot_token, base_url=slack.emu.api_url)
    answer = await client.conversations_replies(channel=message.channel, ts=message.ts)
    assert [m.get("subtype") for m in answer["messages"]] == ["tombstone", None]


async def test_deleting_a_question_asked_in_a_thread_leaves_the_threads_other_replies(
    slack: SlackHarness,
) -> None:
    """Alice asks in reply to Carol's message; deleting her question withdraws it, and the
    bot's replies in Carol's thread, which may be about more than Alice's question, stay."""
    carol = await slack.post("carol", "general", "deploys are frozen until friday")
    asked = await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}", thread_ts=carol.ts
    )
    await slack.settle()
    chat = slack.emu.workspace.chat
    before = [m.ts for m in chat.replies_of(carol) if m.by_bot]
    assert before
    await slack.emu.delete_message(slack.user("alice"), asked)
    await slack.settle()
    assert (await rows(slack))[0].status == "withdrawn"
    assert [m.ts for m in chat.replies_of(carol) if m.by_bot] == before


async def test_deleting_a_question_in_a_private_channel_withdraws_it(slack: SlackHarness) -> None:
    """The bot is in the private #secret, where Alice asks: deleting her message there is
    heard as in a public channel, and its words go."""
    secret = slack.channel("secret")
    slack.here.workspace.join(secret, slack.emu.bot_user_id)
    message = await slack.post("alice", "secret", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    assert (await rows(slack))[0].text
    deliveries = await slack.emu.delete_message(slack.user("alice"), message)
    await slack.settle()
    assert deliveries and all(d.ok for d in deliveries)
    question = (await rows(slack))[0]
    assert (question.status, question.text) == ("withdrawn", "")


async def test_deleting_another_message_changes_no_question(slack: SlackHarness) -> None:
    """A deleted message that was no question (small talk in the same channel) leaves the
    open question as it was, and what it said is not kept, even in the inbox (stored there
    before it was looked at, it is emptied: `kept_messages`)."""
    await ask(slack)
    other = await slack.post("alice", "general", "lunch at the taqueria anyone?")
    await slack.settle()
    before = await inbox(slack)
    await slack.emu.delete_message(slack.user("alice"), other)
    await slack.settle()
    question, _ = await rows(slack)
    assert question.status == "open" and question.text
    after = await inbox(slack)
    assert "taqueria" not in str(after)
    assert [body for body in after if body] == [b for b in before if "taqueria" not in str(b)]


async def inbox(slack: SlackHarness) -> list[dict[str, object]]:
    async with slack.services.sessions() as s:
        return list(await s.scalars(select(InboxItem.body).order_by(InboxItem.id)))


async def test_the_same_question_asked_again_asks_nobody_twice(slack: SlackHarness) -> None:
    """Alice asks again, in a new message with the words in another order, while her
    question is still being asked: she alone is told it is question #1, still being asked (it
    read "is colleagues asked", the list's words), and nobody gets a second DM. Once she
    withdraws it, the same words are a new question."""
    await ask(slack)
    _, offers = await rows(slack)
    dms = {o.candidate_user_id: len(slack.emu.dm_messages(o.candidate_user_id)) for o in offers}
    await slack.post(
        "alice", "general", f"<@{slack.emu.bot_user_id}> stuck terraform state: how do we unlock?"
    )
    await slack.settle()
    told = slack.emu.ephemerals(slack.user("alice"))[-1].text
    assert told.startswith(
        f"You asked this already: question #1 is still being asked.\n> {QUESTION}\n"
        "I haven't asked anyone twice. "
    ), told
    async with slack.services.sessions() as s:
        assert len((await s.scalars(select(Question))).all()) == 1
    assert {u: len(slack.emu.dm_messages(u)) for u in dms} == dms
    await slack.services.questions.withdraw(slack.team_id, 1, slack.user("alice"))
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    async with slack.services.sessions() as s:
        assert len((await s.scalars(select(Question))).all()) == 2


async def ran_out_unseen(slack: SlackHarness) -> None:
    """Dev's request runs out, the others still waiting, while the edit saying so waits on
    Slack (429 for a minute): his DM still shows its buttons."""
    await ask(slack)
    dev_dm = slack.emu.workspace.open_im(slack.user("dev")).id
    slack.emu.faults.add("chat.update", status=429, retry_after=60, channel=dev_dm)
    slack.advance(timedelta(minutes=31))
    await only_devs_due(slack)
    assert await slack.runner.bot.scheduler.run_once("escalate") == 1
    await slack.settle()
    assert "offer_refer" in str(offer_dm(slack, "dev").blocks)  # the run-out not shown yet


@pytest.mark.parametrize("press", ["suggest", "accept", "decline"])
async def test_a_press_as_the_request_runs_out_is_what_the_request_says(
    slack: SlackHarness, press: str
) -> None:
    """Dev suggests Carol, or takes the question on, as his request runs out (its edit not
    shown yet): both count, as they do on a request that ran out, and his request says so,
    where it kept the run-out's "No worries: I've stopped waiting on you" (both wrote the
    request's closing delivery under one key, the first's kept). *Not me* takes only a
    request still waiting: he is told it moved on, and the run-out's note, true, stays."""
    await ran_out_unseen(slack)
    if press == "suggest":
        await suggest(slack, "dev", "carol")
    else:
        action = f"offer_{press}"
        await slack.emu.click(slack.user("dev"), action, message=offer_dm(slack, "dev"))
    await slack.drain()
    said = str(offer_dm(slack, "dev").blocks)
    if press == "decline":
        assert "stopped waiting on you" in said, said
        assert "has moved on" in slack.emu.ephemerals(slack.user("dev"))[-1].text
        return
    assert "No worries" not in said, said
    if press == "suggest":
        assert f"Thanks: I've asked <@{slack.user('carol')}>." in said
        assert "Why you: suggested by" in str(offer_dm(slack, "carol").blocks)
    else:
        assert "You're on it: I've connected you." in said
