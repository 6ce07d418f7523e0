"""What the bot says in a DM straight from its listener (the prompt about a private question,
"you asked this already"), when Slack posted it but its answer was lost (a 500, a 503): the
listener's client tries again, as for any 5xx, but looks first for what it posted, so the
person reads it once. Slack failing with nothing posted is still tried again."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness

QUESTION = "how do I rotate the terraform cloud token safely?"


def prompts(slack: SlackHarness, handle: str) -> list[str]:
    return [
        m.text
        for m in slack.emu.dm_messages(slack.user(handle))
        if m.bot_id and "nobody outside it sees your question" in m.text
    ]


@pytest.mark.parametrize("status", [500, 503])
async def test_a_consent_prompt_posted_but_answered_5xx_is_posted_once(
    slack: SlackHarness, status: int
) -> None:
    slack.emu.faults.add("chat.postMessage", status=status, times=1, applied=True)
    await slack.dm_bot("alice", QUESTION)
    await slack.drain()
    assert len(prompts(slack, "alice")) == 1
    assert not slack.emu.ephemerals(slack.user("alice"))  # nothing said to have failed
    assert [c.ok for c in slack.emu.calls_to("chat.postMessage")] == [False]
    await slack.emu.click_button(slack.user("alice"), "Ask colleagues privately")
    await slack.settle()
    assert "colleagues" in slack.emu.dm_messages(slack.user("alice"))[-1].text


async def test_a_consent_prompt_slack_failed_to_post_is_posted_on_a_retry(
    slack: SlackHarness,
) -> None:
    slack.emu.faults.add("chat.postMessage", status=500, times=2)
    before = slack.pace.monotonic()
    await slack.dm_bot("alice", QUESTION)
    await slack.drain()
    assert len(prompts(slack, "alice")) == 1
    assert [c.ok for c in slack.emu.calls_to("chat.postMessage")] == [False, False, True]
    # slack_sdk's backoff before each retry, waited on the client's pace clock (fake here).
    assert slack.pace.monotonic() - before >= 0.5 + 1
