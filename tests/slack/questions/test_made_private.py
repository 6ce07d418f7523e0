"""A channel made private after a question was asked there.

Slack makes a converted channel's history readable by its members only, and tells an app
that does not subscribe to private channels' messages nothing of it. A question asked there
while it was public must then be shown as a private one: its words to its asker and helper
only, never as a solved question to someone outside the channel.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.conversations import PUBLIC_FOR
from bot.questions.policy import RoutingConfig
from storage.models import InboxItem, Kudos, Offer, Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_solved_first import QUESTION, solved_by_dev

MARKER = "quokkalaunch"
ASKED = f"{QUESTION} for the {MARKER} rollout"


def launch(slack: SlackHarness) -> str:
    """#launch: public for now, with carol, dev and the bot in it."""
    members = [slack.user(h) for h in ("carol", "dev")] + [slack.emu.bot_user_id]
    channel = slack.here.workspace.add_channel("launch", members=members)
    slack.channels["launch"] = channel.id
    return channel.id


def shown_to(slack: SlackHarness, handle: str) -> str:
    return "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(slack.user(handle)))


async def test_a_solved_question_from_a_channel_made_private_is_not_shown_outside(
    slack: SlackHarness,
) -> None:
    """Carol's question in #launch was solved by Dev; #launch is then made private. Alice, not
    in it, asking the same is not shown Carol's words; Carol herself still is."""
    channel = launch(slack)
    await solved_by_dev(slack, "carol", "launch", ASKED)
    await slack.make_private_unheard(channel, by=slack.user("carol"))
    slack.advance(PUBLIC_FOR * 2)
    bot = f"<@{slack.emu.bot_user_id}>"
    await slack.post("alice", "general", f"{bot} {ASKED}")
    await slack.settle()
    assert "solved before" not in shown_to(slack, "alice")
    assert f"solved with <@{slack.user('dev')}>" not in shown_to(slack, "alice")
    async with slack.services.sessions() as s:
        first = await s.scalar(select(Question).order_by(Question.id).limit(1))
    assert first is not None and first.is_private
    await slack.post("carol", "general", f"{bot} {ASKED}")
    await slack.settle()
    assert "solved before" in shown_to(slack, "carol")


async def test_a_channel_made_private_makes_its_questions_and_kudos_private_at_once(
    slack: SlackHarness,
) -> None:
    """The bot is in #launch when it is made private: Slack's notice in the channel makes
    Carol's solved question and Dev's shout-out there private at once, before anyone asks
    Slack about the channel again, and nothing else said there is kept."""
    channel = launch(slack)
    await solved_by_dev(slack, "carol", "launch", ASKED)
    await slack.command(
        "carol", "/kudos", f"<@{slack.user('dev')}> for the {MARKER} fix", channel="launch"
    )
    await slack.settle()
    delivery = await slack.emu.make_private(channel, by=slack.user("carol"))
    assert delivery is not None and delivery.ok
    await slack.settle()
    async with slack.services.sessions() as s:
        questions = list(await s.scalars(select(Question)))
        kudos = list(await s.scalars(select(Kudos)))
    assert questions and all(q.is_private for q in questions)
    assert kudos and all(k.is_private for k in kudos)
    await slack.post("alice", "general", f"<@{slack.emu.bot_user_id}> {ASKED}")
    await slack.settle()
    assert "solved before" not in shown_to(slack, "alice")


async def test_what_is_said_in_a_private_channel_is_not_kept(slack: SlackHarness) -> None:
    """With the bot in a private channel, Slack sends it every message there: none is kept
    (not even in the inbox of requests), unless it asks the bot something."""
    channel = launch(slack)
    await slack.make_private_unheard(channel, by=slack.user("carol"))
    async with slack.services.sessions() as s:
        before = list(await s.scalars(select(InboxItem)))
    deliveries = [
        d
        for _, sent in [
            await slack.emu.post_message(slack.user("dev"), channel, f"the {MARKER} plan, secret")
        ]
        for d in sent
    ]
    assert deliveries and all(d.ok for d in deliveries)
    await slack.settle()
    async with slack.services.sessions() as s:
        after = list(await s.scalars(select(InboxItem)))
    assert len(after) == len(before)
    assert not any(MARKER in str(item.__dict__) for item in after)


