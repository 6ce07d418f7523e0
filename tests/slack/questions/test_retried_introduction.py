"""Dev takes on Alice's question, asked in #general, after Alice left the workspace, and
Slack's `user_change` saying so never reached the bot (it was down; Slack gave the event up).
The first try to introduce them in the question's thread asks Slack whether the asker is
still here: nothing is posted introducing Dev to someone gone, Dev is told kindly that she
left, the question is closed, and nothing is retried. Before, only a retry asked (a group DM
learns it from Slack's `user_disabled`), so the reply went into the thread with its Solved
button, and the question stayed open with a helper for nobody."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import OutboxItem, Question
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_asker_gone import GONE
from tests.slack.questions.test_flow import ask, offer_dm
from tests.slack.questions.test_next_helper import connections


async def test_a_first_introduction_to_an_asker_gone_unheard_posts_nothing(
    slack: SlackHarness,
) -> None:
    await ask(slack)
    with slack.bot_down():
        event = await slack.emu.change_user(slack.user("alice"), deleted=True)
    assert event is not None and not any(a.acked for a in event.attempts)
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    general = slack.channel("general")
    assert connections(slack, general) == []
    async with slack.services.sessions() as s:
        items = list(await s.scalars(select(OutboxItem)))
        [question] = list(await s.scalars(select(Question)))
    assert not [(i.method, i.attempts, i.last_error) for i in items if i.status != "sent"]
    connecting = [i for i in items if i.method == "question.connected"]
    assert [i.attempts for i in connecting] == [1], connecting
    assert question.status != "open"
    told = [m.text for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    assert [t for t in told if GONE in t and "no need to follow up" in t], told
