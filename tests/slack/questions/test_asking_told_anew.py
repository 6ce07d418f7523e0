"""An asker told who is asked in an ephemeral (Slack will not let the bot post in their DM),
which cannot be edited: each change of who is asked is told in a new one, once."""

from __future__ import annotations

import asyncio

from tests.slack.harness import SlackHarness
from tests.slack.lean.flows import QUESTION
from tests.slack.questions.test_flow import offer_dm


async def _failed_ephemerals(slack: SlackHarness, count: int) -> None:
    """Until the bot has tried `count` ephemerals (each failed, put back for a clock that
    stands still until the harness moves it)."""
    for _ in range(500):
        if len(slack.emu.calls_to("chat.postEphemeral")) >= count:
            return
        await asyncio.sleep(0.02)
    raise TimeoutError(f"fewer than {count} chat.postEphemeral calls")


async def test_two_requests_ending_together_tell_the_asker_once(slack: SlackHarness) -> None:
    """Bob and Dev each press *Not me* while Slack fails the ephemerals telling Alice so; both
    are tried again together and each told her "I'm asking 1 colleague", the same, twice; now
    she reads who is still asked once."""
    alice = slack.user("alice")
    im = slack.emu.workspace.open_im(alice).id
    slack.emu.faults.add("chat.postMessage", error="missing_scope", times=None, channel=im)
    await slack.command("alice", "/ask", QUESTION)
    await slack.drain()
    if "Ask colleagues privately" in str(slack.emu.ephemerals(alice)[-1].blocks):
        await slack.emu.click_button(alice, "Ask colleagues privately")
        await slack.drain()
    asking = [e.text for e in slack.emu.ephemerals(alice) if e.text.startswith("I'm asking")]
    assert asking and asking[0].startswith("I'm asking 3"), asking
    tried = len(slack.emu.calls_to("chat.postEphemeral"))
    slack.emu.faults.add("chat.postEphemeral", status=500, times=2)
    await slack.emu.click(slack.user("bob"), "offer_decline", message=offer_dm(slack, "bob"))
    await _failed_ephemerals(slack, tried + 1)
    await slack.emu.click(slack.user("dev"), "offer_decline", message=offer_dm(slack, "dev"))
    await _failed_ephemerals(slack, tried + 2)
    await slack.drain()
    texts = [e.text for e in slack.emu.ephemerals(alice)]
    assert len(texts) == len(set(texts)), texts
    assert any(t.startswith("I'm asking 1 colleague") for t in texts), texts
