"""The in-process tier is the real thing where it matters: the bot's front door checks each
request's signature, Slack's pace holds in fake time without real waiting, and `settle`
returns only once the bot's work after its ack has reached Slack."""

from __future__ import annotations

import contextlib
import itertools
import time
from pathlib import Path

import pytest
from slack_sdk.errors import SlackApiError

from slack_emulator.delivery import encode, sign
from tests.slack.harness import InProcess, SlackHarness, bot_in_process


async def test_a_request_signed_with_another_secret_is_refused_in_process(
    slack: SlackHarness,
) -> None:
    """The emulator's signature passes; the same body signed with another secret gets 401
    and runs no listener."""
    assert isinstance(slack.runner, InProcess)
    form = {
        "command": "/askaround",
        "text": "help",
        "user_id": slack.user("alice"),
        "team_id": slack.team_id,
        "channel_id": slack.channel("general"),
        "response_url": "http://127.0.0.1:1/nowhere",
        "trigger_id": "1.2.3",
    }
    content_type, body = encode("command", form)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": sign("forged-secret", timestamp, body),
    }
    status, _body, _headers = await slack.runner.dispatch(headers, body)
    assert status == 401
    await slack.settle()
    assert slack.emu.ephemerals(slack.user("alice")) == []
    assert (await slack.command("alice", "/askaround", "help")).status == 200


async def test_a_burst_to_one_channel_keeps_slacks_pace_in_fake_time(slack: SlackHarness) -> None:
    """Five kudos in #general at once: their shout-outs reach Slack a second apart or more on
    the fake clock, which moves only when the bot waits on it: waits on the real clock would
    leave them all at one fake moment. (How long the burst takes in real time is for a
    benchmark, not a test: a bound on it failed on a loaded machine.)"""
    for n, handle in enumerate(("alice", "bob", "carol", "maria", "alice")):
        receiver = "bob" if handle != "bob" else "carol"
        await slack.command(handle, "/kudos", f"@{receiver} for release notes {n} #teamwork")
    await slack.drain()
    posts = [
        c.at
        for c in slack.emu.calls_to("chat.postMessage")
        if c.args.get("channel") == slack.channel("general")
    ]
    assert len(posts) == 5
    assert all(later - earlier >= 1.0 for earlier, later in itertools.pairwise(posts))


async def test_a_layout_slack_would_refuse_fails_the_test_that_sent_it(tmp_path: Path) -> None:
    """What the bot sends is checked by Slack's Block Kit rules in every tier-b test: a
    refused layout, even one the bot survives, fails the test when the harness closes."""
    with pytest.raises(AssertionError, match=r"chat\.postMessage.*initial_option"):
        async with bot_in_process(tmp_path) as slack:
            refused = [
                {
                    "type": "section",
                    "text": {"type": "mrkdwn", "text": "pick"},
                    "accessory": {
                        "type": "static_select",
                        "options": [{"text": {"type": "plain_text", "text": "a"}, "value": "a"}],
                        "initial_option": {
                            "text": {"type": "plain_text", "text": "b"},
                            "value": "b",
                        },
                    },
                }
            ]
            with contextlib.suppress(SlackApiError):
                await slack.runner.bot.app.client.chat_postMessage(
                    channel=slack.channel("general"), text="pick", blocks=refused
                )


async def test_a_layout_slack_takes_but_the_renderers_checks_refuse_fails_the_test(
    tmp_path: Path,
) -> None:
    """Beside Slack's rules, what the bot really sends gets the renderers' tests' own
    reading (`tests/slack/block_kit.second_reading`: slack_sdk's models, one primary button
    in a set, no empty button value…): a Home tab Slack would publish, with two primary
    buttons in one actions block, fails the test that published it."""
    with pytest.raises(AssertionError, match=r"views\.publish.*second reading.*primary"):
        async with bot_in_process(tmp_path) as slack:
            both = [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": label},
                    "action_id": label,
                    "style": "primary",
                }
                for label in ("yes", "also yes")
            ]
            await slack.runner.bot.app.client.views_publish(
                user_id=slack.user("alice"),
                view={"type": "home", "blocks": [{"type": "actions", "elements": both}]},
            )
