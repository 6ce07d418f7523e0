"""Work after the ack takes turns: at most `AFTER_ACK_AT_ONCE` listeners run past their ack.

Bolt starts every listener on the one event loop that also answers Slack. Under a burst, the
post-ack work of hundreds of requests (Slack calls, database writes, routing) would crowd the
loop's ready queue, and a new request's ack would wait behind all of it. Waiting for a turn
costs nothing, so the loop stays free to ack while the backlog is worked off in order.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

AFTER_ACK_AT_ONCE = 8


class Turn:
    """One listener's place in line: taken once its request is acked, given back at the end."""

    def __init__(self, gate: asyncio.Semaphore) -> None:
        self._gate = gate
        self._held = False

    async def take(self) -> None:
        if not self._held:
            await self._gate.acquire()
            self._held = True

    def give_back(self) -> None:
        if self._held:
            self._gate.release()
            self._held = False

    def after(self, ack: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        """`ack` as the listener calls it: answer Slack first, then wait for a turn."""

        async def ack_then_wait(*args: Any, **kwargs: Any) -> Any:
            answered = await ack(*args, **kwargs)
            await self.take()
            return answered

        return ack_then_wait
