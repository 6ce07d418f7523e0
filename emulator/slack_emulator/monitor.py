"""The record of the bot's Web API calls, and knowing when the bot has gone quiet.

End-to-end tests cannot know when an asynchronous bot is done; they wait for a call
matching a predicate, or for a quiet period with nothing in flight.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .records import ApiCall


class Monitor:
    """Recorded calls plus a count of requests and deliveries still in progress."""

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self._in_flight = 0
        self._last_activity = time.monotonic()
        self._changed = asyncio.Event()

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def record(self, call: ApiCall) -> None:
        self.calls.append(call)
        self._touch()

    @contextmanager
    def busy(self) -> Iterator[None]:
        """Mark work in progress (an API request being answered, a delivery being made)."""
        self._in_flight += 1
        self._touch()
        try:
            yield
        finally:
            self._in_flight -= 1
            self._touch()

    def _touch(self) -> None:
        self._last_activity = time.monotonic()
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def wait_for(
        self,
        predicate: Callable[[ApiCall], bool],
        timeout: float = 5.0,  # noqa: ASYNC109 - the deadline is this test helper's point
        since: int = 0,
    ) -> ApiCall:
        """The first call from index ``since`` on that satisfies ``predicate``, waiting."""
        deadline = time.monotonic() + timeout
        index = since
        while True:
            while index < len(self.calls):
                call = self.calls[index]
                index += 1
                if predicate(call):
                    return call
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                seen = [c.method for c in self.calls[since:]]
                raise TimeoutError(
                    f"no matching Web API call within {timeout}s; calls since {since}: {seen}"
                )
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                pass

    async def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Return once nothing is in flight and no call arrived for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            idle_for = now - self._last_activity
            if self._in_flight == 0 and idle_for >= quiet:
                return
            if now >= deadline:
                raise TimeoutError(f"not settled after {timeout}s ({self._in_flight} in flight)")
            wait = 0.02 if self._in_flight else quiet - idle_for
            await asyncio.sleep(max(0.005, min(wait, deadline - now)))
