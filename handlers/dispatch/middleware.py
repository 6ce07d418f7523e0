"""Middleware shared by every surface."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.control_chars import strip_controls_in
from bot.runtime.logs import REQUEST_ID
from bot.services import Services
from handlers.dispatch.router import Router


def request_id(body: dict[str, Any]) -> str:
    """Slack's own id for what is being handled, so one request's log lines can be found."""
    return str(
        body.get("event_id")
        or body.get("trigger_id")
        or (body.get("container") or {}).get("message_ts")
        or body.get("command")
        or ""
    )


def register(router: Router, services: Services) -> None:
    @router.app.middleware
    async def without_control_chars(
        req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        """Before the inbox stores the request and before any listener reads it."""
        strip_controls_in(req.body)
        await next()
        return None

    @router.app.middleware
    async def tag_logs(
        req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        REQUEST_ID.set(request_id(req.body))
        await next()
        return None
