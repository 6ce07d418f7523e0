"""Injected Web API failures: rate limits, server errors, slow answers, Slack errors.

A seeded random makes "20% of calls fail" reproducible from run to run, so a flaky
resilience test points at the bot rather than at chance. Opt-in method rate limits answer a
method called faster than its tier allows with a 429, as Slack does.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .api_base import Paging

# What a rule names to fail or slow a POST to a response_url, which is not a Web API method
# (so "*" leaves it alone).
RESPONSE_URL = "response_url"
# The status recorded for a call whose connection was closed with no answer (`dropped`).
DROPPED = 0
# What a proxy in front of Slack answers with when Slack is down or overloaded: no JSON,
# even where it is labelled JSON.
PAGES = {
    "text/plain": "upstream connect error or disconnect/reset before headers. reset reason: "
    "overflow",
    "text/html": "<html><body><h1>503 Service Unavailable</h1></body></html>",
    # Labelled JSON but not JSON: a gateway's error said in its own words.
    "application/json": "upstream request timeout",
}


@dataclass
class Fault:
    """One rule: calls to ``method`` (or ``"*"``) fail this way, ``times`` times (None: always)."""

    method: str = "*"
    status: int | None = None
    error: str | None = None
    retry_after: int | str = 1  # seconds, or an HTTP date as a proxy may send
    delay: float = 0.0
    times: int | None = 1
    rate: float | None = None
    hits: int = 0
    applied: bool = False  # the call takes effect, then its answer fails (a lost answer)
    dropped: bool = False  # the connection is closed with no answer at all (the network)
    page: str | None = None  # answered with a page of this content type instead of JSON
    extra: dict[str, Any] = field(default_factory=dict)  # fields beside "error" (`needed`…)
    # Dotted paths left out of a successful answer ("user.tz", "channel.name"), as a Slack
    # that fills in fewer optional fields answers.
    omit: tuple[str, ...] = ()
    channel: str | None = None  # only calls naming this channel (one conversation failing)
    held: asyncio.Event | None = None  # answered only once a test sets it

    def matches(self, method: str, channel: str | None = None) -> bool:
        if self.channel is not None and channel != self.channel:
            return False
        named = self.method == method or (self.method == "*" and method != RESPONSE_URL)
        return named and (self.times is None or self.hits < self.times)

    @property
    def error_code(self) -> str:
        if self.error:
            return self.error
        if self.status == 429:
            return "ratelimited"
        return "fatal_error" if (self.status or 200) >= 500 else "request_failed"


@dataclass
class RateLimit:
    """A method's tier enforced: ``per_minute`` calls a minute, up to ``burst`` at once.

    A refused call takes no token, as a 429 does not count against Slack's limit."""

    per_minute: float
    burst: float
    tokens: float
    updated: float
    refused: int = 0

    def admit(self, now: float) -> float:
        """0 if the call may go (its token taken), else the seconds until a token is free."""
        per_second = self.per_minute / 60.0
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * per_second)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        self.refused += 1
        return (1 - self.tokens) / per_second


# The scope Slack names as `needed` when a method answers `missing_scope`.
SCOPES = {
    "users.info": "users:read",
    "users.list": "users:read",
    "users.lookupByEmail": "users:read.email",
    "conversations.info": "channels:read",
    "conversations.members": "channels:read",
    "users.conversations": "channels:read",
    "conversations.open": "im:write",
    "conversations.history": "channels:history",
    "conversations.replies": "channels:history",
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "chat.update": "chat:write",
    "chat.delete": "chat:write",
    "files.getUploadURLExternal": "files:write",
    "files.completeUploadExternal": "files:write",
    "team.info": "team:read",
}
# The ways a Slack (or a stand-in for it) refuses a method, by name, for `Faults.refuse`: it
# has no such method (answered 200 or 404), will not take a bot token for it, the install
# lacks its scope, it is busy (a 429 whose Retry-After outlasts a listener) or failing.
REFUSALS: dict[str, dict[str, Any]] = {
    "unknown_method": {"error": "unknown_method"},
    "http_404": {"status": 404, "error": "unknown_method"},
    "not_allowed_token_type": {"error": "not_allowed_token_type"},
    "missing_scope": {"error": "missing_scope"},
    "ratelimited": {"status": 429, "retry_after": 30},
    "http_500": {"status": 500},
}


