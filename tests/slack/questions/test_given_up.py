"""Question messages Slack keeps failing (5xx) until the outbox gives them up: what their
words promised is kept, or taken back, as when a kudos shout-out is given up."""

from __future__ import annotations

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import ask, offer_dm


async def test_a_helper_is_not_told_they_were_connected_when_the_introduction_never_went(
    slack: SlackHarness,
) -> None:
    """Dev takes Alice's question; Slack fails every post in #general, where the thread is,
    until the outbox gives the introduction up: Dev's request no longer says he was
    connected, but that he should reach out to Alice himself."""
    await ask(slack)
    slack.emu.faults.add(
        "chat.postMessage", status=503, times=None, channel=slack.channel("general")
    )
    await slack.emu.click(slack.user("dev"), "offer_accept", message=offer_dm(slack, "dev"))
    await slack.drain()  # through every retry's backoff, until the outbox gives it up
    said = str(offer_dm(slack, "dev").blocks)
    assert "I've connected you" not in said, said
    assert f"reach out to <@{slack.user('alice')}> yourself" in said, said
