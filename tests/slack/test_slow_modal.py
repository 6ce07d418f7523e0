"""A modal opened too late: Slack lets a trigger open a modal for 3 seconds only, and a bot
slowed down (a busy database, a cold start) can miss that. It is Slack's rule, not a bug:
the person hears in one line to try again, and nothing is logged as an error."""

from __future__ import annotations

import gc
import logging

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


async def test_a_modal_slack_rate_limits_past_its_trigger_says_slack_is_busy_at_once(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """`views.open` answered 429 with a `Retry-After` longer than a trigger lives (3 s): no
    retry could open the modal, so none is waited for. The person hears at once that Slack
    is busy, not, seconds later, that askaround was too slow."""
    caplog.set_level(logging.INFO)
    slack.emu.faults.add("views.open", status=429, retry_after=5)
    alice = slack.user("alice")
    await slack.emu.global_shortcut(alice, "give_kudos_global")
    await slack.settle()
    assert len(slack.emu.calls_to("views.open")) == 1
    seen = [e.text for e in slack.emu.ephemerals(alice)]
    seen += [m.text for m in slack.emu.dm_messages(alice) if m.by_bot]
    assert seen == [SLACK_BUSY]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
