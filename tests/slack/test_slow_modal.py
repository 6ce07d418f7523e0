"""A modal opened too late: Slack lets a trigger open a modal for 3 seconds only, and a bot
slowed down (a busy database, a cold start) can miss that. It is Slack's rule, not a bug:
the person hears in one line to try again, and nothing is logged as an error."""

from __future__ import annotations

import gc
import logging
from typing import Any

import pytest

from handlers.dispatch.friendly import SLACK_BUSY, TOO_SLOW
from tests.slack.harness import SlackHarness


@pytest.mark.parametrize("code", ["expired_trigger_id", "exchanged_trigger_id"])
async def test_a_modal_opened_too_late_asks_to_try_again(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, code: str
) -> None:
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("views.open", error=code)
    alice = slack.user("alice")
    await slack.emu.global_shortcut(alice, "give_kudos_global")
    await slack.settle()
    assert slack.emu.open_modal(alice) is None
    seen = [e.text for e in slack.emu.ephemerals(alice)]
    seen += [m.text for m in slack.emu.dm_messages(alice) if m.by_bot]
    assert seen == [TOO_SLOW]
    gc.collect()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


# Slack failing a `views.open` in a way a trigger cannot outlast, and the tries it gets.
UNOPENED: dict[str, tuple[dict[str, Any], int]] = {
    "429 past the trigger": ({"status": 429, "retry_after": 5}, 1),
    "500 three times": ({"status": 500, "times": 3}, 2),
}


@pytest.mark.parametrize("failing", sorted(UNOPENED))
async def test_a_modal_slack_fails_past_its_trigger_says_slack_is_busy(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, failing: str
) -> None:
    """No retry could open the modal once its trigger is 3 s old (`expired_trigger_id`), so
    none is tried past that: the person hears that Slack is busy, not, seconds later, that
    askaround was too slow. A 429 whose `Retry-After` outlives the trigger is not waited out;
    after a 500, slack_sdk's backoff (0.5 s, 1 s, 2 s, each with up to 1 s of jitter) tried a
    third and fourth time, past the trigger, and is now tried once more only."""
    caplog.set_level(logging.INFO)
    fault, tries = UNOPENED[failing]
    slack.emu.faults.add("views.open", **fault)
    alice = slack.user("alice")
    await slack.emu.global_shortcut(alice, "give_kudos_global")
    await slack.settle()
    assert len(slack.emu.calls_to("views.open")) == tries
    seen = [e.text for e in slack.emu.ephemerals(alice)]
    seen += [m.text for m in slack.emu.dm_messages(alice) if m.by_bot]
    assert seen == [SLACK_BUSY]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
