"""Socket Mode: the websocket Slack pushes envelopes over when the app has no public URL.

apps.connections.open hands out a one-time ``ticket`` URL; the client connects, gets a
``hello``, then receives envelopes and must ack each ``envelope_id`` (optionally with a
response payload). Several connections may be open; each envelope goes to one of them.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web


@dataclass
class _Connection:
    number: int
    ws: web.WebSocketResponse
    pending: set[str] = field(default_factory=set)


class SocketHub:
    """The Socket Mode server side: tickets, live connections and pending acks."""

    def __init__(self, *, app_id: str) -> None:
        self.app_id = app_id
        self.opened = 0
        self._tickets: set[str] = set()
        self._connections: list[_Connection] = []
        self._pending: dict[str, asyncio.Future[dict[str, Any] | None]] = {}
        self._turn = 0
        self.failed_handshakes = 0  # the next ones to answer 503, their tickets used up
        self.max_connections = 10  # Slack's cap for one app; past it, `too_many_websockets`
        self.refused = 0

    @property
    def connected(self) -> int:
        return len(self._connections)

    def issue_url(self, ws_base: str) -> str:
        ticket = uuid.uuid4().hex
        self._tickets.add(ticket)
        return f"{ws_base}/link/?ticket={ticket}&app_id={self.app_id}"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        if ticket not in self._tickets:
            return web.Response(status=401, text="invalid_ticket")
        self._tickets.discard(ticket)
        if self.failed_handshakes > 0:
            self.failed_handshakes -= 1
            return web.Response(status=503, text="service_unavailable")
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        if len(self._connections) >= self.max_connections:
            return await self._refuse(ws)
        self.opened += 1
        connection = _Connection(self.opened, ws)
        self._connections.append(connection)
        await ws.send_json(self._hello())
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    self._on_text(message.data)
                elif message.type == WSMsgType.ERROR:
                    break
        finally:
            self._connections.remove(connection)
            for envelope_id in connection.pending:
                future = self._pending.get(envelope_id)
                if future is not None and not future.done():
                    future.set_exception(ConnectionError("socket closed before the ack"))
        return ws

    async def _refuse(self, ws: web.WebSocketResponse) -> web.WebSocketResponse:
        """A connection past the cap: `disconnect` with `too_many_websockets`, then the close
        (Slack serves it nothing; whether Slack closes it or leaves that to the app is not
        documented, and slack_sdk reconnects on the frame either way)."""
        self.refused += 1
        await ws.send_json(
            {
                "type": "disconnect",
                "reason": "too_many_websockets",
                "debug_info": {"host": "applink-emulator"},
            }
        )
        await ws.close(code=WSCloseCode.OK, message=b"too_many_websockets")
        return ws

    def _hello(self) -> dict[str, Any]:
        return {
            "type": "hello",
            "num_connections": len(self._connections),
            "debug_info": {
                "host": "applink-emulator",
                "build_number": 1,
                "approximate_connection_time": 18060,
            },
            "connection_info": {"app_id": self.app_id},
        }

    def _on_text(self, data: str) -> None:
        try:
            message = json.loads(data)
        except json.JSONDecodeError:
            return
        if not isinstance(message, dict):
            return
        future = self._pending.get(str(message.get("envelope_id")))
        if future is not None and not future.done():
            payload = message.get("payload")
            future.set_result(payload if isinstance(payload, dict) else None)

    async def send(
        self,
        envelope_type: str,
        payload: dict[str, Any],
        *,
        ack_timeout: float,
        accepts_response_payload: bool = False,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
    ) -> dict[str, Any] | None:
        """Send one envelope and wait for its ack; returns the ack's payload.

        Raises TimeoutError when no ack comes in time and ConnectionError when there is
        no connection or it closes first.
        """
        if not self._connections:
            raise ConnectionError("no Socket Mode connection")
        connection = self._connections[self._turn % len(self._connections)]
        self._turn += 1
        envelope_id = str(uuid.uuid4())
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "payload": payload,
            "type": envelope_type,
            "accepts_response_payload": accepts_response_payload,
        }
        if retry_attempt is not None:
            envelope.update(retry_attempt=retry_attempt, retry_reason=retry_reason or "")
        future: asyncio.Future[dict[str, Any] | None] = asyncio.get_running_loop().create_future()
        self._pending[envelope_id] = future
        connection.pending.add(envelope_id)
        try:
            await connection.ws.send_str(json.dumps(envelope))
            return await asyncio.wait_for(future, ack_timeout)
        finally:
            self._pending.pop(envelope_id, None)
            connection.pending.discard(envelope_id)

    async def disconnect_all(self, reason: str = "refresh_requested") -> None:
        """Send every client Slack's ``disconnect`` frame. ``refresh_requested`` (the
        connection's time is up: Slack closes it) and ``link_disabled`` (Socket Mode turned
        off for the app) are followed by the close; ``warning`` and ``too_many_websockets``
        leave the connection open."""
        message = {
            "type": "disconnect",
            "reason": reason,
            "debug_info": {"host": "applink-emulator"},
        }
        for connection in list(self._connections):
            if connection.ws.closed:
                continue
            await connection.ws.send_json(message)
            if reason in ("refresh_requested", "link_disabled"):
                await connection.ws.close(code=WSCloseCode.OK, message=reason.encode())

    async def refresh(self, warning_seconds: float = 10.0) -> None:
        """Slack's regular refresh of a connection: ``disconnect`` with reason ``warning``,
        then, ``warning_seconds`` later (about 10 s at Slack), ``refresh_requested`` and the
        close, on each connection open at the warning that is still open then."""
        warned = list(self._connections)
        message = {
            "type": "disconnect",
            "reason": "warning",
            "debug_info": {"host": "applink-emulator"},
        }
        for connection in warned:
            await connection.ws.send_json(message)
        await asyncio.sleep(warning_seconds)
        message["reason"] = "refresh_requested"
        for connection in warned:
            if connection in self._connections and not connection.ws.closed:
                await connection.ws.send_json(message)
                await connection.ws.close(code=WSCloseCode.OK, message=b"refresh_requested")

    async def close_all(self, message: bytes = b"emulator stopping") -> None:
        for connection in list(self._connections):
            await connection.ws.close(code=WSCloseCode.GOING_AWAY, message=message)
