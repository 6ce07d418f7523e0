"""The HTTP surface: Slack's endpoint, the OAuth install pages (in OAuth mode), health and
readiness checks, and Prometheus metrics.

Slack's endpoint comes in through `handlers.dispatch.door`: the signature on the raw bytes
first (401, nothing parsed), then the body's shape (400), then Bolt.
"""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_sdk.errors import SlackApiError

from bot.metrics import CONTENT_TYPE_LATEST
from bot.runtime.app import Askaround
from bot.runtime.refused import RefusedSignatures
from handlers.dispatch.door import SlackDoor
from storage.db import ping

SLACK_PATH = "/slack/events"


def listener_label(body: dict[str, Any]) -> str:
    """A low-cardinality name for what Slack sent: `/kudos`, `app_mention`, `offer_accept`…"""
    if body.get("command"):
        return str(body["command"])
    if body.get("type") == "event_callback":
        return str((body.get("event") or {}).get("type", "event"))
    actions = body.get("actions") or []
    if actions:
        return str(actions[0].get("action_id", "action"))
    if body.get("callback_id"):
        return str(body["callback_id"])
    view = body.get("view") or {}
    if view.get("callback_id"):
        return str(view["callback_id"])
    return str(body.get("type") or "other")


def build_web_app(bot: Askaround) -> web.Application:
    metrics = bot.services.metrics
    door = SlackDoor(bot.app, bot.settings.signing_secret)
    refused = RefusedSignatures()

    async def slack_events(request: web.Request) -> web.Response:
        started = time.perf_counter()
        raw = await request.read()
        answer, body = await door.answer(raw, request.headers, request.query_string)
        response = await to_aiohttp_response(answer)
        if answer.status == 401:
            refused.refused(request.headers)
        if body is not None:
            metrics.ack_seconds.labels(listener_label(body)).observe(time.perf_counter() - started)
        return response

    async def healthz(_request: web.Request) -> web.Response:
        """Liveness: the process answers; the database's state is reported alongside."""
        database_ok = await ping(bot.services.engine)
        return web.json_response(
            {"ok": database_ok, "database": "ok" if database_ok else "unreachable"},
            status=200 if database_ok else 503,
        )

    async def readyz(_request: web.Request) -> web.Response:
        """Readiness: take traffic only when the database and Slack answer and routing's
        indexes are built (`IndexCache.warm`, started with the process). In OAuth mode
        there may be no workspace yet to test a token with, only Slack itself."""
        database_ok = await ping(bot.services.engine)
        try:
            if bot.settings.oauth:
                slack_ok = bool((await bot.app.client.api_test()).get("ok"))
            else:
                slack_ok = bool((await bot.app.client.auth_test()).get("ok"))
        except (SlackApiError, OSError, TimeoutError):
            slack_ok = False
        routing_ok = bot.services.indexes.ready
        ready = database_ok and slack_ok and routing_ok
        return web.json_response(
            {
                "ok": ready,
                "database": "ok" if database_ok else "unreachable",
                "slack": "ok" if slack_ok else "unreachable",
                "routing": "ready" if routing_ok else "loading",
            },
            status=200 if ready else 503,
        )

    async def metrics_page(_request: web.Request) -> web.Response:
        now = bot.services.clock.now()
        waiting, oldest = await bot.services.outbox.depth(now)
        metrics.outbox_depth.set(waiting)
        metrics.inbox_open.set(await bot.services.inbox.open_count())
        age = (now - oldest).total_seconds() if oldest else 0.0
        metrics.outbox_oldest_seconds.set(max(age, 0.0))
        return web.Response(body=metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    web_app = web.Application()
    web_app.router.add_post(SLACK_PATH, slack_events)
    flow = bot.app.oauth_flow
    if flow is not None:

        async def install(request: web.Request) -> web.Response:
            """The page with "Add to Slack": it sets the state cookie and links to Slack."""
            bolt_request = await to_bolt_request(request)
            return await to_aiohttp_response(await flow.handle_installation(bolt_request))

        async def oauth_redirect(request: web.Request) -> web.Response:
            """Where Slack sends the browser back: store the installation, say how it went."""
            bolt_request = await to_bolt_request(request)
            return await to_aiohttp_response(await flow.handle_callback(bolt_request))

        web_app.router.add_get(flow.install_path, install)
        web_app.router.add_get(flow.redirect_uri_path, oauth_redirect)
    web_app.router.add_get("/healthz", healthz)
    web_app.router.add_get("/readyz", readyz)
    web_app.router.add_get("/metrics", metrics_page)
    return web_app
