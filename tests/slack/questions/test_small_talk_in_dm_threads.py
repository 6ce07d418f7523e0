"""Small talk typed in a thread of the DM with the bot (a `message.im` whose `thread_ts` is
not its own `ts`) is answered in that thread, where the person is typing, as longer words
there are (`test_thread_replies`); typed at the top of the DM, at the top."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness


@pytest.mark.parametrize("said", ["thanks!", "help"])
async def test_small_talk_in_a_thread_of_the_dm_is_answered_in_that_thread(
    slack: SlackHarness, said: str
) -> None:
    """Bob answers the DM telling him of Alice's kudos, in its thread, with "thanks!" or
    "help": he is answered once, in that thread, however often Slack sends it. Before, the
    answer went to the top of the DM, away from the thread he had open."""
    await slack.command("alice", "/kudos", "@bob for untangling the release pipeline #teamwork")
    await slack.drain()
    bob = slack.user("bob")
    (told,) = [m for m in slack.emu.dm_messages(bob) if m.bot_id and "gave you kudos" in m.text]
    dm = slack.emu.workspace.open_im(bob).id
    _, deliveries = await slack.here.post_message(bob, dm, said, thread_ts=told.ts)
    await slack.settle()
    for delivery in deliveries:
        await slack.emu.redeliver(delivery)
    await slack.drain()
    answers = [m for m in slack.emu.dm_messages(bob) if m.bot_id and m.ts != told.ts]
    assert [m.thread_ts for m in answers] == [told.ts]


async def test_small_talk_at_the_top_of_the_dm_is_answered_there(slack: SlackHarness) -> None:
    """A "help" typed at the top of the DM is answered at the top, not in a thread under it."""
    bob = slack.user("bob")
    dm = slack.emu.workspace.open_im(bob).id
    await slack.here.post_message(bob, dm, "help")
    await slack.drain()
    (answer,) = [m for m in slack.emu.dm_messages(bob) if m.bot_id]
    assert answer.thread_ts is None
