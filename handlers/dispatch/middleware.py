"""Middleware shared by every surface."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.control_chars import strip_controls_in
from bot.runtime.logs import REQUEST_ID
from bot.services import Services
from handlers.client.installations import KeptInstallations, kept_for
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


class Prepared(AsyncMiddleware):
    """Every request, before the inbox stores it and before any listener reads it: control
    characters taken out of what people typed, Slack's `app_rate_limited` answered, and the
    log lines tagged with the request's id.

    One `AsyncMiddleware`, where it was three functions given to `app.middleware`: Bolt
    builds each such function its arguments (`build_async_required_kwargs`: about thirty
    entries and eight payload look-ups, every request), and takes a turn of its loop per
    middleware.

    In OAuth mode it also tells the installations Bolt's authorizer keeps
    (`handlers.client.installations`) of a workspace removing the app, as Slack says it.
    """

    def __init__(self, kept: KeptInstallations | None = None) -> None:
        self.kept = kept

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        strip_controls_in(req.body)
        if req.body.get("type") == "app_rate_limited":
            # Not an event (no listener could take it): a workspace sent more than 30,000
            # events in an hour, and Slack drops them for the minute it names. Logged, for
            # the people who run the bot, and answered 200.
            log.warning(
                "Slack is dropping events for workspace %s for the minute from %s",
                req.body.get("team_id"),
                req.body.get("minute_rate_limited"),
            )
            return BoltResponse(status=200, body="")
        if self.kept is not None and _uninstalling(req.body):
            self.kept.uninstalled(req.body.get("team_id"))
        REQUEST_ID.set(request_id(req.body))
        await next()
        return None

    @property
    def name(self) -> str:
        return "Prepared"


def register(router: Router, services: Services) -> None:
    router.app.use(Prepared(kept_for(router.app)))


def _uninstalling(body: dict[str, Any]) -> bool:
    """Slack's `app_uninstalled` or `tokens_revoked`: the workspace's tokens are going."""
    event = body.get("event")
    kind = event.get("type") if isinstance(event, dict) else None
    return kind in ("app_uninstalled", "tokens_revoked")
