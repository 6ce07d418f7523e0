"""The emulator's opt-in method rate limits answer calls beyond a method's allowance with a
429 and the Retry-After Slack would give, and leave other methods alone."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator
from slack_emulator.faults import Faults


async def test_calls_beyond_the_burst_are_refused_with_retry_after(
    emu: SlackEmulator, client: AsyncWebClient
) -> None:
    """Two a minute with a burst of 2: the third call at once is refused for 30 s, and a
    refused call is recorded as Slack answered it."""
    emu.faults.limit_rate("conversations.info", per_minute=2, burst=2)
    general = emu.workspace.general.id
    for _ in range(2):
        assert (await client.conversations_info(channel=general))["ok"]
    with pytest.raises(SlackApiError) as caught:
        await client.conversations_info(channel=general)
    assert caught.value.response.status_code == 429
    assert caught.value.response["error"] == "ratelimited"
    assert caught.value.response.headers["Retry-After"] == "30"
    assert (await client.users_list())["ok"]  # other methods are not limited
    assert [c.status for c in emu.calls_to("conversations.info")] == [200, 200, 429]


def test_refused_calls_take_no_token_and_time_refills() -> None:
    now = [0.0]
    faults = Faults(clock=lambda: now[0])
    limit = faults.limit_rate("views.publish", per_minute=60, burst=1)
    assert faults.take("views.publish") is None
    assert faults.take("views.publish") is not None
    assert faults.take("views.publish") is not None
    now[0] += 1.0
    assert faults.take("views.publish") is None
    assert limit.refused == 2
    faults.clear()
    assert faults.take("views.publish") is None and faults.take("views.publish") is None
