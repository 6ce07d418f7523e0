"""Middleware shared by every surface."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
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

# How long after Slack failed to say whose the bot token is it is asked again, in the
# background: no request waits for that answer but the process's first.
ASK_AGAIN = timedelta(minutes=1)


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
        self,
        kept: KeptInstallations | None,
        *,
        one_workspace: AsyncWebClient | None = None,
        now: Callable[[], datetime],
    ) -> None:
        self.kept = kept
        # The app's client, with the bot token: what a request's client says of its token may
        # differ (a workflow step's request carries a token of its own).
        self.one_workspace = one_workspace
        self.another = AnotherWorkspace()
        # The minutes each workspace was said to be rate limited, newest last: Slack retries
        # a delivery it saw no answer to, and the same minute is news once.
        self.rate_limited: list[tuple[object, object]] = []

        self._now = now
        self._team: str | None = None
        self._asking: asyncio.Task[None] | None = None
        self._failed_at: datetime | None = None

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
        Slack cannot say (the token revoked by an uninstall: its event goes on). Asked once
        before an ack, by the process's first requests; after a failure, at most once a
        minute (`ASK_AGAIN`) in the background: a request that waited on it waited on a
        failing Slack's retries and their backoff, every request, for as long as it failed."""
        if self.one_workspace is None or self._team is not None:
            return self._team
        failed_at = self._failed_at
        if self._asking is None and (failed_at is None or self._now() >= failed_at + ASK_AGAIN):
            self._asking = asyncio.ensure_future(self._ask(self.one_workspace))
        if failed_at is None and self._asking is not None:  # the first ask, waited for
            await asyncio.shield(self._asking)
        return self._team

    async def _ask(self, client: AsyncWebClient) -> None:
        try:
            self._team = await team_of(client)
        except (SlackApiError, *NETWORK_FAILURES):
            self._failed_at = self._now()
        finally:
            self._asking = None

    @property
    def name(self) -> str:
        return "Prepared"


def register(router: Router, services: Services) -> None:
    one_workspace = None if services.settings.oauth else router.app.client
    prepared = Prepared(kept_for(router.app), one_workspace=one_workspace, now=services.clock.now)
    router.app.use(prepared)


def _uninstalling(body: dict[str, Any]) -> bool:
    """Slack's `app_uninstalled` or `tokens_revoked`: the workspace's tokens are going."""
    event = body.get("event")
    kind = event.get("type") if isinstance(event, dict) else None
    return kind in ("app_uninstalled", "tokens_revoked")