async def test_nobody_is_pointed_to_a_channel_made_private_since(slack: SlackHarness) -> None:
    """Only Bob declared Kafka, and he opted out. Carol asked about kafka in #launch while it
    was public; #launch is then made private, the app none the wiser. Alice, not in it, whom
    nobody can help, is not pointed to #launch: it is its members' now. The questions asked
    there are private from then on."""
    bot = f"<@{slack.emu.bot_user_id}>"
    assert (await slack.command("bob", "/skills", "add kafka:3")).ok
    assert (await slack.command("bob", "/skills", "optout")).ok
    await slack.settle()
    slack.services.indexes.invalidate(slack.team_id)
    channel = launch(slack)
    await slack.post("carol", "launch", f"{bot} how do we reset the kafka offsets?")
    await slack.settle()
    await slack.make_private_unheard(channel, by=slack.user("carol"))
    slack.advance(PUBLIC_FOR * 2)
    since = len(slack.emu.messages())
    await slack.post("alice", "general", f"{bot} how do we reset the kafka consumer offsets?")
    await slack.settle()
    told = "\n".join(m.text for m in slack.emu.messages()[since:] if m.bot_id)
    assert "couldn't find anyone" in told and channel not in told, told
    async with slack.services.sessions() as s:
        first = await s.scalar(select(Question).order_by(Question.id).limit(1))
    assert first is not None and first.is_private


async def test_nobody_outside_is_suggested_a_question_from_a_channel_made_private_since(
    slack: SlackHarness,
) -> None:
    """Carol asked in #launch while it was public, and Dev was asked. #launch is then made
    private, the app none the wiser. Dev picks Alice, not in #launch, in *Suggest someone*:
    as for any private question, only the colleagues the asker agreed to are asked, so Dev
    is told to tell Carol instead, and Alice gets no request quoting Carol's words."""
    channel = launch(slack)
    await slack.post("carol", "launch", f"<@{slack.emu.bot_user_id}> {ASKED}")
    await slack.settle()
    dev_dm = [m for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id][-1]
    await slack.make_private_unheard(channel, by=slack.user("carol"))
    slack.advance(PUBLIC_FOR * 2)
    await slack.emu.click(
        slack.user("dev"), "offer_refer", message=dev_dm, selected_user=slack.user("alice")
    )
    await slack.settle()
    to_alice = [f"{m.text}{m.blocks}" for m in slack.emu.dm_messages(slack.user("alice"))]
    assert not [text for text in to_alice if MARKER in text]
    assert "This question is private" in shown_to(slack, "dev")


async def test_nobody_new_is_asked_a_question_from_a_channel_made_private_since(
    slack: SlackHarness,
) -> None:
    """Carol asked in #launch while it was public, and one colleague was asked. #launch is then
    made private, the app none the wiser, and that request runs out: as for *Suggest
    someone*, the question goes to nobody Carol did not agree to, so nobody new gets a
    request quoting her words (before, the next colleague did)."""
    channel, first = await _asked_of_one(slack)
    await slack.make_private_unheard(channel, by=slack.user("carol"))
    slack.advance(PUBLIC_FOR * 2)
    slack.services.clock.advance(timedelta(minutes=31))
    assert await slack.runner.bot.scheduler.run_once("escalate") == 1
    await slack.drain()
    await _nobody_new_quoted(slack, first)
    async with slack.services.sessions() as s:
        question = await s.scalar(select(Question))
    assert question is not None and question.is_private


