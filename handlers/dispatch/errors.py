"""The one error handler: what a listener did not expect is logged with its traceback.

A `UserError` normally never reaches it (the router's `friendly` wrapper answers it first);
it still gets a friendly reply here, for errors raised by middleware."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from handlers.dispatch.friendly import tell_user
from handlers.dispatch.router import Router

log = logging.getLogger("askaround.errors")


def register(router: Router, services: object) -> None:
    @router.app.error
    async def on_error(
        error: Exception,
        body: dict[str, Any],
        respond: AsyncRespond | None,
        client: AsyncWebClient,
    ) -> None:
        if isinstance(error, UserError):
            await tell_user(error, body, respond, client)
            return
        log.error("unhandled error in a listener", exc_info=error)
