"""Which failures of a Slack call are worth another try, told apart in one place."""

from __future__ import annotations

import math
import random
import traceback
from abc import ABC, abstractmethod
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import default_interval_calculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import wall_clock
from bot.reliability.delivery import TOKEN_REFUSED, TRANSIENT_ERRORS
from handlers.client.clock import REAL_CLOCK, PaceClock
from handlers.client.turn import asleep

# Failures on our side of the network: no connection, or no answer in time (aiohttp's
# timeouts are TimeoutError, asyncio's too).
NETWORK_FAILURES = (aiohttp.ClientError, TimeoutError)
# Where a conversation takes no more posts: archived, deleted, or the bot taken out of it.
CLOSED_TO_POSTS = frozenset({"is_archived", "channel_not_found", "not_in_channel"})
# What conversations.open answers about someone deactivated, no longer in the workspace (its
# plural too, as it names the `users` argument), hidden from the bot (another organisation's)
# or a bot: nobody the bot can message, whoever else it could.
USER_GONE = frozenset(
    {"user_disabled", "user_not_found", "users_not_found", "user_not_visible", "cannot_dm_bot"}
)
# Slack refusing the install rather than the call: its token, a scope it lacks, posting
# suspended by the workspace's admins (Enterprise Key Management), or an org-wide install not
# granted this workspace. Fixed by whoever runs the bot, not by posting elsewhere.
INSTALL_REFUSED = TOKEN_REFUSED | {"missing_scope", "ekm_access_denied", "team_access_not_granted"}
# Slack (or a stand-in for it) offering no such method, or not to a bot token: asked again,
# it answers the same, as it does an install refused.
METHOD_REFUSED = frozenset({"unknown_method", "not_allowed_token_type"})
# A trigger_id opens a view within 3 s of the person's click, never after.
TRIGGERED = ("views.open", "views.push")
TRIGGER_LIFE_SECONDS = 3
# The tries again after a 5xx that fit in a trigger's life: slack_sdk's backoff waits 0.5 s,
# then 1 s, each with up to 1 s of jitter, so a second retry could come after 3.5 s.
TRIGGER_RETRIES = 1
# What slack_sdk's server error handler tries again.
RETRIED_STATUSES = (500, 503)
# Slack may have posted before it failed: tried again only by `lookup.post_once`.
POSTS = "chat.postMessage"
# The wait when a 429's `Retry-After` says nothing we can read, as slack_sdk's own.
DEFAULT_RETRY_AFTER = 1.0


def error_code(error: SlackApiError) -> str | None:
    """Slack's error code; None when the answer was no JSON object (an HTML or plain-text
    page from a proxy in front of Slack, as its 502s and 503s can be)."""
    data = error.response.data
    code = data.get("error") if isinstance(data, dict) else None
    return str(code) if code else None


def explained(error: SlackApiError) -> str:
    """Slack's error code with what it says beside it for an operator: the scope a
    `missing_scope` needed, or why `invalid_blocks` refused the blocks."""
    code = error_code(error) or f"HTTP {error.response.status_code}"
    data = error.response.data
    if not isinstance(data, dict):
        return code
    if needed := needed_scope(error):
        return f"{code} (needs {needed})"
    messages = (data.get("response_metadata") or {}).get("messages") or []
    return f"{code} ({'; '.join(map(str, messages))})" if messages else code


def needed_scope(error: SlackApiError) -> str | None:
    """The scope a `missing_scope` said the install lacks (`im:write`), if it said."""
    data = error.response.data
    needed = data.get("needed") if isinstance(data, dict) else None
    return str(needed) if needed else None


def is_transient(error: SlackApiError) -> bool:
    """Rate limits, Slack's own failures and timeouts pass; anything else will fail again."""
    status = error.response.status_code
    return status == 429 or status >= 500 or error_code(error) in TRANSIENT_ERRORS


def refused_for_good(error: SlackApiError) -> bool:
    """Slack refusing the install (`INSTALL_REFUSED`) or the method itself (no such method,
    answered 200 or HTTP 404, or not with a bot token): nothing the person did, nothing a
    retry or another try of theirs changes."""
    code = error_code(error)
    return code in INSTALL_REFUSED | METHOD_REFUSED or error.response.status_code == 404


def method_of(error: SlackApiError) -> str:
    """The Web API method `error` answered (`views.open`), from the URL slack_sdk called."""
    return str(error.response.api_url or "").split("?")[0].rsplit("/", 1)[-1]


def out_of_reach(error: BaseException) -> bool:
    """Whether a call to Slack (slack_sdk's clients: the Web API, a response_url) failed on
    our side of the network: Slack never answered, which passes as its 5xx do. A timeout
    raised anywhere else (one of our own, a database's) is not Slack's."""
    return isinstance(error, NETWORK_FAILURES) and any(
        frame.f_globals.get("__name__", "").startswith("slack_sdk.")
        for frame, _line in traceback.walk_tb(error.__traceback__)
    )


