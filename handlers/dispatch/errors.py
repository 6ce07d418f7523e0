"""The one error handler, for what middleware raises: a listener's errors never reach it
(the router's `friendly` wrapper answers them first, a bug included, since Bolt would lose a
listener's ack). A `UserError` gets its friendly reply; anything else is logged with its
traceback (not the request's text) and the person hears that something went wrong.

A slash command is told in the answer to its request, as a listener's refusal is: answered
500 after a message through its response_url, Slack showed "failed with the error
dispatch_failed" under it. Other requests keep the 500 (Slack sends an event again, and
keeps a modal open with what was typed)."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from handlers.blocks.elements import render_error
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
        response: BoltResponse,
    ) -> None:
        if not isinstance(error, UserError):
            log.error("unexpected %s in middleware", type(error).__name__, exc_info=error)
            error = UserError(SOMETHING_WENT_WRONG)
        if body.get("command"):
            answer_command(response, error)
            return
        try:
            await tell_user(error, body, respond, client)
        except Exception as telling:
            log.warning("could not tell the person: %s", type(telling).__name__)


def answer_command(response: BoltResponse, error: UserError) -> None:
    """The command's own answer says it, as a listener's ack would."""
    response.status = 200
    response.body = json.dumps(render_error(error))
    response.headers["content-type"] = ["application/json;charset=utf-8"]
