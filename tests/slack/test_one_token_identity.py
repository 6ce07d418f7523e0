"""Run for one workspace with its bot token, askaround asks Slack whose the token is
(`auth.test`) to tell a request for another workspace (`handlers.dispatch.middleware`). Slack
failing that call made every later request ask again before its ack: each waited on a
failing Slack, its retries and their backoff, for as long as Slack failed (docs/testing-log.md,
"A fresh-eyes review of one night's parallel changes")."""

from __future__ import annotations

from datetime import timedelta

from handlers.dispatch.another_workspace import NOT_HERE
from handlers.dispatch.middleware import ASK_AGAIN
from slack_emulator import Delivery
from tests.slack import bolt_python
from tests.slack.harness import SlackHarness


async def test_a_failed_ask_for_the_token_s_workspace_holds_no_later_ack(
    slack: SlackHarness,
) -> None:
    """Bolt's own `auth.test` answered, then Slack fails ours (500, and all after it). Three
    more commands are answered without asking Slack again; a command from a workspace that
    never installed askaround goes on meanwhile (nobody could tell), and once Slack answers
    again a minute on, asked in the background, it is told askaround is not installed there."""
    slack.emu.faults.add("auth.test", omit=("unread",), times=1)  # Bolt's, answered
    failing = slack.emu.faults.add("auth.test", status=500, times=None)
    await slack.command("alice", "/askaround", "help")
    asked = len(slack.emu.calls_to("auth.test"))
    assert failing.hits >= 1
    for _ in range(3):
        answered = await slack.command("alice", "/askaround", "help")
        assert answered.ok
    await slack.settle()
    assert len(slack.emu.calls_to("auth.test")) == asked
    failing.times = failing.hits  # Slack answers again
    slack.advance(ASK_AGAIN + timedelta(seconds=1))
    await from_elsewhere(slack)  # starts the ask, and is not held for it
    await slack.settle()
    assert len(slack.emu.calls_to("auth.test")) == asked + 1
    told = await from_elsewhere(slack)
    assert (told.response or {}).get("text") == NOT_HERE


async def from_elsewhere(slack: SlackHarness) -> Delivery:
    """bolt-python's own slash command body, from a workspace that never installed askaround."""
    kind, body = bolt_python.elsewhere(slack, "bolt_python/slash_command__slash_command_body")
    delivery, payload = bolt_python.request(kind, body)
    return await slack.emu.send_request(delivery, payload)