class ReplyFailed(Exception):
    """A response_url answered with an error status; 429 and 5xx may pass, others will not
    (an expired or used-up URL answers 404)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"response_url answered {status}")
        self.status = status
        self.transient = status == 429 or status >= 500


class _WaitsOnClock(AsyncRetryHandler):
    """A slack_sdk retry handler whose wait before the next try is on `clock`: real time in
    the bot, the fake pace clock in tests, where slack_sdk's own waits in real time. A
    listener's turn is given back while it waits (`handlers.client.turn`)."""

    def __init__(self, max_retry_count: int, clock: PaceClock = REAL_CLOCK) -> None:
        super().__init__(max_retry_count)
        self.clock = clock

    def _seconds(self, state: RetryState, response: HttpResponse | None) -> float:
        return self.interval_calculator.calculate_sleep_duration(state.current_attempt)

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        state.next_attempt_requested = True
        await asleep(self.clock.sleep(self._seconds(state, response)))
        state.increment_current_attempt()


class _ByMethod(ABC):
    """A slack_sdk retry handler that decides by the call's method and Slack's answer."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        tried = state.current_attempt
        return response is not None and self.retries(_method(request), response, tried)

    @abstractmethod
    def retries(self, method: str, response: HttpResponse, tried: int) -> bool:
        """Whether a call of `method` that Slack answered with `response`, tried again
        `tried` times already, is tried again."""


class RateLimitRetries(_ByMethod, _WaitsOnClock, AsyncRateLimitErrorRetryHandler):
    """slack_sdk's wait for a 429's `Retry-After`, except where the wait outlives the call's
    trigger_id: that retry could only be refused (`expired_trigger_id`), so the 429 is
    raised at once and the person told Slack is busy rather than, later, that askaround was
    too slow."""

    def retries(self, method: str, response: HttpResponse, tried: int) -> bool:
        if response.status_code != 429:
            return False
        waits = retry_after(response.headers, wall_clock())
        return method not in TRIGGERED or waits < TRIGGER_LIFE_SECONDS

    def _seconds(self, state: RetryState, response: HttpResponse | None) -> float:
        """As slack_sdk waits: `Retry-After`, else 1 s, and up to a second more."""
        headers = {} if response is None else response.headers
        return retry_after(headers, wall_clock()) + random.random()


class ServerErrorRetries(_ByMethod, _WaitsOnClock, AsyncServerErrorRetryHandler):
    """slack_sdk's backoff after Slack's 500 or 503, except for a post: Slack sometimes posts
    and then fails, and the retry posted a second message. A listener's post is tried again
    by `handlers.client.lookup.post_once`, which looks for it first. A call with a trigger_id
    is tried again once only (`TRIGGER_RETRIES`): the backoff's second wait took the tries
    past the trigger's 3 s, where Slack answers `expired_trigger_id` and the person read that
    askaround was too slow, not that Slack was failing."""

    def retries(self, method: str, response: HttpResponse, tried: int) -> bool:
        if response.status_code not in RETRIED_STATUSES or method == POSTS:
            return False
        return method not in TRIGGERED or tried < TRIGGER_RETRIES


async def back_off(client: AsyncWebClient, tried: int) -> None:
    """Wait before a listener tries a call again itself after `tried` tries, as slack_sdk's
    handlers do, on the clock `client`'s retries wait on (real time in the bot, the fake pace
    clock in tests, where this waited in real time: 3.5 s or more for three tries), its turn
    given back meanwhile."""
    handlers = client.retry_handlers or []
    clock = next((h.clock for h in handlers if isinstance(h, _WaitsOnClock)), REAL_CLOCK)
    await asleep(clock.sleep(default_interval_calculator.calculate_sleep_duration(tried)))


def _method(request: HttpRequest) -> str:
    return request.url.split("?")[0].rsplit("/", 1)[-1]


def retry_after(headers: Mapping[str, Any], now: datetime) -> float:
    """The seconds a 429's `Retry-After` asks to wait: Slack sends seconds, but RFC 7231
    allows an HTTP date too and a proxy in front of Slack may send one (then the seconds
    from `now`, real time, until it). 1 s when there is none or it reads as neither."""
    said = _header(headers, "retry-after")
    if said is None:
        return DEFAULT_RETRY_AFTER
    try:
        seconds = float(said)
    except ValueError:
        try:
            when = parsedate_to_datetime(said)
        except (TypeError, ValueError):
            return DEFAULT_RETRY_AFTER
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        return max(0.0, (when - now).total_seconds())
    return seconds if math.isfinite(seconds) and seconds >= 0 else DEFAULT_RETRY_AFTER


def _header(headers: Mapping[str, Any], wanted: str) -> str | None:
    for name, value in headers.items():
        if name.lower() == wanted:
            return str(value[0] if isinstance(value, list) else value).strip()
    return None
