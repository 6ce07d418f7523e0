"""A listener that acks only after asking Slack (a form checked before it closes) when Slack
is slow to answer: a rate limit whose `Retry-After` is longer than the 3 s Slack waits for
the ack. The request is acked in time all the same, empty, and what the ack would have said
reaches the person another way; Bolt answered such a request 404 ("Unhandled request"), and
Slack showed the person an error on a form whose kudos was then given, or whose refusal was
never seen."""

from __future__ import annotations

import logging

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, global_modal, ledger, submit_modal

REASON = "for untangling the release #teamwork"
# Longer than Slack waits for an ack: the form's check of the people waits it out first.
SLOW = 3
# The wait is on the fake clock: the ack is late from the listener's start.
pytestmark = pytest.mark.usefixtures("ack_deadline_now")


def problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.ERROR
        or (r.levelno >= logging.WARNING and "Unhandled request" in r.getMessage())
    ]


async def submitted_while_slack_is_slow(slack: SlackHarness, recipient: str) -> None:
    """Alice's Give kudos form to `recipient`, submitted while Slack rate-limits users.info:
    acked 200 all the same."""
    modal = await global_modal(slack, "alice")
    slack.emu.faults.add("users.info", status=429, retry_after=SLOW)
    before = slack.pace.monotonic()
    submitted = await submit_modal(
        slack, "alice", modal, recipients=[recipient], reason=REASON, channel="general"
    )
    await slack.settle()
    assert (submitted.status, submitted.ok) == (200, True)
    assert slack.pace.monotonic() - before >= SLOW  # the Retry-After was waited out


async def test_a_form_submitted_while_slack_is_slow_is_acked_and_given_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The Give kudos form: acked 200 (the form closes), the kudos given once, and the giver
    told it was sent."""
    caplog.set_level(logging.INFO)
    await submitted_while_slack_is_slow(slack, "bob")
    assert slack.here.open_modal(slack.user("alice")) is None
    (kudos,) = await ledger(slack)
    assert kudos.receiver_user_id == slack.user("bob")
    told = ephemeral_text(slack, "alice") + dm_text(slack, "alice")
    assert "Kudos sent to" in told
    assert problems(caplog) == []


async def test_a_refusal_found_after_the_ack_is_told_in_a_dm(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Kudos to oneself through the form, refused once Slack has answered: the form closed
    already, so the refusal its field would have shown comes in the DM with the bot."""
    caplog.set_level(logging.INFO)
    await submitted_while_slack_is_slow(slack, "alice")
    assert await ledger(slack) == []
    assert "yourself" in dm_text(slack, "alice")
    assert problems(caplog) == []
