"""Sending events, slash commands and interactions to the bot, as Slack does.

Over 300 lines on purpose: the three transports (HTTP, Socket Mode, in process) share Slack's
retry and timeout rules here.

Over HTTP every request is signed (``v0=`` HMAC-SHA256 of ``v0:{timestamp}:{body}``)
and must be answered with a 2xx within the ack timeout. Only the Events API is
retried (up to three more times, same ``event_id``, with ``X-Slack-Retry-Num`` and
``X-Slack-Retry-Reason``); a late or failed command or interaction is just a failure.
When a Socket Mode client is connected, deliveries go over its websocket instead; when the
app runs in the test's own process (``in_process``), the same signed request is handed to a
callable, with no socket in between.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote, urlencode

import aiohttp

from .clock import REAL_CLOCK, Clock
from .monitor import Monitor
from .socket_mode import SocketHub

DeliveryKind = Literal["event", "command", "interaction", "url_verification"]
Transport = Literal["http", "socket", "in_process"]
# The app in this process: given the headers and body Slack would POST, its answer's status,
# body and headers, as its HTTP endpoint would have answered.
InProcessApp = Callable[[dict[str, str], str], Awaitable[tuple[int, str, Mapping[str, str]]]]
USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)"
_ENVELOPE_TYPES = {"event": "events_api", "command": "slash_commands", "interaction": "interactive"}


@dataclass
class Attempt:
    """One try at delivering: over which transport, what came back, how long it took."""

    retry_num: int
    transport: Transport
    status: int | None
    body: str
    error: str | None
    elapsed: float
    retry_reason: str | None = None
    no_retry: bool = False

    @property
    def acked(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


@dataclass
class Delivery:
    """Something Slack sent the bot, with every attempt and the bot's answer."""

    kind: DeliveryKind
    payload: dict[str, Any]
    attempts: list[Attempt] = field(default_factory=list)
    result: Any = None

    @property
    def ok(self) -> bool:
        return bool(self.attempts) and self.attempts[-1].acked

    @property
    def status(self) -> int | None:
        return self.attempts[-1].status if self.attempts else None

    @property
    def response(self) -> dict[str, Any] | None:
        """The bot's ack body (HTTP) or ack payload (Socket Mode), parsed like Slack does."""
        for attempt in reversed(self.attempts):
            if attempt.acked:
                return parse_response(attempt.body)
        return None

    @property
    def event_id(self) -> str | None:
        return self.payload.get("event_id")

    @property
    def retried(self) -> bool:
        return len(self.attempts) > 1


