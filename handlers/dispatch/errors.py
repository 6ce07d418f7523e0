"""The one error handler, for what middleware raises: a listener's errors never reach it
(the router's `friendly` wrapper answers them first, a bug included, since Bolt would lose a
listener's ack). A `UserError` gets its friendly reply; anything else is logged with its
traceback (not the request's text) and the person hears that something went wrong.

A slash command is told in the answer to its request, as a listener's refusal is: answered
500 after a message through its response_url, Slack showed "failed with the error
dispatch_failed" under it. Other requests keep the 500 (Slack sends an event again, and
keeps a modal open with what was typed). An event's person is told only on Slack's last try
(`X-Slack-Retry-Num` 3, which Bolt also sets from a Socket Mode envelope's `retry_attempt`):
an earlier one's retry may work, and then "something went wrong" would be untrue."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from handlers.blocks.elements import render_error
from handlers.dispatch.friendly import SOMETHING_WENT_WRONG, tell_user
from handlers.dispatch.router import Router

log = logging.getLogger("askaround.errors")
# Slack sends an event that failed 3 times more; the last carries this retry number.
LAST_EVENT_RETRY = 3


def register(router: Router, services: object) -> None:
    @router.app.error
    async def on_error(
        error: Exception,
        body: dict[str, Any],
        request: AsyncBoltRequest,
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
        if body.get("type") == "event_callback" and _retry_num(request) < LAST_EVENT_RETRY:
            return
        try:
            await tell_user(error, body, respond, client)
        except Exception as telling:
            log.warning("could not tell the person: %s", type(telling).__name__)


def _retry_num(request: AsyncBoltRequest) -> int:
    said = request.headers.get("x-slack-retry-num") or ["0"]
    return int(said[0]) if said[0].isdigit() else 0


def answer_command(response: BoltResponse, error: UserError) -> None:
    """The command's own answer says it, as a listener's ack would."""
    response.status = 200
    response.body = json.dumps(render_error(error))
    response.headers["content-type"] = ["application/json;charset=utf-8"]
