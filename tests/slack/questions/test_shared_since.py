"""A public channel shared with another organisation (Slack Connect) after a question was
asked there. Slack tells an app in the channel only `channel_shared` (and one not in it,
nothing), so before the asker is told anything more, the channel is looked at as it is now:
from then on who is asked, and why, who took it on and that it was solved reach the asker
alone, in their DM, as for a question asked in a shared channel
(`bot.visibility.asker_told_in_thread`). Before, the thread, which the other organisation
reads, was told "I've also asked @Maria Lopez" and "@Maria Lopez: declared Terraform, level
2"."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.questions.policy import RoutingConfig
from storage.models import Question
from tests.slack.connect import OTHER_ORG
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import offer_dm, rows

QUESTION = "how do we unlock a stuck terraform state?"


def named(slack: SlackHarness, user_id: str) -> str:
    return slack.emu.workspace.user(user_id).real_name


def bot_posts(slack: SlackHarness, channel_id: str) -> str:
    """Everything the bot's messages in the channel say now, edits included."""
    return "\n".join(m.text + str(m.blocks) for m in slack.emu.messages(channel_id) if m.bot_id)


def told_alice(slack: SlackHarness) -> str:
    dms = slack.emu.dm_messages(slack.user("alice"))
    return "\n".join(m.text + str(m.blocks) for m in dms if m.bot_id)


async def test_nobody_new_is_asked_once_the_channel_is_shared(
    slack: SlackHarness,
) -> None:
    """Alice asks in #launch, public: the thread names Dev and Bob, asked first. #launch is
    then shared with another organisation. Their requests run out: the question is private
    now and Alice agreed to nobody, so Maria is not asked (before, she was, and got its
    words), the thread names nobody any more, and Alice is told in her DM."""
    slack.services.questions.config = RoutingConfig(offers_per_round=2)
    people = [slack.user(h) for h in ("alice", "bob", "dev", "maria")]
    launch = slack.here.workspace.add_channel("launch", members=people)
    slack.channels["launch"] = launch.id
    await slack.post("alice", "launch", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    _q, first = await rows(slack)
    assert first and named(slack, first[0].candidate_user_id) in bot_posts(slack, launch.id)
    launch.is_ext_shared = True  # Slack Connect: the other organisation reads it from now on
    guest = slack.here.workspace.add_user("partner").id
    slack.here.workspace.guests[guest] = OTHER_ORG
    launch.members.append(guest)
    slack.advance(timedelta(minutes=31))
    told_before = told_alice(slack)
    assert await slack.runner.bot.scheduler.run_once("escalate") == 1
    await slack.settle()
    question, after = await rows(slack)
    assert question.is_private and question.status == "unanswered"
    assert {o.candidate_user_id for o in after} == {o.candidate_user_id for o in first}
    assert slack.user("maria") not in {o.candidate_user_id for o in after}
    in_thread = bot_posts(slack, launch.id)
    for offer in after:
        assert named(slack, offer.candidate_user_id) not in in_thread
    assert "Terraform" not in in_thread
    assert told_alice(slack) != told_before


async def test_how_it_ended_is_not_posted_once_the_channel_is_shared(slack: SlackHarness) -> None:
    """Dev took Alice's question on in #launch's thread while it was public; #launch is then
    shared with another organisation, and Alice marks the question solved: the thread is
    not told it is (she is, in her DM), nor whom she had asked."""
    people = [slack.user(h) for h in ("alice", "bob", "dev", "maria")]
    launch = slack.here.workspace.add_channel("launch", members=people)
    slack.channels["launch"] = launch.id
    await slack.post("alice", "launch", f"<@{slack.emu.bot_user_id}> {QUESTION}")
    await slack.settle()
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.settle()
    assert "can help with your question" in bot_posts(slack, launch.id)
    launch.is_ext_shared = True
    slack.advance(timedelta(minutes=2))
    await slack.emu.click_button(slack.user("alice"), "Solved")
    await slack.settle()
    async with slack.services.sessions() as s:
        question = (await s.scalars(select(Question))).one()
    assert question.status == "solved"
    in_thread = bot_posts(slack, launch.id)
    assert "is solved" not in in_thread and named(slack, slack.user("bob")) not in in_thread
    assert "is solved" in told_alice(slack)