def sign(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def encode(kind: DeliveryKind, payload: dict[str, Any]) -> tuple[str, str]:
    """Content type and body: JSON for events, forms for commands and interactions."""
    if kind == "command":
        return "application/x-www-form-urlencoded", urlencode(payload)
    if kind == "interaction":
        return "application/x-www-form-urlencoded", "payload=" + quote(json.dumps(payload))
    return "application/json", json.dumps(payload)


def parse_response(body: str) -> dict[str, Any] | None:
    if not body.strip():
        return None
    if body.lstrip().startswith("{"):
        try:
            parsed = json.loads(body)
            return parsed if isinstance(parsed, dict) else None
        except json.JSONDecodeError:
            pass
    return {"text": body}


class Deliverer:
    """Delivers payloads to the bot in process when it is given one, over Socket Mode when
    connected, else over HTTP."""

    def __init__(
        self,
        *,
        signing_secret: str,
        ack_timeout: float,
        retry_delays: tuple[float, ...],
        sockets: SocketHub,
        monitor: Monitor,
        clock: Clock = REAL_CLOCK,
    ) -> None:
        self.signing_secret = signing_secret
        self.ack_timeout = ack_timeout
        self.retry_delays = retry_delays
        self.request_url: str | None = None
        self.in_process: InProcessApp | None = None
        self.clock = clock
        self.sockets = sockets
        self.monitor = monitor
        self.deliveries: list[Delivery] = []
        self._session: aiohttp.ClientSession | None = None
        self._late: set[asyncio.Task[tuple[int, str, Mapping[str, str]]]] = set()

    async def start(self) -> None:
        self._session = aiohttp.ClientSession()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def deliver(
        self, kind: DeliveryKind, payload: dict[str, Any], *, accepts_response: bool = False
    ) -> Delivery:
        """Deliver and, for events, retry as Slack does until acked or out of retries."""
        delivery = Delivery(kind, payload)
        self.deliveries.append(delivery)
        with self.monitor.busy():
            attempt = await self._attempt(delivery, 0, None, accepts_response)
            if kind == "event":
                for number, delay in enumerate(self.retry_delays, start=1):
                    if attempt.acked or attempt.no_retry:
                        break
                    await self.clock.sleep(delay)
                    attempt = await self._attempt(delivery, number, attempt.error, accepts_response)
        return delivery

    async def resend(
        self, original: Delivery, *, retry_num: int | None, reason: str, url: str | None = None
    ) -> Delivery:
        """Send the same payload once more, as a forced duplicate (no further retries)."""
        delivery = Delivery(original.kind, original.payload)
        self.deliveries.append(delivery)
        with self.monitor.busy():
            await self._attempt(
                delivery, retry_num or 0, reason if retry_num else None, False, url=url
            )
        return delivery

    async def _attempt(
        self,
        delivery: Delivery,
        retry_num: int,
        reason: str | None,
        accepts_response: bool,
        *,
        url: str | None = None,
    ) -> Attempt:
        if url is None and self.in_process is not None:
            attempt = await self._in_process(self.in_process, delivery, retry_num, reason)
        elif url is None and self.sockets.connected and delivery.kind != "url_verification":
            attempt = await self._over_socket(delivery, retry_num, reason, accepts_response)
        else:
            target = url or self.request_url
            if target is None:
                raise RuntimeError(
                    "the emulator has no request_url and no Socket Mode connection to reach the bot"
                )
            attempt = await self._over_http(delivery, retry_num, reason, target)
        delivery.attempts.append(attempt)
        return attempt

    def _signed(
        self, delivery: Delivery, retry_num: int, reason: str | None
    ) -> tuple[dict[str, str], str]:
        """The headers and body of Slack's POST. The timestamp is real time whatever the
        emulator's clock: the app checks it against its own."""
        content_type, body = encode(delivery.kind, delivery.payload)
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": content_type,
            "User-Agent": USER_AGENT,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": sign(self.signing_secret, timestamp, body),
        }
        if retry_num:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = reason or "http_error"
        return headers, body

    async def _in_process(
        self, app: InProcessApp, delivery: Delivery, retry_num: int, reason: str | None
    ) -> Attempt:
        """The HTTP request, signed the same, handed to the app without a socket. An app too
        slow to answer keeps working, as a server does after its client gave up."""
        headers, body = self._signed(delivery, retry_num, reason)
        started = time.monotonic()
        answering = asyncio.ensure_future(app(headers, body))
        done, _ = await asyncio.wait({answering}, timeout=self.ack_timeout)
        elapsed = time.monotonic() - started
        if not done:
            self._late.add(answering)
            answering.add_done_callback(self._late.discard)
            return Attempt(retry_num, "in_process", None, "", "http_timeout", elapsed, reason)
        status, text, answer_headers = answering.result()
        return Attempt(
            retry_num,
            "in_process",
            status,
            text,
            None if 200 <= status < 300 else "http_error",
            elapsed,
            reason,
            {k.lower(): v for k, v in answer_headers.items()}.get("x-slack-no-retry") == "1",
        )

    async def _over_http(
        self, delivery: Delivery, retry_num: int, reason: str | None, url: str
    ) -> Attempt:
        assert self._session is not None, "call start() first"
        headers, body = self._signed(delivery, retry_num, reason)
        started = time.monotonic()
        timeout = aiohttp.ClientTimeout(total=self.ack_timeout)
        try:
            async with self._session.post(
                url, data=body.encode(), headers=headers, timeout=timeout
            ) as resp:
                text = await resp.text()
                no_retry = resp.headers.get("X-Slack-No-Retry") == "1"
                error = None if 200 <= resp.status < 300 else "http_error"
                return Attempt(
                    retry_num,
                    "http",
                    resp.status,
                    text,
                    error,
                    time.monotonic() - started,
                    reason,
                    no_retry,
                )
        except TimeoutError:
            return Attempt(
                retry_num, "http", None, "", "http_timeout", time.monotonic() - started, reason
            )
        except aiohttp.ClientError:
            return Attempt(
                retry_num, "http", None, "", "connection_failed", time.monotonic() - started, reason
            )

    async def _over_socket(
        self, delivery: Delivery, retry_num: int, reason: str | None, accepts_response: bool
    ) -> Attempt:
        is_event = delivery.kind == "event"
        started = time.monotonic()
        try:
            payload = await self.sockets.send(
                _ENVELOPE_TYPES[delivery.kind],
                delivery.payload,
                ack_timeout=self.ack_timeout,
                accepts_response_payload=accepts_response,
                retry_attempt=retry_num if is_event else None,
                retry_reason=_socket_retry_reason(reason) if is_event else None,
            )
        except TimeoutError:
            return Attempt(
                retry_num, "socket", None, "", "timeout", time.monotonic() - started, reason
            )
        except ConnectionError:
            return Attempt(
                retry_num,
                "socket",
                None,
                "",
                "connection_failed",
                time.monotonic() - started,
                reason,
            )
        body = json.dumps(payload) if payload is not None else ""
        return Attempt(retry_num, "socket", 200, body, None, time.monotonic() - started, reason)


def _socket_retry_reason(reason: str | None) -> str:
    """An envelope's ``retry_reason``: Slack's HTTP reasons without their ``http_`` (an
    unacked envelope is retried for ``timeout``); empty on the first attempt."""
    return (reason or "").removeprefix("http_")
