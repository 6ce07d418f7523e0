"""The Web API endpoint: ``/api/<method>``, as slack_sdk's clients call it.

Every request is authenticated, possibly faulted, answered by a method handler and
recorded, in that order, so that tests see exactly what the bot asked and was told.
``api.test`` and ``oauth.v2.access`` take no token, as on Slack.
"""

from __future__ import annotations

import base64
import binascii
import copy
import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

from . import api_chat, api_directory, api_files, api_views
from .api_base import ApiContext, Args, Handler, SlackError
from .clock import REAL_CLOCK, Clock
from .faults import DROPPED, PAGES, Faults, without
from .lean import lean
from .monitor import Monitor
from .oauth import OAuth
from .recorded import recorded
from .records import ApiCall

HANDLERS: dict[str, Handler] = {
    **api_chat.HANDLERS,
    **api_directory.HANDLERS,
    **api_files.HANDLERS,
    **api_views.HANDLERS,
}
APP_TOKEN_METHODS = frozenset({"apps.connections.open"})
TOKENLESS_METHODS = frozenset({"api.test", "oauth.v2.access"})
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
    """Answers ``/api/{method}`` requests from the bot.

    A bot token names its workspace: ``contexts`` finds the workspace a token was issued to
    (None for a token no installed workspace has), so each call sees only that workspace.
    """

    def __init__(
        self,
        contexts: Callable[[str], ApiContext | None],
        *,
        app_context: ApiContext,
        app_token: str | None,
        oauth: OAuth,
        faults: Faults,
        monitor: Monitor,
        clock: Clock = REAL_CLOCK,
    ) -> None:
        self.contexts = contexts
        self.app_context = app_context
        self.app_token = app_token
        self.oauth = oauth
        self.faults = faults
        self.monitor = monitor
        self.clock = clock

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        with self.monitor.busy():
            args = await read_args(request)
            if method in TOKENLESS_METHODS:
                status, body, team_id = self._tokenless(method, args, request)
                headers: dict[str, str] = {}
            else:
                token = _bearer(request) or args.get("token")
                ctx, refusal = self._context(method, token)
                team_id = ctx.ws.team_id if ctx and method not in APP_TOKEN_METHODS else None
                org = self.oauth.org_auth_test(token) if method == "auth.test" else None
                if org is not None:  # an org-wide install's token: only auth.test answers it
                    status, body, headers = 200, org, {}
                elif ctx is None:
                    status, body, headers = _refused(method, refusal)
                else:
                    status, body, headers = await self.answer(method, ctx, args)
            call = ApiCall(
                method,
                _recorded(args),
                body.get("ok") is True,
                body,
                status,
                self.clock.time(),
                team_id,
                connection=_peer(request),
            )
            self.monitor.record(call)
        if status == DROPPED:
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=500)  # never sent: the connection is gone
        page = headers.pop("Content-Type", None)
        if page is not None:
            return web.Response(text=PAGES[page], status=status, content_type=page, headers=headers)
        return web.json_response(body, status=status, headers=headers)

    async def answer(
        self, method: str, ctx: ApiContext, args: Args
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        handler = HANDLERS[method]
        channel = args.get("channel")
        fault = self.faults.take(method, channel if isinstance(channel, str) else None)
        if fault is not None:
            if fault.held is not None:
                await fault.held.wait()
            if fault.delay > 0:
                await self.clock.sleep(fault.delay)
            if fault.applied:
                try:
                    handler(ctx, args)
                except SlackError:
                    pass  # failed for real: the fault's answer below says it failed anyway
            if fault.dropped:
                return DROPPED, {"ok": False}, {}
            if fault.status is not None or fault.error is not None:
                status = fault.status or 200
                headers = {"Retry-After": str(fault.retry_after)} if status == 429 else {}
                if fault.page is not None:
                    headers["Content-Type"] = fault.page
                return status, {"ok": False, "error": fault.error_code, **fault.extra}, headers
        try:
            body = handler(ctx, args)
        except SlackError as exc:
            return exc.status, exc.body(), {}
        if method in self.faults.recorded:
            body = recorded(method, self.faults.recorded[method], body)
        if self.faults.lean:
            body = lean(method, body)
        if fault is not None and fault.omit:
            body = copy.deepcopy(body)
            for path in fault.omit:
                without(body, path)
        return 200, body, {}

    def _context(self, method: str, token: str | None) -> tuple[ApiContext | None, str]:
        """The workspace a call acts in, or why it is refused."""
        if method not in HANDLERS:
            return None, "unknown_method"
        if not token:
            return None, "not_authed"
        wants_app_token = method in APP_TOKEN_METHODS
        if self.app_token is not None and token == self.app_token:
            return (self.app_context, "") if wants_app_token else (None, "not_allowed_token_type")
        ctx = self.contexts(token)
        if ctx is None:
            return None, "invalid_auth"
        return (None, "not_allowed_token_type") if wants_app_token else (ctx, "")

    def _tokenless(
        self, method: str, args: Args, request: web.Request
    ) -> tuple[int, dict[str, Any], str | None]:
        if method == "api.test":
            return 200, {"ok": True, "args": _recorded(args)}, None
        credentials = _basic(request) or (args.get("client_id"), args.get("client_secret"))
        try:
            body = self.oauth.access(args, *credentials)
        except SlackError as exc:
            return exc.status, exc.body(), None
        named = body["team"] or body["enterprise"]  # an org-wide install names no workspace
        return 200, body, str(named["id"])


def _refused(method: str, refusal: str) -> tuple[int, dict[str, Any], dict[str, str]]:
    if refusal == "unknown_method":
        return 404, {"ok": False, "error": "unknown_method", "req_method": method}, {}
    return 200, {"ok": False, "error": refusal}, {}


def _basic(request: web.Request) -> tuple[str | None, str | None] | None:
    """slack_sdk sends oauth.v2.access's client id and secret as HTTP Basic auth."""
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        client_id, _, secret = base64.b64decode(header[6:].strip()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return client_id, secret


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return None


def _peer(request: web.Request) -> str | None:
    """The client's address and port: one per TCP connection, so reuse can be seen."""
    peer = request.transport.get_extra_info("peername") if request.transport else None
    return f"{peer[0]}:{peer[1]}" if peer else None
