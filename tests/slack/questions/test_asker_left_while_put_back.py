"""The asker leaves the workspace while the reply connecting them with their helper waits for
its retry: Slack failed it (nothing posted), or posted it and lost its answer. Slack has them
deactivated at once; its `user_change` reaches the bot before the retry, after it, or never
(`leaves_while_put_back`). Whichever the order, the question is closed as once the bot hears
it (`test_asker_gone.py`), the helper is told, and the retry connects nobody: a reply posted
before says how the question ended, without its Solved button, and every delivery is sent.
Before, a group DM's retry failed on Slack's `user_disabled` and was given up, the reply it
had posted keeping its button, and until the bot heard, the question went on as if the
asker were there."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import OutboxItem
from tests.slack.harness import SlackHarness
from tests.slack.questions.test_answer_lost import (
    HEARD,
    asked_in_secret,
    asking_message,
    leaves_while_put_back,
    put_back,
)
from tests.slack.questions.test_asker_gone import GONE
from tests.slack.questions.test_flow import ask, offer_dm
from tests.slack.questions.test_next_helper import connections

# How the reply's first try failed: a 500 after Slack posted it, or a 503 before.
POSTED = [pytest.param(True, id="posted"), pytest.param(False, id="unposted")]


async def dev_takes_it_then_alice_left(
    slack: SlackHarness, channel: str, *, posted: bool, heard: str
) -> None:
    """Dev takes Alice's question on; Slack fails the reply connecting them in `channel`
    (`posted` or not), and Alice leaves before it is tried again, the bot hearing of it
    `heard`. Every delivery was sent; Dev is told she left, and the reply, if any, says the
    question was withdrawn, without its Solved button."""
    failed = {"status": 500, "applied": True} if posted else {"status": 503}
    fault = slack.emu.faults.add("chat.postMessage", channel=channel, **failed)  # type: ignore[arg-type]
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await put_back(slack, fault, "question.connected:")
    await leaves_while_put_back(slack, "alice", heard)
    async with slack.services.sessions() as s:
        items = list(await s.scalars(select(OutboxItem)))
    assert not [(i.method, i.last_error) for i in items if i.status != "sent"]
    shown = connections(slack, channel)
    if posted:
        [reply] = shown
        assert "question_solved" not in reply and "was withdrawn" in reply, reply
    else:
        assert shown == []
    told = [m.text for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    assert [t for t in told if GONE in t and "no need to follow up" in t], told


@pytest.mark.parametrize("heard", HEARD)
@pytest.mark.parametrize("posted", POSTED)
async def test_a_group_dm_retried_after_its_asker_left(
    slack: SlackHarness, posted: bool, heard: str
) -> None:
    """In the group DM of a question asked in #secret, which Slack will not open with Alice
    once she is deactivated (`user_disabled`)."""
    await asked_in_secret(slack)
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    await dev_takes_it_then_alice_left(slack, group, posted=posted, heard=heard)


@pytest.mark.parametrize("heard", HEARD)
@pytest.mark.parametrize("posted", POSTED)
async def test_a_thread_reply_retried_after_its_asker_left(
    slack: SlackHarness, posted: bool, heard: str
) -> None:
    """In the thread of a question asked in #general: the retry introduced Dev to Alice,
    gone, and her list went on saying Dev is helping her until the bot heard."""
    await ask(slack)
    general = slack.channel("general")
    await dev_takes_it_then_alice_left(slack, general, posted=posted, heard=heard)
    listed = asking_message(slack, general)
    assert "is helping" not in listed and "was withdrawn" in listed, listed


@pytest.mark.parametrize("heard", ["late", "never"])
async def test_a_group_dm_first_sent_after_its_asker_left(slack: SlackHarness, heard: str) -> None:
    """Alice is deactivated, the bot not told yet, and Dev takes her #secret question on: the
    reply's first try met Slack's `user_disabled` and was given up, for an operator to look
    at, and the question stood connected, Dev told he was helping someone gone."""
    await asked_in_secret(slack)
    group = slack.emu.workspace.open_mpim([slack.user("alice"), slack.user("dev")]).id
    with slack.bot_down():
        event = await slack.emu.change_user(slack.user("alice"), deleted=True)
    assert event is not None
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()
    if heard == "late":
        [again] = await slack.emu.redeliver(event)
        assert again.ok
        await slack.drain()
    async with slack.services.sessions() as s:
        items = list(await s.scalars(select(OutboxItem)))
    assert not [(i.method, i.last_error) for i in items if i.status != "sent"]
    assert connections(slack, group) == []
    told = [m.text for m in slack.emu.dm_messages(slack.user("dev")) if m.bot_id]
    assert [t for t in told if GONE in t and "no need to follow up" in t], told
