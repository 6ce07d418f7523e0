"""Middleware shared by every surface."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.control_chars import strip_controls_in
from bot.runtime.logs import REQUEST_ID
from bot.services import Services
from handlers.client.failures import NETWORK_FAILURES
from handlers.client.identity import team_of
from handlers.client.installations import KeptInstallations, kept_for
from handlers.dispatch.another_workspace import NOT_HERE, AnotherWorkspace
from handlers.dispatch.router import Router

log = logging.getLogger("askaround.slack")
RATE_LIMITED_KEPT = 64  # minutes remembered, across workspaces, to say each once


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
    (`handlers.client.installations`) of a workspace removing the app, as Slack says it; run
    for one workspace with its bot token, it acks a request for another one and does nothing
    more (`handlers.dispatch.another_workspace`).
    """

    def __init__(
        self, kept: KeptInstallations | None = None, *, one_workspace: AsyncWebClient | None = None
    ) -> None:
        self.kept = kept
        # The app's client, with the bot token: what a request's client says of its token may
        # differ (a workflow step's request carries a token of its own).
        self.one_workspace = one_workspace
        self.another = AnotherWorkspace()
        # The minutes each workspace was said to be rate limited, newest last: Slack retries
        # a delivery it saw no answer to, and the same minute is news once.
        self.rate_limited: list[tuple[object, object]] = []

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        strip_controls_in(req.body)
        REQUEST_ID.set(request_id(req.body))
        ours = await self._ours()
        if ours is not None and self.another.elsewhere(req.body, ours):
            return BoltResponse(status=200, body=NOT_HERE if req.body.get("command") else "")
        if req.body.get("type") == "app_rate_limited":
            # Not an event (no listener could take it): a workspace sent more than 30,000
            # events in an hour, and Slack drops them for the minute it names. Logged, for
            # the people who run the bot, and answered 200.
            minute = (req.body.get("team_id"), req.body.get("minute_rate_limited"))
            log.log(
                logging.INFO if minute in self.rate_limited else logging.WARNING,
                "Slack is dropping events for workspace %s for the minute from %s",
                *minute,
            )
            self.rate_limited = [*self.rate_limited, minute][-RATE_LIMITED_KEPT:]
            return BoltResponse(status=200, body="")
        if self.kept is not None and _uninstalling(req.body):
            self.kept.uninstalled(req.body.get("team_id"))
        await next()
        return None

    async def _ours(self) -> str | None:
        """The workspace of the bot token, run for one workspace; None with OAuth, or when
        Slack cannot say (the token revoked by an uninstall: its event goes on)."""
        if self.one_workspace is None:
            return None
        try:
            return await team_of(self.one_workspace)
        except (SlackApiError, *NETWORK_FAILURES):
            return None

    @property
    def name(self) -> str:
        return "Prepared"


def register(router: Router, services: Services) -> None:
    one_workspace = None if services.settings.oauth else router.app.client
    router.app.use(Prepared(kept_for(router.app), one_workspace=one_workspace))


def _uninstalling(body: dict[str, Any]) -> bool:
    """Slack's `app_uninstalled` or `tokens_revoked`: the workspace's tokens are going."""
    event = body.get("event")
    kind = event.get("type") if isinstance(event, dict) else None
    return kind in ("app_uninstalled", "tokens_revoked")
