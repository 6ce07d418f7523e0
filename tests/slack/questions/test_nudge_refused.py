"""The offer of help under a question in a watched channel is a hint nobody asked for: when
Slack will not show it (rate limited, down, the poster gone from the channel, the channel
archived), it is left unsaid. The poster never hears that something went wrong with a
request they never made, and nothing is logged as an error."""

from __future__ import annotations

import gc
import logging

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_chit_chat import nudges, watch_general

QUESTION = "any idea why terraform plan wants to recreate the VPC?"


@pytest.mark.parametrize(
    ("method", "fault"),
    [
        ("chat.postEphemeral", {"status": 429}),
        ("chat.postEphemeral", {"status": 503}),
        ("chat.postEphemeral", {"error": "user_not_in_channel"}),
        ("chat.postEphemeral", {"error": "is_archived"}),
        # Asking Slack about the channel first: Slack failing there is no reason to speak up.
        ("conversations.info", {"error": "internal_error"}),
    ],
)
async def test_a_nudge_slack_refuses_is_left_unsaid(
    slack: SlackHarness,
    caplog: pytest.LogCaptureFixture,
    method: str,
    fault: dict[str, object],
) -> None:
    await watch_general(slack)
    caplog.set_level(logging.INFO)
    bob = slack.user("bob")
    shown, dms = len(slack.emu.ephemerals(bob)), len(slack.emu.dm_messages(bob))
    slack.emu.faults.add(method, times=1, **fault)  # type: ignore[arg-type]
    await slack.post("bob", "general", QUESTION)
    await slack.settle()
    assert [m.text for m in slack.emu.dm_messages(bob)[dms:]] == []
    # Slack's client may try again after a 429 or a 5xx and show the hint then; nothing else.
    assert all("Find an expert" in str(e.blocks) for e in slack.emu.ephemerals(bob)[shown:])
    gc.collect()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    await slack.post("bob", "general", "and why does terraform plan want to recreate the NAT?")
    await slack.settle()
    assert nudges(slack, "bob")[-1:], "the next question is offered help as before"
