"""Socket Mode with the same shape check as HTTP mode (`handlers.dispatch.shape`).

An envelope whose payload is not a body Slack sends is acked, so that it is not delivered
again, and dropped with a warning that names what is wrong and not its text: Bolt never sees
it. slack_sdk itself reads a payload that is not an object as an error (an array) or as
`{"text": …}` (a string), so those are taken out of the envelope before it reads them.

slack_sdk answers every `disconnect` frame by opening a new connection, and the close that
follows `refresh_requested` by opening another: two apps.connections.open calls (Tier 1) and a
connection opened only to be dropped, each refresh. The frame is read as it arrives, before
that close, and turns the close's reconnect off: the frame's own reconnect is the one made.
For `link_disabled` (Socket Mode turned off for the app) reconnecting is wrong: the handler
stops asking, closes its client, logs one line and sets `link_disabled`, which ends
`askaround serve`.

apps.connections.open is asked here, not by slack_sdk, which logs each failed try (Slack's 5xx,
no answer) as ERROR lines with a traceback and asks again every 10 s, silently and for ever
even when Slack refuses the app-level token itself (invalid_auth, token_revoked…). Here a
failure that may pass is one WARNING line a try; a refused token is raised, so
`askaround serve` stops with a line naming SLACK_APP_TOKEN. A websocket handshake that fails
is tried again with a new URL: slack_sdk kept the used one-time URL for ever.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, cast

from aiohttp import (
    ClientSession,
    ClientWebSocketResponse,
    WSMessage,
    WSMsgType,
    WSServerHandshakeError,
)
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.handler import default_interval_calculator
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot.clock import wall_clock
from handlers.client.failures import (
    NETWORK_FAILURES,
    error_code,
    explained,
    is_transient,
    retry_after,
)
from handlers.dispatch.shape import Malformed, check

log = logging.getLogger("askaround.socket_mode")
MAX_CONNECTIONS = 10  # Slack's, for one app's Socket Mode connections


class CheckedSocketModeHandler(AsyncSocketModeHandler):
    def __init__(self, app: AsyncApp, app_token: str) -> None:
        super().__init__(app, app_token)
        self.link_disabled = asyncio.Event()
        self._closing: asyncio.Task[None] | None = None
        self.client.message_listeners.insert(0, self._take_out_odd_payloads)  # type: ignore[arg-type]
        # Read as the frame arrives, before the close that follows it could start a reconnect.
        self.client.on_message_listeners.insert(0, self._watch_for_disconnect)  # type: ignore[attr-defined]
        forward = self.client.run_message_listeners  # which reconnects on any `disconnect`

        async def run_message_listeners(message: dict[str, Any], raw: str) -> None:
            if _is_link_disabled(message):
                return
            if _is_too_many(message):
                if not await self._wait_for_room():
                    return
            else:
                _log_connection_count(message, self)
            await forward(message, raw)
            client: Any = self.client
            if message.get("type") == "disconnect" and not client.closed:
                client.auto_reconnect_enabled = client.default_auto_reconnect_enabled

        self.client.run_message_listeners = run_message_listeners  # type: ignore[method-assign, assignment]
        self.refused: SlackApiError | None = None
        self.too_many = 0  # `too_many_websockets` in a row, since a connection Slack kept
        self.connected_once = False
        self.client.issue_new_wss_url = self._issue_new_wss_url  # type: ignore[method-assign]
        self.client.aiohttp_client_session = _Session(  # type: ignore[assignment]
            self.client.aiohttp_client_session, self._ws_connect
        )

    async def _issue_new_wss_url(self) -> str:
        """apps.connections.open, asked until Slack opens a connection or refuses the token.

        slack_sdk logs each failed try as an ERROR line and a traceback, and a second ERROR
        line when it came from a `disconnect` frame, then waits 10 s; here it is one WARNING
        line naming the failure and a wait that grows from about a second, or Slack's
        `Retry-After`."""
        client = self.client
        tried = 0
        while True:
            wait: float | None = None
            try:
                answer = await client.web_client.apps_connections_open(app_token=client.app_token)
                return str(answer["url"])
            except SlackApiError as error:
                if not is_transient(error):  # the token itself: asking again will not help
                    self._refuse(error)
                    raise
                status, problem = error.response.status_code, explained(error)
                if status != 200 and not problem.startswith("HTTP"):
                    problem = f"HTTP {status} {problem}"
                if status == 429:
                    wait = retry_after(error.response.headers, wall_clock())
            except NETWORK_FAILURES as error:
                problem = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            await self._wait_to_ask_again(problem, tried, wait)
            tried += 1

    async def _wait_to_ask_again(self, problem: str, tried: int, wait: float | None) -> None:
        """One WARNING line, then the wait (about 1 s, doubling up to about 16 s, unless
        Slack said how long); cancelled if the client was closed meanwhile."""
        if wait is None:
            wait = default_interval_calculator.calculate_sleep_duration(min(tried, 5))
        log.warning(
            "Slack did not open a Socket Mode connection (%s); asking again in %.0f s",
            problem,
            wait,
        )
        await asyncio.sleep(wait)
        if self.client.closed:
            raise asyncio.CancelledError

    async def _wait_for_room(self) -> bool:
        """Slack's answer past its cap: one WARNING line, then the new connection at once the
        first time, as Slack's SDKs do, and after the backoff of `_wait_to_ask_again` when it
        comes again before a connection is kept (at the cap, reconnecting at once loops as
        fast as the network). False when the client was closed meanwhile."""
        self.too_many += 1
        wait = 0.0
        if self.too_many > 1:
            wait = default_interval_calculator.calculate_sleep_duration(min(self.too_many - 2, 5))
        log.warning(
            "Slack ended a Socket Mode connection: %d open for this app already "
            "(disconnect: too_many_websockets); opening a new one%s",
            MAX_CONNECTIONS,
            f" in {wait:.0f} s" if wait else "",
        )
        await asyncio.sleep(wait)
        return not self.client.closed

    async def _ws_connect(self, connect: Any, url: str, **options: Any) -> ClientWebSocketResponse:
        """The websocket handshake, with a new URL from apps.connections.open after each that
        fails: Slack's URL holds a one-time ticket, and slack_sdk tried the same one again
        every 10 s, refused each time (a traceback each), and never connected again."""
        tried = 0
        while True:
            try:
                return cast(ClientWebSocketResponse, await connect(url, **options))
            except WSServerHandshakeError as error:
                problem = f"the websocket answered HTTP {error.status}"
            except NETWORK_FAILURES as error:
                problem = f"the websocket: {type(error).__name__}"
            await self._wait_to_ask_again(problem, tried, None)
            url = self.client.wss_uri = await self._issue_new_wss_url()
            tried += 1

    def _refuse(self, error: SlackApiError) -> None:
        self.refused = error
        self.client.closed = True  # ends slack_sdk's connect loop
        if self.connected_once:  # revoked while serving: stop, as link_disabled
            log.error(
                "Slack refused SLACK_APP_TOKEN (%s) when reconnecting; stopping",
                error_code(error),
            )
            self.link_disabled.set()

    async def connect_async(self) -> None:
        await super().connect_async()
        if self.refused is not None:
            raise self.refused
        self.connected_once = True

    async def _watch_for_disconnect(self, message: WSMessage) -> None:
        if message.type != WSMsgType.TEXT or self.link_disabled.is_set():
            return
        if "disconnect" not in message.data:  # every envelope: read only those naming it
            return
        try:
            frame = json.loads(message.data)
        except ValueError:
            return
        if not isinstance(frame, dict) or frame.get("type") != "disconnect":
            return
        client: Any = self.client
        client.auto_reconnect_enabled = False  # the frame's own reconnect is the one made
        if not _is_link_disabled(frame):
            return
        client.default_auto_reconnect_enabled = False
        log.error(
            "Slack turned Socket Mode off for this app (disconnect: link_disabled); "
            "not reconnecting and stopping: turn Socket Mode on again, or unset "
            "SLACK_APP_TOKEN to take requests over HTTP"
        )
        self.link_disabled.set()
        # Its own task: closing the client cancels the task this listener runs in.
        self._closing = asyncio.ensure_future(self.client.close())

    async def close_async(self) -> None:
        if self._closing is not None:
            await self._closing
        await super().close_async()

    async def _take_out_odd_payloads(
        self, client: AsyncBaseSocketModeClient, message: dict[str, Any], _raw: str | None
    ) -> None:
        if "payload" in message and not isinstance(message["payload"], dict):
            del message["payload"]  # an envelope without a payload reaches no request listener
            await refuse(client, message.get("envelope_id"), "the payload is not an object")

    async def handle(self, client: AsyncBaseSocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        try:
            check(req.payload)
        except Malformed as problem:
            await refuse(client, req.envelope_id, str(problem))
            return
        await super().handle(client, req)  # type: ignore[arg-type]


class _Session:
    """slack_sdk's aiohttp session for Socket Mode, its `ws_connect` through
    `CheckedSocketModeHandler._ws_connect` (aiohttp warns when a session's own attribute is
    set). slack_sdk uses only `closed`, `close` and `ws_connect` of it."""

    def __init__(self, session: ClientSession, ws_connect: Any) -> None:
        self._session = session
        self._ws_connect = ws_connect

    @property
    def closed(self) -> bool:
        return self._session.closed

    async def close(self) -> None:
        await self._session.close()

    async def ws_connect(self, url: str, **options: Any) -> ClientWebSocketResponse:
        return cast(
            ClientWebSocketResponse,
            await self._ws_connect(self._session.ws_connect, url, **options),
        )


async def refuse(client: AsyncBaseSocketModeClient, envelope_id: object, problem: str) -> None:
    log.warning("dropped a Socket Mode envelope that Slack would not send: %s", problem)
    if isinstance(envelope_id, str) and envelope_id:
        await client.send_socket_mode_response(SocketModeResponse(envelope_id=envelope_id))


def _log_connection_count(frame: dict[str, Any], handler: CheckedSocketModeHandler) -> None:
    """One line a connection from its `hello`: how many Slack counts open for the app and when
    it will refresh this one; a WARNING at Slack's cap. Slack counts connections it has not
    yet seen closed (a replica killed, a network that dropped the close), gives envelopes to
    them too, and ends connections past its cap (`too_many_websockets`). A connection under
    the cap ends a run of those: the next is answered at once again."""
    count = frame.get("num_connections")
    if frame.get("type") != "hello" or not isinstance(count, int):
        return
    if count <= MAX_CONNECTIONS:
        handler.too_many = 0
    debug = frame.get("debug_info")
    seconds = debug.get("approximate_connection_time") if isinstance(debug, dict) else None
    refresh = ""
    if isinstance(seconds, int | float) and not isinstance(seconds, bool):
        refresh = f"; Slack refreshes it in about {seconds / 60:.0f} min"
    if count < MAX_CONNECTIONS:
        log.info("Socket Mode connection open, %d for this app%s", count, refresh)
        return
    log.warning(
        "Socket Mode connection open, %d for this app: at Slack's limit of %d, it ends new "
        "ones (too_many_websockets); run fewer replicas, or wait for connections Slack has "
        "not seen closed to expire",
        count,
        MAX_CONNECTIONS,
    )


def _is_too_many(frame: dict[str, Any]) -> bool:
    return frame.get("type") == "disconnect" and frame.get("reason") == "too_many_websockets"


def _is_link_disabled(frame: object) -> bool:
    return (
        isinstance(frame, dict)
        and frame.get("type") == "disconnect"
        and frame.get("reason") == "link_disabled"
    )
