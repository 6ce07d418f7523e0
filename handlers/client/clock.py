"""The clock Slack's pace is kept by: real time in the bot, fake time in tests.

Keeping one message a second per channel and each method within its tier means reading the
time and waiting; a test given a clock whose `sleep` only moves its time forward checks the
same spacing without waiting for it (the tier-b tests, `slack_emulator.FakeClock`).
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol


class PaceClock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes back; only differences mean anything."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Come back `seconds` later on this clock."""
        ...


class RealClock:
    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


REAL_CLOCK = RealClock()
