"""Giving kudos over Socket Mode: the bot's own websocket to Slack, which only this tier has
(the rest of giving is tested in process, in tests/slack/kudos)."""

from __future__ import annotations

from tests.e2e.harness import Harness
from tests.slack.kudos.world import kudos_posts, ledger

REASON = "for untangling the release #teamwork"


async def test_giving_over_socket_mode(slack_socket: Harness) -> None:
    """The same command works over Socket Mode envelopes, with one entry and one shout-out."""
    delivery = await slack_socket.command("alice", "/kudos", f"@bob {REASON}")
    await slack_socket.emu.redeliver(delivery, times=2)
    await slack_socket.settle()
    assert len(await ledger(slack_socket)) == 1
    assert len(kudos_posts(slack_socket, "general")) == 1
