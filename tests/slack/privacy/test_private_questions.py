"""Questions asked in every kind of private place, each with its own marker word, helped with
by Dev and solved; then Carol, who was in none of those places and helped with none, asks the
same in a public channel. A private question's words go only to the colleagues its asker
agreed to ask (`bot.visibility.may_see_question`): Carol is shown none of them as a question
solved before, is pointed to none of their conversations, and reads none of them in why a
colleague is suggested, nor on her Home tab. The places: a group DM with the bot (a mention),
a DM between two people the bot is not in and a group DM without it (`/ask`, and *Find an
expert* on a message there), and a channel shared with another organisation (Slack Connect)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage.models import Question
from tests.slack.harness import SlackHarness
from tests.slack.privacy.seen import home_and_bot_posts

ASKED = "how do we unlock a stuck terraform state for the {} pipeline?"
MPIM_MENTION, PAIR_ASK, UNJOINED_SHORTCUT, CONNECT_ASK = (
    "koalampim",
    "koalapair",
    "koalaunjoined",
    "koalaconnect",
)
MARKERS = (MPIM_MENTION, PAIR_ASK, UNJOINED_SHORTCUT, CONNECT_ASK)


def with_button(slack: SlackHarness, handle: str, action: str) -> Any:
    """The newest message or ephemeral the bot showed `handle` with an `action` button."""
    user = slack.user(handle)
    shown: list[Any] = [*slack.emu.ephemerals(user)]
    shown += [m for m in slack.emu.dm_messages(user) if m.bot_id]
    found = [m for m in shown if action in str(m.blocks)]
    assert found, f"{handle} was shown no {action}"
    return found[-1]


async def helped_and_solved(slack: SlackHarness, marker: str) -> None:
    """Alice agrees to ask, Dev takes it on, Alice marks it solved."""
    alice = slack.user("alice")
    await slack.emu.click(
        alice, "question_consent", message=with_button(slack, "alice", "question_consent")
    )
    await slack.settle()
    await slack.emu.click(
        slack.user("dev"), "offer_accept", message=with_button(slack, "dev", "offer_accept")
    )
    await slack.settle()
    await slack.emu.click(
        alice, "question_solved", message=with_button(slack, "alice", "question_solved")
    )
    await slack.settle()
    async with slack.services.sessions() as s:
        question = await s.scalar(select(Question).where(Question.text.contains(marker)))
    assert question is not None and question.is_private and question.status == "solved"


async def test_a_private_question_is_shown_to_nobody_who_asks_the_same(
    slack: SlackHarness,
) -> None:
    ws = slack.here.workspace
    alice, bob = slack.user("alice"), slack.user("bob")
    group = ws.open_mpim([alice, bob])
    await slack.here.post_message(
        alice, group.id, f"<@{ws.bot_user_id}> {ASKED.format(MPIM_MENTION)}"
    )
    await slack.settle()
    await helped_and_solved(slack, MPIM_MENTION)
    pair = ws.open_dm(alice, bob)
    await slack.here.slash_command(alice, "/ask", ASKED.format(PAIR_ASK), channel_id=pair.id)
    await slack.settle()
    await helped_and_solved(slack, PAIR_ASK)
    unjoined = ws.open_mpim([alice, bob, slack.user("maria")])
    unjoined.members.remove(ws.bot_user_id)
    said, _ = await slack.here.post_message(bob, unjoined.id, ASKED.format(UNJOINED_SHORTCUT))
    await slack.here.message_shortcut(alice, "find_expert", said)
    await slack.settle()
    await helped_and_solved(slack, UNJOINED_SHORTCUT)
    connect = ws.add_channel("vendor-y", members=[alice, bob], ext_shared=True)
    await slack.here.slash_command(alice, "/ask", ASKED.format(CONNECT_ASK), channel_id=connect.id)
    await slack.settle()
    await helped_and_solved(slack, CONNECT_ASK)

    slack.services.indexes.invalidate(slack.team_id)
    await slack.post("carol", "general", f"<@{ws.bot_user_id}> {ASKED.format('release')}")
    await slack.settle()
    seen = await home_and_bot_posts(slack, "carol")
    assert [m for m in MARKERS if m in seen] == [], seen
    # Not vacuous: Alice, who asked them, asking the same is shown hers as solved before.
    await slack.post("alice", "general", f"<@{ws.bot_user_id}> {ASKED.format('release')}")
    await slack.settle()
    theirs = "\n".join(f"{e.text}\n{e.blocks}" for e in slack.emu.ephemerals(alice))
    assert "solved before" in theirs and [m for m in MARKERS if m in theirs]
