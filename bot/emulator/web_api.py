"""The Web API endpoint: ``/api/<method>``, as slack_sdk's clients call it.

Every request is authenticated, possibly faulted, answered by a method handler and
recorded, in that order, so that tests see exactly what the bot asked and was told.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from aiohttp import web

from . import api_chat, api_directory, api_files, api_views
from .api_base import ApiContext, Args, Handler, SlackError
from .faults import Faults
from .monitor import Monitor
from .records import ApiCall

HANDLERS: dict[str, Handler] = {
    **api_chat.HANDLERS,
    **api_directory.HANDLERS,
    **api_files.HANDLERS,
    **api_views.HANDLERS,
}
APP_TOKEN_METHODS = frozenset({"apps.connections.open"})
_JSON_ARGS = ("blocks", "attachments", "view", "files", "metadata")


async def read_args(request: web.Request) -> Args:
    """Query string, form fields and JSON body merged, as Slack accepts any of them."""
    args: Args = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            args.update(body)
    elif request.can_read_body:
        form = await request.post()
        for key, value in form.items():
            args[key] = value if isinstance(value, str) else getattr(value, "filename", "")
    return args


def _recorded(args: Args) -> Args:
    """Arguments as tests want to read them: no token, JSON arguments decoded."""
    result = {k: v for k, v in args.items() if k != "token"}
    for key in _JSON_ARGS:
        value = result.get(key)
        if isinstance(value, str) and value[:1] in ("[", "{"):
            try:
                result[key] = json.loads(value)
            except json.JSONDecodeError:
                pass
    return result


class WebApi:
    """Answers ``/api/{method}`` requests from the bot."""

    def __init__(
        self,
        ctx: ApiContext,
        *,
        bot_token: str,
        app_token: str | None,
        faults: Faults,
        monitor: Monitor,
    ) -> None:
        self.ctx = ctx
        self.bot_token = bot_token
        self.app_token = app_token
        self.faults = faults
        self.monitor = monitor

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        with self.monitor.busy():
            args = await read_args(request)
            token = _bearer(request) or args.get("token")
            status, body, headers = await self.answer(method, token, args)
            call = ApiCall(
                method, _recorded(args), body.get("ok") is True, body, status, time.time()
            )
            self.monitor.record(call)
        return web.json_response(body, status=status, headers=headers)

    async def answer(
        self, method: str, token: str | None, args: Args
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        handler = HANDLERS.get(method)
        if handler is None:
            return 404, {"ok": False, "error": "unknown_method", "req_method": method}, {}
        refusal = self._refusal(method, token)
        if refusal is not None:
            return 200, {"ok": False, "error": refusal}, {}
        fault = self.faults.take(method)
        if fault is not None:
            if fault.delay > 0:
                await asyncio.sleep(fault.delay)
            if fault.status is not None or fault.error is not None:
                status = fault.status or 200
                headers = {"Retry-After": str(fault.retry_after)} if status == 429 else {}
                return status, {"ok": False, "error": fault.error_code}, headers
        try:
            return 200, handler(self.ctx, args), {}
        except SlackError as exc:
            return exc.status, exc.body(), {}

    def _refusal(self, method: str, token: str | None) -> str | None:
        if not token:
            return "not_authed"
        wants_app_token = method in APP_TOKEN_METHODS
        if token == self.bot_token:
            return "not_allowed_token_type" if wants_app_token else None
        if self.app_token is not None and token == self.app_token:
            return None if wants_app_token else "not_allowed_token_type"
        return "invalid_auth"


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return None
