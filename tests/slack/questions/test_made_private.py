"""A channel made private after a question was asked there.

Slack makes a converted channel's history readable by its members only, and tells an app
that does not subscribe to private channels' messages nothing of it. A question asked there
while it was public must then be shown as a private one: its words to its asker and helper
only, never as a solved question to someone outside the channel.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.conversations import PUBLIC_FOR
from storage.models import Question
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
    assert await slack.emu.make_private(channel, by=slack.user("carol")) is None
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
