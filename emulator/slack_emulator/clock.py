"""The time Slack keeps its limits by: real by default, or a fake clock a test moves.

The emulator reads the time for its rate limits and the moment it records each call, and
waits for slow answers and retries. A test that drives both the app's paced client and the
emulator with one ``FakeClock`` checks Slack's pace and ``Retry-After`` without waiting for
them: ``sleep`` moves the fake time forward and only yields to the loop.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol


class Clock(Protocol):
    def time(self) -> float:
        """Seconds since the epoch, as ``time.time``."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back; only differences mean anything."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Come back ``seconds`` later on this clock."""
        ...


class RealClock:
    def time(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class FakeClock:
    """Time that moves only when someone sleeps on it or moves it on.

    ``sleep(s)`` moves the time ``s`` forward and yields once, so nothing waits in real
    time; waits by several tasks add up rather than overlap, which keeps every wait at least
    as long as it asked for.
    """

    def __init__(self, start: float | None = None) -> None:
        self._epoch = time.time() if start is None else start
        self._elapsed = 0.0

    def time(self) -> float:
        return self._epoch + self._elapsed

    def monotonic(self) -> float:
        return 1_000.0 + self._elapsed

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go back")
        self._elapsed += seconds

    async def sleep(self, seconds: float) -> None:
        self.advance(max(0.0, seconds))
        await asyncio.sleep(0)


REAL_CLOCK = RealClock()
