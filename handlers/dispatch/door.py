"""Slack's HTTP requests in, in order: the signature on the raw bytes (401, nothing parsed,
for a bad one), then the body parsed and its shape checked (400 for a signed body Slack would
not send), and only then Bolt. The bot's HTTP server and the in-process test tier both come
in through here, so what they hand Bolt is the same."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from handlers.dispatch.shape import Malformed, RawSignature, parse

log = logging.getLogger("askaround.door")


class SlackDoor:
    def __init__(self, app: AsyncApp, signing_secret: str) -> None:
        self._app = app
        self._signature = RawSignature(signing_secret)

    async def answer(
        self, raw: bytes, headers: Mapping[str, str], query: str = ""
    ) -> tuple[BoltResponse, dict[str, Any] | None]:
        """Bolt's response, and the body it was given (None when it was refused first)."""
        if not self._signature.signed(raw, headers):
            return BoltResponse(status=401, body="invalid signature"), None
        try:
            body = parse(raw, content_type(headers))
        except Malformed as problem:
            log.warning("refused a signed request that Slack would not send: %s", problem)
            return BoltResponse(status=400, body="malformed request"), None
        # Verified and parsed: handed over in the shape Bolt takes a body in that is both
        # (its Socket Mode shape, as a replay is), so that Bolt does not parse it again.
        request = AsyncBoltRequest(
            body=body, query=query, headers=dict(headers.items()), mode="socket_mode"
        )
        return await self._app.async_dispatch(request), body


def content_type(headers: Mapping[str, str]) -> str | None:
    """The media type alone (`application/json`), as Bolt reads it."""
    for name, value in headers.items():
        if name.lower() == "content-type":
            return value.split(";")[0].strip()
    return None
