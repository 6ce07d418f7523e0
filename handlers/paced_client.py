"""A Web API client that keeps Slack's pace of about one message a second per channel.

Slack answers faster bursts with 429s; waiting here first keeps the outbox's retries for real
failures. The pace is per process: replicas sharing a channel can still trip a 429, which the
outbox then waits out with `Retry-After`.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

PACED_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update"})
SECONDS_PER_MESSAGE = 1.0


class PacedClient(AsyncWebClient):
    def __init__(
        self, *args: Any, seconds_per_message: float = SECONDS_PER_MESSAGE, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._interval = seconds_per_message
        self._next_slot: dict[str, float] = {}

    async def api_call(self, api_method: str, **kwargs: Any) -> AsyncSlackResponse:  # type: ignore[override]
        if api_method in PACED_METHODS:
            args = kwargs.get("json") or kwargs.get("data") or kwargs.get("params") or {}
            channel = str(args.get("channel", "")) if isinstance(args, dict) else ""
            if channel:
                await self._wait_for_slot(channel)
        return await super().api_call(api_method, **kwargs)

    async def _wait_for_slot(self, channel: str) -> None:
        now = time.monotonic()
        slot = max(now, self._next_slot.get(channel, now))
        self._next_slot[channel] = slot + self._interval
        if slot > now:
            await asyncio.sleep(slot - now)
