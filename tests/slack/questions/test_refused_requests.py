"""Requests to colleagues Slack refuses for good (no such method, not with a bot token): the
asker is told Slack refused and an admin should look at the app's permissions, not to ask
again once Slack is well, which waiting never brings."""

from __future__ import annotations

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.questions.test_flow import ask


async def _thread(slack: SlackHarness) -> str:
    asked = await ask(slack)
    await slack.drain()  # through every retry's backoff, until the outbox gives them up
    thread = [m for m in slack.emu.messages(slack.channel("general")) if m.thread_ts == asked.ts]
    return " | ".join(f"{m.text} {m.blocks}" for m in thread if m.bot_id)


@pytest.mark.parametrize("refusal", ["unknown_method", "not_allowed_token_type", "http_404"])
async def test_requests_slack_refuses_for_good_send_the_asker_to_an_admin(
    slack: SlackHarness, refusal: str
) -> None:
    """conversations.open refused for every colleague: Alice was told Slack "kept failing"
    and to ask again later, once Slack is well; now that Slack refused to let askaround
    message them, and that an admin should check the app's permissions."""
    slack.emu.faults.refuse("conversations.open", refusal)
    said = await _thread(slack)
    assert "Slack refused to let me message the colleagues I chose" in said, said
    assert "an admin should check askaround's permissions in Slack" in said, said
    assert "once Slack is well" not in said and "kept failing" not in said, said


async def test_a_scope_the_install_lacks_is_named_to_the_asker(slack: SlackHarness) -> None:
    """conversations.open answers `missing_scope` (needs `im:write`): each request waited for
    `askaround outbox retry` and Alice read "I'm asking 3 colleagues" for ever, though nobody
    got it; now they are given up at once and she is told the scope an admin should grant."""
    slack.emu.faults.refuse("conversations.open", "missing_scope")
    said = await _thread(slack)
    assert "I'm asking" not in said, said
    assert "Slack refused to let me message the colleagues I chose" in said, said
    assert "the `im:write` permission" in said, said
    assert "once Slack is well" not in said, said


async def test_requests_slack_keeps_failing_still_say_ask_again_later(
    slack: SlackHarness,
) -> None:
    """Slack answering 500 to every DM passes: Alice is still told to ask again later."""
    slack.emu.faults.refuse("conversations.open", "http_500")
    said = await _thread(slack)
    assert "Ask again later, once Slack is well." in said, said
    assert "refused" not in said, said
