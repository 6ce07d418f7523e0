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

from handlers import delivery_marks

PACED_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update"})
SECONDS_PER_MESSAGE = 1.0
MAX_WAIT_SECONDS = 3.0


class Paced(Exception):
    """The channel's next free slot is further off than is worth waiting for in line: the
    outbox puts the delivery back until then instead of holding a sender idle."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"channel busy for {seconds:.1f}s")
        self.seconds = seconds


class PacedClient(AsyncWebClient):
    def __init__(
        self, *args: Any, seconds_per_message: float = SECONDS_PER_MESSAGE, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._interval = seconds_per_message
        self._next_slot: dict[str, float] = {}

    async def api_call(self, api_method: str, **kwargs: Any) -> AsyncSlackResponse:  # type: ignore[override]
        args = kwargs.get("json") or kwargs.get("data") or kwargs.get("params") or {}
        if not isinstance(args, dict):
            args = {}
        attempt = delivery_marks.CURRENT.get()
        if api_method == "chat.postMessage" and attempt is not None:
            if attempt.retry and (earlier := await self._posted_before(args, attempt.key)):
                return earlier
            args.setdefault("metadata", delivery_marks.mark(attempt.key))
        if api_method in PACED_METHODS:
            channel = str(args.get("channel", ""))
            if channel:
                await self._wait_for_slot(channel)
        return await super().api_call(api_method, **kwargs)

    async def _posted_before(self, args: dict[str, Any], key: str) -> AsyncSlackResponse | None:
        """The message an earlier attempt of this delivery posted, answered as if just posted."""
        channel, thread_ts = str(args.get("channel", "")), args.get("thread_ts")
        if not channel:
            return None
        if thread_ts:
            found = await self.conversations_replies(
                channel=channel, ts=str(thread_ts), include_all_metadata=True
            )
        else:
            found = await self.conversations_history(
                channel=channel, limit=delivery_marks.LOOKBACK, include_all_metadata=True
            )
        message = delivery_marks.find_mark(list(found.get("messages") or []), key)
        if message is None:
            return None
        found.data = {"ok": True, "channel": channel, "ts": message["ts"], "message": message}
        return found

    async def _wait_for_slot(self, channel: str) -> None:
        now = time.monotonic()
        slot = max(now, self._next_slot.get(channel, now))
        if slot - now > MAX_WAIT_SECONDS:
            raise Paced(slot - now)
        self._next_slot[channel] = slot + self._interval
        if slot > now:
            await asyncio.sleep(slot - now)