async def _asked_of_one(slack: SlackHarness) -> tuple[str, str]:
    """Carol asks in #launch, public, and one colleague is asked: #launch, and the colleague."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    channel = launch(slack)
    await slack.post("carol", "launch", f"<@{slack.emu.bot_user_id}> {ASKED}")
    await slack.settle()
    async with slack.services.sessions() as s:
        [first] = (await s.scalars(select(Offer.candidate_user_id))).all()
    return channel, first


async def _asked_one_then_heard_made_private(slack: SlackHarness) -> tuple[str, str]:
    """`_asked_of_one`, then #launch is made private with the bot in it, so the app is told
    (Slack's notice in the channel)."""
    channel, first = await _asked_of_one(slack)
    delivery = await slack.emu.make_private(channel, by=slack.user("carol"))
    assert delivery is not None and delivery.ok
    await slack.settle()
    return channel, first


async def _nobody_new_quoted(slack: SlackHarness, first: str) -> None:
    async with slack.services.sessions() as s:
        assert (await s.scalars(select(Offer.candidate_user_id))).all() == [first]
    for user in set(slack.users.values()) - {first, slack.user("carol")}:
        quoted = [f"{m.text}{m.blocks}" for m in slack.emu.dm_messages(user) if m.bot_id]
        assert not [text for text in quoted if MARKER in text], user


async def test_nobody_new_is_asked_a_question_from_a_channel_the_app_was_told_went_private(
    slack: SlackHarness,
) -> None:
    """As when the app is not told: Carol's question, asked in #launch while public, is stored
    as private once Slack says #launch went private; its request running out, nobody new gets
    one quoting her words (before, stored as private it read as asked in private, with her
    consent, and the next colleague was asked), and Carol is told why nobody else is."""
    _channel, first = await _asked_one_then_heard_made_private(slack)
    slack.services.clock.advance(timedelta(minutes=31))
    assert await slack.runner.bot.scheduler.run_once("escalate") == 1
    await slack.drain()
    await _nobody_new_quoted(slack, first)
    to_carol = "\n".join(
        f"{m.text}{m.blocks}" for m in slack.emu.dm_messages(slack.user("carol")) if m.bot_id
    )
    assert "private or shared with another organisation now" in to_carol, to_carol


async def test_not_me_on_a_question_from_a_channel_made_private_asks_nobody_new(
    slack: SlackHarness,
) -> None:
    """The colleague asked about Carol's question presses *Not me* once #launch went private:
    nobody new gets a request quoting her words (before, the next colleague did)."""
    _channel, first = await _asked_one_then_heard_made_private(slack)
    request = [m for m in slack.emu.dm_messages(first) if m.bot_id][-1]
    await slack.emu.click(first, "offer_decline", message=request)
    await slack.settle()
    await _nobody_new_quoted(slack, first)


async def test_not_me_on_a_question_from_a_channel_made_private_unheard_asks_nobody_new(
    slack: SlackHarness,
) -> None:
    """The same where the app is not told: *Not me* looks at the channel first, as *Suggest
    someone* does, and asks nobody new."""
    channel, first = await _asked_of_one(slack)
    await slack.make_private_unheard(channel, by=slack.user("carol"))
    slack.advance(PUBLIC_FOR * 2)
    request = [m for m in slack.emu.dm_messages(first) if m.bot_id][-1]
    await slack.emu.click(first, "offer_decline", message=request)
    await slack.settle()
    await _nobody_new_quoted(slack, first)


async def test_a_question_made_private_that_slack_never_delivered_says_why_nobody_else_is_asked(
    slack: SlackHarness,
) -> None:
    """Slack fails every DM to Carol's colleagues, and #launch is made private while her
    request is retried: once it is given up nobody got it, and nobody else will be asked, as
    when the colleague asked passed on it. Carol is told both, not only to ask again once
    Slack is well."""
    slack.services.questions.config = RoutingConfig(offers_per_round=1)
    for handle, user in slack.users.items():
        if handle != "carol":
            im = slack.emu.workspace.open_im(user).id
            slack.emu.faults.add("chat.postMessage", status=503, times=None, channel=im)
    channel = launch(slack)
    await slack.post("carol", "launch", f"<@{slack.emu.bot_user_id}> {ASKED}")
    await slack.settle()
    delivery = await slack.emu.make_private(channel, by=slack.user("carol"))
    assert delivery is not None and delivery.ok
    await slack.drain()  # through every retry's backoff, until the outbox gives it up
    thread = [m for m in slack.emu.messages(channel) if m.bot_id]
    mine = [m for m in slack.emu.dm_messages(slack.user("carol")) if m.bot_id]
    said = " | ".join(f"{m.text} {m.blocks}" for m in thread + mine)
    assert "so nobody got it" in said, said
    assert "I'll ask nobody else: this conversation is private or shared with another" in said
