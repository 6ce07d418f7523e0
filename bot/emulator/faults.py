"""Injected Web API failures: rate limits, server errors, slow answers, Slack errors.

A seeded random makes "20% of calls fail" reproducible from run to run, so a flaky
resilience test points at the bot rather than at chance.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass
class Fault:
    """One rule: calls to ``method`` (or ``"*"``) fail this way, ``times`` times (None: always)."""

    method: str = "*"
    status: int | None = None
    error: str | None = None
    retry_after: int = 1
    delay: float = 0.0
    times: int | None = 1
    rate: float | None = None
    hits: int = 0
    applied: bool = False  # the call takes effect, then its answer fails (a lost answer)

    def matches(self, method: str) -> bool:
        return self.method in ("*", method) and (self.times is None or self.hits < self.times)

    @property
    def error_code(self) -> str:
        if self.error:
            return self.error
        if self.status == 429:
            return "ratelimited"
        return "fatal_error" if (self.status or 200) >= 500 else "request_failed"


class Faults:
    """The active fault rules, consulted once per Web API call."""

    def __init__(self, seed: int = 0) -> None:
        self.rules: list[Fault] = []
        self._random = random.Random(seed)

    def add(
        self,
        method: str = "*",
        *,
        status: int | None = None,
        error: str | None = None,
        retry_after: int = 1,
        delay: float = 0.0,
        times: int | None = 1,
        rate: float | None = None,
        applied: bool = False,
    ) -> Fault:
        """Add a rule; it needs a ``status``, an ``error`` code or a ``delay``.

        ``status=429`` answers ``ratelimited`` with a ``Retry-After`` header;
        ``status>=500`` answers ``fatal_error``; ``error="x"`` alone answers HTTP 200
        ``{"ok": false, "error": "x"}``; ``delay`` alone answers normally but late;
        ``rate`` fails only that share of the matching calls; ``applied`` lets the call take
        effect before its answer fails, as when Slack posted but the answer was lost.
        """
        if status is None and error is None and delay <= 0:
            raise ValueError("a fault needs a status, an error or a delay")
        if rate is not None and not 0 < rate <= 1:
            raise ValueError("rate must be in (0, 1]")
        fault = Fault(method, status, error, retry_after, delay, times, rate, applied=applied)
        self.rules.append(fault)
        return fault

    def clear(self) -> None:
        self.rules.clear()

    def take(self, method: str) -> Fault | None:
        """The fault this call suffers, if any; it counts as one of the rule's ``times``."""
        for fault in self.rules:
            if not fault.matches(method):
                continue
            if fault.rate is not None and self._random.random() >= fault.rate:
                continue
            fault.hits += 1
            return fault
        return None
