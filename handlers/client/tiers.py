"""Slack's rate-limit tiers for the Web API methods the outbox calls, and a token bucket per
method that keeps a workspace's calls within them.

Slack limits most methods per method, per app, per workspace, in tiers of about 1, 20, 50 and
100 calls a minute, with bursts tolerated; going over is answered with a 429 and
`Retry-After`. Staying under keeps those 429s for the exception. Tiers are from
docs.slack.dev/apis/web-api/rate-limits and each method's page (docs.slack.dev/reference/methods/…).

"Special" methods have rules of their own and no bucket here: chat.postMessage (about one
message a second per channel, which `PacedClient` keeps), chat.getPermalink and auth.test
("hundreds of requests per minute"). Methods missing from the table are not limited.

conversations.history and conversations.replies are Tier 3 for internal and Marketplace apps
but one call a minute (and 15 messages a page) for apps distributed outside the Marketplace;
such a deployment passes its own `Allowance` for them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

PER_MINUTE_BY_TIER: dict[int, int] = {1: 1, 2: 20, 3: 50, 4: 100}

TIER_BY_METHOD: dict[str, int] = {
    "chat.update": 3,
    "chat.delete": 3,
    "chat.postEphemeral": 4,
    "conversations.open": 3,
    "conversations.info": 3,
    "conversations.history": 3,
    "conversations.replies": 3,
    "conversations.members": 4,
    "users.conversations": 3,
    "users.info": 4,
    "users.list": 2,
    "users.lookupByEmail": 3,
    "views.publish": 4,
    "views.open": 4,
    "views.update": 4,
    "views.push": 4,
    "files.getUploadURLExternal": 4,
    "files.completeUploadExternal": 4,
}
SPECIAL_METHODS = frozenset({"chat.postMessage", "chat.getPermalink", "auth.test"})


@dataclass(frozen=True)
class Allowance:
    """Calls a minute on average, and how many may go at once after a quiet spell."""

    per_minute: float
    burst: float


def tier_allowance(tier: int) -> Allowance:
    """A tier's allowance, with a burst of ten seconds' worth: Slack tolerates bursts but does
    not say how large, and a tenth of a minute is within any reading of "occasional"."""
    per_minute = PER_MINUTE_BY_TIER[tier]
    return Allowance(per_minute, burst=max(1, per_minute // 6))


ALLOWANCES: dict[str, Allowance] = {
    method: tier_allowance(tier) for method, tier in TIER_BY_METHOD.items()
}


class TokenBucket:
    """`allowance.per_minute` tokens a minute, holding at most `allowance.burst`.

    A token may be taken before it has refilled: the bucket goes into debt, so the next
    caller's wait already counts the calls promised before it and calls go out evenly spaced.
    """

    def __init__(self, allowance: Allowance, clock: Callable[[], float]) -> None:
        self._per_second = allowance.per_minute / 60.0
        self._burst = allowance.burst
        self._clock = clock
        self._tokens = allowance.burst
        self._updated = clock()

    def wait(self) -> float:
        """Seconds until a token is free; 0 if one is free now."""
        self._refill()
        return max(0.0, (1 - self._tokens) / self._per_second)

    def take(self) -> None:
        """Take a token, free or promised: the caller waits `wait()` before calling Slack."""
        self._refill()
        self._tokens -= 1

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._per_second)
        self._updated = now


class MethodBuckets:
    """One bucket per rate-limited method, for one workspace's token.

    Kept in memory, per process: replicas sharing a workspace each keep their own count and
    can together go over a tier, which Slack answers with a 429 that the outbox waits out.
    """

    def __init__(
        self,
        allowances: Mapping[str, Allowance] = ALLOWANCES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._allowances = allowances
        self._clock = clock
        self._buckets: dict[str, TokenBucket] = {}

    def wait(self, method: str) -> float:
        """Seconds until `method` may be called; 0 for methods without a limit."""
        bucket = self._bucket(method)
        return bucket.wait() if bucket else 0.0

    def spacing(self, method: str) -> float:
        """Seconds between two calls to `method` at its allowance; 0 without a limit."""
        allowance = self._allowances.get(method)
        return 60.0 / allowance.per_minute if allowance else 0.0

    def take(self, method: str) -> None:
        """Count a call to `method` (due after `wait(method)` seconds)."""
        bucket = self._bucket(method)
        if bucket:
            bucket.take()

    def _bucket(self, method: str) -> TokenBucket | None:
        if method not in self._buckets:
            allowance = self._allowances.get(method)
            if allowance is None:
                return None
            self._buckets[method] = TokenBucket(allowance, self._clock)
        return self._buckets[method]
