"""Why a private channel is not watched, said truly: the app hears its messages (it subscribes
to `message.groups`), so "Slack doesn't send me the messages of a private one" was untrue."""

from __future__ import annotations

from tests.slack.harness import SlackHarness


async def test_watching_a_private_channel_is_refused_for_its_members_privacy(
    slack: SlackHarness,
) -> None:
    slack.emu.workspace.user(slack.user("maria")).is_admin = True
    await slack.command("maria", "/ask", "watch", "secret")
    await slack.settle()
    said = slack.emu.ephemerals(slack.user("maria"))[-1].text
    assert "I only watch public channels" in said and "members' own" in said, said
    assert "doesn't send me" not in said
    assert "message.groups" in slack.emu.event_subscriptions  # type: ignore[operator]
