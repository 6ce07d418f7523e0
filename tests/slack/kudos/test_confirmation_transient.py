"""A giver's confirmation is said where they gave, as a message only they see; Slack refusing
that (they are not in the channel, it is gone) says it in their DM instead. Slack being busy
or failing for a moment (a 429, a 5xx) is no refusal: the ephemeral is tried again, as the
client's retries do, rather than moved to the DM (before, any failure moved it)."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text, give_in_modal, ledger


async def _give_in_general(slack: SlackHarness) -> None:
    await give_in_modal(slack, "maria", "general")
    await slack.drain()
    assert len(await ledger(slack)) == 1


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 429, "retry_after": 2},
        {"status": 503},
        {"status": 502},
        {"error": "internal_error"},
    ],
)
async def test_a_confirmation_slack_fails_for_a_moment_is_still_ephemeral(
    slack: SlackHarness, fault: dict[str, object]
) -> None:
    slack.emu.faults.add("chat.postEphemeral", times=1, **fault)  # type: ignore[arg-type]
    await _give_in_general(slack)
    assert "Kudos sent" in ephemeral_text(slack, "maria")
    assert "Kudos sent" not in dm_text(slack, "maria")


@pytest.mark.parametrize("refusal", ["user_not_in_channel", "channel_not_found"])
async def test_a_confirmation_slack_refuses_to_show_there_goes_to_the_dm(
    slack: SlackHarness, refusal: str
) -> None:
    slack.emu.faults.add("chat.postEphemeral", error=refusal, times=1)
    await _give_in_general(slack)
    assert dm_text(slack, "maria").count("Kudos sent") == 1
    assert "Kudos sent" not in ephemeral_text(slack, "maria")


async def test_a_confirmation_slack_keeps_failing_to_show_goes_to_the_dm_once(
    slack: SlackHarness,
) -> None:
    """The kudos is in the ledger before its confirmation is shown: when Slack keeps failing
    the ephemeral, the giver reads it in their DM, not "try again", which would give a
    second kudos from a new form. Each try waits slack_sdk's backoff first, on the pace clock
    the client's other retries wait on (the fake one here, so no real time passes)."""
    slack.emu.faults.add("chat.postEphemeral", status=502, times=10)
    before = slack.pace.monotonic()
    await _give_in_general(slack)
    assert slack.pace.monotonic() - before >= 0.5 + 1 + 2  # slack_sdk's backoff, three tries
    assert dm_text(slack, "maria").count("Kudos sent") == 1
    assert "try again" not in ephemeral_text(slack, "maria").lower()
    assert len(await ledger(slack)) == 1
