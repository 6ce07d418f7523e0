"""A Web API client that keeps Slack's pace: about one message a second per channel, and each
method within its rate-limit tier for the workspace (`tiers.py`).

Slack answers faster calls with 429s; waiting here first keeps the outbox's retries for real
failures. The pace is per process: replicas sharing a channel or a workspace can still trip a
429, which the outbox then waits out with `Retry-After`.

A person's DM with the bot keeps its id for good, so `conversations.open` for one person is
asked once per process: at Tier 3 (50 a minute), opening the DM before every message would
hold a burst of kudos to its first 50 recipients a minute.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from handlers.client import marks
from handlers.client.clock import REAL_CLOCK, PaceClock
from handlers.client.lookup import posted_before
from handlers.client.tiers import MethodBuckets

PACED_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update"})
SECONDS_PER_MESSAGE = 1.0
MAX_WAIT_SECONDS = 3.0
LONGEST_APPOINTMENT_SECONDS = 60.0


class Paced(Exception):
    """The channel's next free slot, or the method's next token, is further off than is worth
    waiting for in line: the outbox puts the delivery back until then instead of holding a
    sender idle."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"Slack's pace allows this call in {seconds:.1f}s")
        self.seconds = seconds


class PacedClient(AsyncWebClient):
    """One per workspace token, so that its buckets count that workspace's calls.

    It paces by overriding `api_call`, which every slack_sdk method (files_upload_v2's steps
    too) goes through; a wrapper would have to re-expose each method the outbox calls.
    """

    def __init__(
        self,
        *args: Any,
        seconds_per_message: float = SECONDS_PER_MESSAGE,
        tiers: MethodBuckets | None = None,
        clock: PaceClock = REAL_CLOCK,
        **kwargs: Any,
    ) -> None:
        # The outbox tries a failed call again itself, a post only once it has looked for
        # what the failed try posted (`marks`); slack_sdk's default handler sent a post again
        # at once when the connection dropped after Slack had posted it: a second message.
        kwargs.setdefault("retry_handlers", [])
        super().__init__(*args, **kwargs)
        self._clock = clock
        self._interval = seconds_per_message
        self._next_slot: dict[str, float] = {}
        self._last_answered: dict[str, float] = {}
        self._in_channel: dict[str, asyncio.Lock] = {}
        self._tiers = tiers or MethodBuckets(clock=clock.monotonic)
        self._appointments: dict[str, float] = {}
        self._dms: dict[str, str] = {}  # a person's DM channel (it never changes), by user id
        self._opening: dict[str, asyncio.Lock] = {}
        self._open_turn: dict[str, float] = {}

    async def api_call(self, api_method: str, **kwargs: Any) -> AsyncSlackResponse:  # type: ignore[override]
        args = kwargs.get("json") or kwargs.get("data") or kwargs.get("params") or {}
        if not isinstance(args, dict):
            args = {}
        if api_method == "conversations.open":
            return await self._open_dm(args, kwargs)
        attempt = marks.CURRENT.get()
        if api_method == "chat.postMessage" and attempt is not None:
            if attempt.retry and (earlier := await posted_before(self, args, attempt.key)):
                marks.posted_in_dm(args, earlier)
                return earlier
            args.setdefault("metadata", marks.mark(attempt.key))
        channel = str(args.get("channel", "")) if api_method in PACED_METHODS else ""
        await self._wait_for_turn(api_method, channel)
        if not channel:
            return await super().api_call(api_method, **kwargs)
        answer = await self._one_at_a_time(channel, api_method, kwargs)
        if api_method == "chat.postMessage" and attempt is not None:
            attempt.posted = True
            marks.posted_in_dm(args, answer)
        return answer

    async def _one_at_a_time(
        self, channel: str, api_method: str, kwargs: dict[str, Any]
    ) -> AsyncSlackResponse:
        """Send once the channel's previous call has been answered at least an interval ago.

        The slots of `_wait_for_turn` space calls as they leave; a slow first call (a new
        connection, a busy loop) could still reach Slack close behind the next one. Slack saw
        the previous call before it answered, so spacing from its answer always holds.
        """
        async with self._in_channel.setdefault(channel, asyncio.Lock()):
            since = self._clock.monotonic() - self._last_answered.get(channel, -self._interval)
            if since < self._interval:
                await self._clock.sleep(self._interval - since)
            try:
                return await super().api_call(api_method, **kwargs)
            finally:
                self._last_answered[channel] = self._clock.monotonic()

    async def _open_dm(self, args: dict[str, Any], kwargs: dict[str, Any]) -> AsyncSlackResponse:
        """A one-person DM from the cache, or opened and remembered; group DMs always open."""
        users = str(args.get("users", ""))
        one = users if users and "," not in users and not args.get("return_im") else ""
        if not one:
            await self._wait_for_turn("conversations.open", "")
            return await super().api_call("conversations.open", **kwargs)
        async with self._opening.setdefault(one, asyncio.Lock()):  # a burst to one person
            if one not in self._dms:
                # Messages to someone whose DM waits for its turn share that turn: each one
                # asking for a turn of its own would put the book far beyond the real queue.
                later = self._open_turn.get(one, 0.0) - self._clock.monotonic()
                if later > 0:
                    raise Paced(later)
                try:
                    await self._wait_for_turn("conversations.open", "")
                except Paced as paced:
                    self._open_turn[one] = self._clock.monotonic() + paced.seconds
                    raise
                opened = await super().api_call("conversations.open", **kwargs)
                self._dms[one] = str(opened["channel"]["id"])
                self._open_turn.pop(one, None)
                return opened
            return self._opened(self._dms[one])

    def _opened(self, channel: str) -> AsyncSlackResponse:
        """Slack's answer for a DM open already, made again from its id: kept whole (Slack's
        headers, the request), it held 2-5 KB for each person the bot ever wrote to."""
        return AsyncSlackResponse(
            client=self,
            http_verb="POST",
            api_url=f"{self.base_url}conversations.open",
            req_args={},
            data={"ok": True, "channel": {"id": channel}},
            headers={},
            status_code=200,
        )

    def dm_turn(self, user: str) -> tuple[float, Callable[[], None]]:
        """Seconds until a DM to `user` could be opened when `conversations.open` would turn
        it away now (0 when it could go now, or is open), and what books that turn for it as
        a call turned away books it. What the outbox asks of a delivery it is queueing; it
        books the turn only once the delivery is queued, not for one queued already."""
        if user in self._dms:
            return 0.0, _nothing
        now = self._clock.monotonic()
        if (later := self._open_turn.get(user, 0.0) - now) > 0:
            return later, _nothing  # their DM's turn, booked already: shared
        method = "conversations.open"
        if (wait := self._tiers.wait(method)) <= MAX_WAIT_SECONDS:
            return 0.0, _nothing
        at = self._next_appointment(method, now, wait, self._tiers.spacing(method))

        def book() -> None:
            self._appointments[method] = max(at, self._appointments.get(method, 0.0))
            self._open_turn[user] = at

        return at - now, book

    def _appointment(self, key: str, now: float, wait: float, spacing: float) -> Paced:
        """Paced, with a later time for each call turned away in a row. Told alike to come back
        at the next free turn, they would all come back together, one would get it and the
        rest would be turned away again: work growing with the square of the queue."""
        at = self._appointments[key] = self._next_appointment(key, now, wait, spacing)
        return Paced(at - now)

    def _next_appointment(self, key: str, now: float, wait: float, spacing: float) -> float:
        at = max(now + wait, self._appointments.get(key, 0.0) + spacing)
        # The book counts turn-aways, not distinct deliveries, so it can run ahead of the real
        # queue; capped, a delivery given a turn too late is only ever a minute late.
        return min(at, now + wait + LONGEST_APPOINTMENT_SECONDS)

    async def _wait_for_turn(self, method: str, channel: str) -> None:
        """Wait for the method's token and the channel's slot, or raise Paced taking neither:
        a turn given up must not keep later calls waiting."""
        now = self._clock.monotonic()
        slot = max(now, self._next_slot.get(channel, now)) if channel else now
        channel_wait, tier_wait = slot - now, self._tiers.wait(method)
        wait = max(channel_wait, tier_wait)
        if wait > MAX_WAIT_SECONDS:
            if tier_wait >= channel_wait:
                raise self._appointment(method, now, tier_wait, self._tiers.spacing(method))
            raise self._appointment(f"channel:{channel}", now, channel_wait, self._interval)
        self._tiers.take(method)
        if channel:
            self._next_slot[channel] = now + wait + self._interval
        if wait > 0:
            await self._clock.sleep(wait)


def _nothing() -> None:
    pass
