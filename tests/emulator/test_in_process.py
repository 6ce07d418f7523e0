"""The emulator hands a bot in the same process the very request it would POST, signed the
same, and keeps Slack's retries; with a fake clock its rate limits, slow answers and
recorded call times follow that clock, so nothing waits in real time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import FakeClock, SlackEmulator

from .conftest import SIGNING_SECRET


class InProcessBot:
    """Records what it is handed and answers with the statuses it is told to."""

    def __init__(self, statuses: tuple[int, ...] = (), headers: Mapping[str, str] = {}) -> None:
        self.statuses = statuses
        self.headers = dict(headers)
        self.received: list[tuple[dict[str, str], str]] = []

    async def __call__(self, headers: dict[str, str], body: str) -> tuple[int, str, dict[str, str]]:
        n = len(self.received)
        self.received.append((headers, body))
        status = self.statuses[n] if n < len(self.statuses) else 200
        return status, "", self.headers


async def test_a_command_is_handed_over_signed_and_its_ack_shown(emu: SlackEmulator) -> None:
    """The request in process carries the HTTP request's signature, which verifies; no
    request_url is needed."""
    alice = emu.workspace.add_user("alice")
    bot = InProcessBot()
    emu.app_in_process = bot
    delivery = await emu.slash_command(alice.id, "/kudos", "hello")
    assert delivery.ok and delivery.attempts[0].transport == "in_process"
    [(headers, body)] = bot.received
    verifier = SignatureVerifier(SIGNING_SECRET)
    timestamp = headers["X-Slack-Request-Timestamp"]
    assert verifier.is_valid(body, timestamp, headers["X-Slack-Signature"])
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert "command=%2Fkudos" in body


async def test_events_are_retried_in_process_until_acked_or_told_not_to() -> None:
    """A 500 is retried with X-Slack-Retry-Num; X-Slack-No-Retry stops the retries."""
    async with SlackEmulator(SIGNING_SECRET) as emu:
        alice = emu.workspace.add_user("alice")
        bot = InProcessBot(statuses=(500, 200))
        emu.app_in_process = bot
        _message, [delivery] = await emu.post_message(alice.id, emu.workspace.general.id, "hi")
        assert delivery.ok and len(delivery.attempts) == 2
        assert bot.received[1][0]["X-Slack-Retry-Num"] == "1"
        refusing = InProcessBot(statuses=(500, 500), headers={"X-Slack-No-Retry": "1"})
        emu.app_in_process = refusing
        _message, [refused] = await emu.post_message(alice.id, emu.workspace.general.id, "hi")
        assert not refused.ok and len(refused.attempts) == 1


async def test_a_slow_bot_times_out_but_keeps_working() -> None:
    """Past the ack timeout the attempt fails as Slack's would, and the bot's work is not
    cut short (as a server keeps going after its client gave up)."""
    finished = asyncio.Event()

    async def slow(headers: dict[str, str], body: str) -> tuple[int, str, dict[str, str]]:
        await asyncio.sleep(0.2)
        finished.set()
        return 200, "", {}

    async with SlackEmulator(SIGNING_SECRET, ack_timeout=0.05) as emu:
        alice = emu.workspace.add_user("alice")
        emu.app_in_process = slow
        delivery = await emu.slash_command(alice.id, "/kudos", "hello")
        assert not delivery.ok and delivery.attempts[0].error == "http_timeout"
        await asyncio.wait_for(finished.wait(), 1.0)


async def test_a_fake_clock_drives_rate_limits_slow_answers_and_call_times() -> None:
    """A 10 s slow answer and a 30 s Retry-After take no real time: the slow call is recorded
    10 s after it was made on the fake clock, and the rate limit refills only as it moves."""
    clock = FakeClock()
    async with SlackEmulator(SIGNING_SECRET, clock=clock) as emu:
        client = AsyncWebClient(token=emu.bot_token, base_url=emu.api_url)
        general = emu.workspace.general.id
        emu.faults.add("conversations.info", delay=10.0)
        emu.faults.limit_rate("conversations.info", per_minute=2, burst=1)
        started, fake_start = time.monotonic(), clock.time()
        await client.conversations_info(channel=general)  # answered 10 s later
        with pytest.raises(SlackApiError) as refused:
            await client.conversations_info(channel=general)
        retry_after = int(refused.value.response.headers["Retry-After"])
        assert retry_after == pytest.approx(20, abs=1)  # 30 s less the 10, rounded up
        clock.advance(20)
        assert (await client.conversations_info(channel=general))["ok"]
        # the slow answer alone would take its 10 s if it waited on the real clock; a loaded
        # machine can be slow, but not that slow (a 2 s bound failed under load)
        assert time.monotonic() - started < 10.0
        first, second, third = (c.at for c in emu.calls_to("conversations.info"))
        assert first - fake_start == pytest.approx(10.0) and second == first
        assert third - second == pytest.approx(20.0)
