"""Where the bot cannot see or post: a `:kudos:` reaction in a channel it is not in, a Home
tab opened by someone Slack will not describe; and a `/kudos` word ended by a newline."""

from __future__ import annotations

import gc
import json
import logging
from urllib.parse import urlencode

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.kudos.world import dm_text, ephemeral_text
from tests.slack.test_real_payloads import envelope, send


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    gc.collect()  # "Task exception was never retrieved" is logged when the task is collected
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_reaction_where_the_bot_is_not_says_why_in_a_dm(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """The bot is not in #random: it cannot read the message reacted to, nor post an ephemeral
    there, so the reactor hears why in a DM (before, the error escaped and they heard
    nothing, or were told the message was too short)."""
    caplog.set_level(logging.INFO)
    random = slack.here.workspace.get_channel(slack.channel("random"))
    assert random is not None
    message = await slack.post("bob", "random", "I fixed the flaky deploy pipeline for everyone")
    await slack.settle()
    assert slack.here.bot_user_id not in random.members
    event = {
        "type": "reaction_added",
        "user": slack.user("alice"),
        "reaction": "kudos",
        "item": {"type": "message", "channel": random.id, "ts": message.ts},
        "item_user": slack.user("bob"),
        "event_ts": "1700000000.000100",
    }
    status, _ = await send(slack, "application/json", json.dumps(envelope(slack, event)))
    assert status == 200
    await slack.drain()
    assert errors(caplog) == []
    assert "I can't read that message" in dm_text(slack, "alice")


async def test_kudos_top_then_a_newline_is_the_leaderboard(slack: SlackHarness) -> None:
    """`/kudos top⏎week` (Shift+Enter, or pasted) is the week's leaderboard, not kudos."""
    await slack.here.slash_command(slack.user("alice"), "/kudos", "top\nweek")
    await slack.settle()
    said = ephemeral_text(slack, "alice")
    assert "Start with who" not in said and "this week" in said.lower()


async def test_a_home_opened_by_someone_slack_will_not_describe_is_let_be(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    event = {
        "type": "app_home_opened",
        "user": "U0STRANGER",
        "channel": "D0STRANGE",
        "tab": "home",
        "event_ts": "1.2",
    }
    status, _ = await send(slack, "application/json", json.dumps(envelope(slack, event)))
    assert status == 200
    await slack.settle()
    assert errors(caplog) == []
    said = [m.text for m in slack.emu.messages() if m.by_bot] + [
        e.text for e in slack.emu.ephemerals()
    ]
    assert not [s for s in said if "went wrong" in s]


async def test_a_refusal_whose_response_url_is_out_of_reach_is_said_another_way(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    """Alice presses Undo on kudos no longer kept; the response_url of the click cannot
    be reached (or has expired): she still hears why, as an ephemeral through the Web API,
    and no task fails unseen."""
    caplog.set_level(logging.INFO)
    general = slack.channel("general")
    urls = (
        "http://127.0.0.1:9/unreachable",
        f"{slack.emu.base_url}/response/{slack.team_id}/expired",
    )
    for told, url in enumerate(urls, start=1):
        click = {
            "type": "block_actions",
            "team": {"id": slack.team_id, "domain": "emulated"},
            "user": {"id": slack.user("alice"), "team_id": slack.team_id},
            "api_app_id": slack.here.workspace.app_id,
            "container": {"type": "message", "message_ts": "1.1", "channel_id": general},
            "channel": {"id": general, "name": "general"},
            "trigger_id": f"1.2.{told}",
            "response_url": url,
            "actions": [
                {
                    "type": "button",
                    "action_id": "kudos_undo",
                    "value": "gone",
                    "block_id": "b",
                    "action_ts": f"1.{told}",
                }
            ],
        }
        body = urlencode({"payload": json.dumps(click)})
        status, _ = await send(slack, "application/x-www-form-urlencoded", body)
        assert status == 200
        await slack.drain()
        seen = [e.text for e in slack.emu.ephemerals(slack.user("alice"))]
        assert sum("I no longer have these kudos" in t for t in seen) == told
    assert errors(caplog) == []
