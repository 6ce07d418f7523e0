"""Undo's removals and redraws go through the outbox: Slack failing the first chat.delete of
the shout-out or the first chat.update of a seconding under it (a 5xx, its `internal_error`,
a rate limit) is tried again, where until 7 December the listener logged it and left a
deleted kudos in the channel, or "@maria seconds this" under nothing. Pressed twice, or the
press sent again, the messages are removed and redrawn once, and Alice is answered once."""

from __future__ import annotations

from typing import Any

import pytest

from bot.reliability.delivery import MAX_ATTEMPTS
from slack_emulator import Message
from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, give, kudos_posts, ledger
from tests.slack.twice import press

REASON = "for the migration review #craft"
REMOVED = "the messages they caused are removed"


async def _seconded(slack: SlackHarness) -> Message:
    """Alice's shout-out for Bob, seconded by Maria: her reply under it."""
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.drain()
    [_, seconding] = kudos_posts(slack, "general")
    assert "seconds this" in seconding.text
    return seconding


def _stands_alone(slack: SlackHarness, seconding: Message) -> None:
    """Only Maria's reply is left, drawn as her own shout-out, once."""
    [standing] = [m for m in slack.emu.messages(slack.channel("general")) if m.by_bot]
    assert standing.ts == seconding.ts
    maria, bob = slack.user("maria"), slack.user("bob")
    assert standing.text.startswith(f":tada: <@{maria}> gave kudos to <@{bob}>"), standing.text
    redraws = [c for c in slack.emu.calls_to("chat.update") if c.args.get("ts") == seconding.ts]
    assert len([c for c in redraws if c.ok]) == 1


def _answered(slack: SlackHarness) -> str:
    [answer] = [e for e in slack.emu.ephemerals(slack.user("alice")) if "Undone" in e.text]
    return answer.text


@pytest.mark.parametrize(
    "fault",
    [{"error": "internal_error"}, {"status": 503}, {"status": 429}],
    ids=["internal_error", "503", "429"],
)
@pytest.mark.parametrize("method", ["chat.delete", "chat.update"])
async def test_undo_tries_again_what_slack_failed_first(
    slack: SlackHarness, method: str, fault: dict[str, Any]
) -> None:
    seconding = await _seconded(slack)
    slack.emu.faults.add(method, times=4, **fault)
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.drain()
    assert kudos_posts(slack, "general")[0].ts == seconding.ts
    _stands_alone(slack, seconding)
    assert REMOVED in _answered(slack)
    assert [k.source for k in await ledger(slack)] == ["second"]


async def test_undo_pressed_twice_removes_and_redraws_once(slack: SlackHarness) -> None:
    seconding = await _seconded(slack)
    slack.emu.faults.add("chat.delete", error="internal_error", times=1)
    await press(slack, "alice", "Undo")
    await slack.drain()
    _stands_alone(slack, seconding)
    assert REMOVED in _answered(slack)


async def test_undo_sent_again_by_slack_removes_and_redraws_once(slack: SlackHarness) -> None:
    seconding = await _seconded(slack)
    slack.emu.faults.add("chat.update", status=500, times=4)
    pressed = await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.emu.redeliver(pressed, times=2)
    await slack.drain()
    _stands_alone(slack, seconding)
    assert REMOVED in _answered(slack)


async def test_undo_given_up_is_told_and_a_seconding_queued_meanwhile_stands_alone(
    slack: SlackHarness,
) -> None:
    """Slack failing the shout-out's removal until the outbox gives the Undo up left Alice's
    press unanswered (its reply_url expires before the outbox stops trying): a DM tells her
    the shout-out may still show and that an admin's `askaround outbox retry` finishes it,
    which it does, telling her nothing twice. Maria's seconding, still queued when Alice
    pressed Undo (Slack rate-limited its post), was posted under the shout-out being
    deleted: it is posted as her own shout-out, not in that thread."""
    await give(slack, "alice", f"@bob {REASON}")
    await slack.drain()
    [shoutout] = kudos_posts(slack, "general")
    general = slack.channel("general")
    slack.emu.faults.add("chat.postMessage", status=429, retry_after=30, channel=general)
    await slack.emu.add_reaction(slack.user("maria"), shoutout.channel, shoutout.ts, "kudos")
    await slack.settle()
    assert kudos_posts(slack, "general") == [shoutout]  # the seconding waits its 30 s
    slack.emu.faults.add("chat.delete", status=500, times=MAX_ATTEMPTS)
    await slack.emu.click_button(slack.user("alice"), "Undo")
    await slack.drain()

    [_, seconding] = kudos_posts(slack, "general")
    maria, bob = slack.user("maria"), slack.user("bob")
    assert seconding.thread_ts is None, "posted under the undone shout-out"
    assert seconding.text.startswith(f":tada: <@{maria}> gave kudos to <@{bob}>"), seconding.text
    told = dm_text(slack, "alice")
    assert "Undone: your kudos to" in told and "Slack kept failing" in told, told
    assert "the shout-out in <#" in told and "`askaround outbox retry`" in told, told
    assert [k.source for k in await ledger(slack)] == ["second"]

    assert await slack.services.outbox.retry_failed(slack.services.clock.now())
    await slack.drain()
    assert kudos_posts(slack, "general") == [seconding]  # the shout-out removed at last
    assert dm_text(slack, "alice") == told
