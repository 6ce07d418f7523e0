"""The recognition floor: a one-listener Bolt app that acks `/kudos` and posts the shout-out.

What any Bolt app pays to recognise someone on this machine (signature check, Bolt's
dispatch, one `chat.postMessage`), with no database and no rules: the figure askaround's
cost per recognition is read against. With `--app-token` it also connects in Socket Mode
(slack_bolt's AsyncSocketModeHandler, as askaround's runner does), and `/healthz` answers
once the socket is up. Stops by itself after `--max-seconds`.

    python -m benchmarks.floor_bolt --port 8099 --api-url http://127.0.0.1:PORT/api/ \
        [--app-token xapp-…]
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from benchmarks.emulator_proc import BOT_TOKEN, SIGNING_SECRET
from benchmarks.floor_proc import serve_app


def build(api_url: str) -> AsyncApp:
    """The app; call it in a running event loop (its Web API client keeps one HTTP session,
    as askaround's does, rather than slack_sdk's default of a new one for every call)."""
    client = AsyncWebClient(token=BOT_TOKEN, base_url=api_url, session=aiohttp.ClientSession())
    app = AsyncApp(
        client=client,
        signing_secret=SIGNING_SECRET,
        process_before_response=False,
    )

    @app.command("/kudos")
    async def kudos(ack: Any, command: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        text = f"<@{command['user_id']}> gave kudos: {command['text']}"
        await client.chat_postMessage(channel=command["channel_id"], text=text)

    return app


def web_app(app: AsyncApp) -> web.Application:
    served = app.web_app(path="/slack/events")
    served.router.add_get("/healthz", lambda _request: _healthy())
    return served


async def _healthy() -> web.Response:
    return web.json_response({"ok": True})


async def serve(port: int, api_url: str, max_seconds: float, app_token: str | None) -> None:
    app = build(api_url)
    handler = AsyncSocketModeHandler(app, app_token) if app_token else None
    try:
        if handler is not None:
            await handler.connect_async()
        await serve_app(web_app(app), port, max_seconds)
    finally:
        if handler is not None:
            await handler.close_async()
        await close(app)


async def close(app: AsyncApp) -> None:
    """Close the app's HTTP session."""
    if app.client.session is not None:
        await app.client.session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="a one-listener Bolt app, the recognition floor")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--max-seconds", type=float, default=900.0)
    parser.add_argument("--app-token", help="connect in Socket Mode with this xapp- token")
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.api_url, args.max_seconds, args.app_token))


if __name__ == "__main__":
    main()