class Faults:
    """The active fault rules, consulted once per Web API call; with ``lean`` set, successful
    answers carry only the fields `lean.KEPT` names; ``paging`` makes every paginated
    method's pages as small as Slack's docs allow (`api_base.Paging`); a method named in
    ``recorded`` is answered as Slack's recorded answer for it, given there, has it
    (`recorded.recorded`)."""

    def __init__(self, seed: int = 0, clock: Callable[[], float] = time.monotonic) -> None:
        self.rules: list[Fault] = []
        self.lean = False
        self.paging = Paging()
        self.recorded: dict[str, dict[str, Any]] = {}
        self.rate_limits: dict[str, RateLimit] = {}
        self._random = random.Random(seed)
        self._clock = clock

    def add(
        self,
        method: str = "*",
        *,
        status: int | None = None,
        error: str | None = None,
        retry_after: int | str = 1,
        delay: float = 0.0,
        times: int | None = 1,
        rate: float | None = None,
        applied: bool = False,
        page: str | None = None,
        extra: dict[str, Any] | None = None,
        omit: tuple[str, ...] = (),
        dropped: bool = False,
        channel: str | None = None,
        held: asyncio.Event | None = None,
    ) -> Fault:
        """Add a rule; it needs a ``status``, an ``error`` code or a ``delay``.

        ``status=429`` answers ``ratelimited`` with a ``Retry-After`` header;
        ``status>=500`` answers ``fatal_error``; ``error="x"`` alone answers HTTP 200
        ``{"ok": false, "error": "x"}``; ``delay`` alone answers normally but late;
        ``rate`` fails only that share of the matching calls; ``applied`` lets the call take
        effect before its answer fails, as when Slack posted but the answer was lost;
        ``page`` (a content type of ``PAGES``) answers a page instead of JSON, as a proxy in
        front of Slack does; ``extra`` adds fields to the error (``needed``, ``provided``,
        ``response_metadata``); ``omit`` alone answers normally but without those dotted
        paths of the answer (``"user.tz"``, ``"user.profile.real_name"``), each left out where
        present, a list's items each stripped of the rest of the path; ``dropped`` closes the
        connection with no answer, as a network failing between the app and Slack does (the
        client raises aiohttp's ``ServerDisconnectedError``); ``channel`` fails only the calls
        whose ``channel`` argument is that conversation; ``held`` alone answers normally once
        the test sets that event, so that it can act while the app waits on the call (``hits``
        says it has arrived). ``method="response_url"`` (only
        ``delay`` and ``status``) applies to the POSTs to response_urls.
        """
        if status is None and error is None and delay <= 0 and not omit and not dropped:
            if held is None:
                raise ValueError("a fault needs a status, an error, a delay, omit, drop or hold")
        if page is not None and page not in PAGES:
            raise ValueError(f"page must be one of {sorted(PAGES)}")
        if rate is not None and not 0 < rate <= 1:
            raise ValueError("rate must be in (0, 1]")
        fault = Fault(
            method,
            status,
            error,
            retry_after,
            delay,
            times,
            rate,
            applied=applied,
            page=page,
            extra=dict(extra or {}),
            omit=tuple(omit),
            dropped=dropped,
            channel=channel,
            held=held,
        )
        self.rules.append(fault)
        return fault

    def refuse(self, method: str, refusal: str, *, times: int | None = None) -> Fault:
        """``method`` answers as `REFUSALS` names (``missing_scope`` with the scope it
        needs, as Slack says it), ``times`` times (None: always)."""
        fault = dict(REFUSALS[refusal])
        if refusal == "missing_scope":
            fault["extra"] = {"needed": SCOPES.get(method, "commands"), "provided": "commands"}
        return self.add(method, times=times, **fault)

    def limit_rate(self, method: str, per_minute: float, burst: float = 1) -> RateLimit:
        """Answer calls to ``method`` beyond ``per_minute`` (and ``burst`` at once) with 429
        ``ratelimited`` and a ``Retry-After`` of the seconds until a call would go through."""
        if per_minute <= 0 or burst < 1:
            raise ValueError("a rate limit needs per_minute > 0 and burst >= 1")
        limit = RateLimit(per_minute, burst, tokens=burst, updated=self._clock())
        self.rate_limits[method] = limit
        return limit

    def clear(self) -> None:
        self.lean = False
        self.paging.size, self.paging.empty = 0, False
        self.recorded = {}
        self.rules.clear()
        self.rate_limits.clear()

    def take(self, method: str, channel: str | None = None) -> Fault | None:
        """The fault this call suffers, if any; it counts as one of the rule's ``times``."""
        limit = self.rate_limits.get(method)
        if limit is not None and (wait := limit.admit(self._clock())) > 0:
            return Fault(method, status=429, retry_after=max(1, math.ceil(wait)), hits=1)
        for fault in self.rules:
            if not fault.matches(method, channel):
                continue
            if fault.rate is not None and self._random.random() >= fault.rate:
                continue
            fault.hits += 1
            return fault
        return None


def without(body: Any, path: str) -> None:
    """Leave the dotted ``path`` out of ``body``, in place; through a list, out of each item."""
    head, _, rest = path.partition(".")
    if isinstance(body, list):
        for item in body:
            without(item, path)
    elif isinstance(body, dict) and head in body:
        if rest:
            without(body[head], rest)
        else:
            del body[head]
