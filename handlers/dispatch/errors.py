"""The one error handler, for what middleware raises: a listener's errors never reach it
(the router's `friendly` wrapper answers them first, a bug included, since Bolt would lose a
listener's ack). A `UserError` gets its friendly reply; anything else is logged with its
traceback (not the request's text) and the person hears that something went wrong."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from handlers.dispatch.friendly import SOMETHING_WENT_WRONG, tell_user
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
        log.error("unexpected %s in middleware", type(error).__name__, exc_info=error)
        try:
            await tell_user(UserError(SOMETHING_WENT_WRONG), body, respond, client)
        except Exception as telling:
            log.warning("could not tell the person: %s", type(telling).__name__)
