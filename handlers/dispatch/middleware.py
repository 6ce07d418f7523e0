"""Middleware shared by every surface."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.control_chars import strip_controls_in
from bot.runtime.logs import REQUEST_ID
from bot.services import Services
from handlers.dispatch.router import Router

log = logging.getLogger("askaround.slack")


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
    async def rate_limited(
        req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        """Slack's `app_rate_limited` (not an event: no listener could take it): a workspace
        sent more than 30,000 events in an hour, and Slack drops them for the minute it names.
        Logged, for the people who run the bot, and answered 200."""
        if req.body.get("type") == "app_rate_limited":
            log.warning(
                "Slack is dropping events for workspace %s for the minute from %s",
                req.body.get("team_id"),
                req.body.get("minute_rate_limited"),
            )
            return BoltResponse(status=200, body="")
        await next()
        return None

    @router.app.middleware
    async def tag_logs(
        req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        REQUEST_ID.set(request_id(req.body))
        await next()
        return None
