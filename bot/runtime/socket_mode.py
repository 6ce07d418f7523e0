"""Socket Mode with the same shape check as HTTP mode (`handlers.dispatch.shape`).

An envelope whose payload is not a body Slack sends is acked, so that it is not delivered
again, and dropped with a warning that names what is wrong and not its text: Bolt never sees
it. slack_sdk itself reads a payload that is not an object as an error (an array) or as
`{"text": …}` (a string), so those are taken out of the envelope before it reads them.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from handlers.dispatch.shape import Malformed, check

log = logging.getLogger("askaround.socket_mode")


class CheckedSocketModeHandler(AsyncSocketModeHandler):
    def __init__(self, app: AsyncApp, app_token: str) -> None:
        super().__init__(app, app_token)
        self.client.message_listeners.insert(0, self._take_out_odd_payloads)  # type: ignore[arg-type]

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


async def refuse(client: AsyncBaseSocketModeClient, envelope_id: object, problem: str) -> None:
    log.warning("dropped a Socket Mode envelope that Slack would not send: %s", problem)
    if isinstance(envelope_id, str) and envelope_id:
        await client.send_socket_mode_response(SocketModeResponse(envelope_id=envelope_id))
