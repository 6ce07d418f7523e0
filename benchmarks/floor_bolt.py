"""The recognition floor: a one-listener Bolt app that acks `/kudos` and posts the shout-out.

What any Bolt app pays to recognise someone on this machine (signature check, Bolt's
dispatch, one `chat.postMessage`), with no database and no rules: the figure askaround's
cost per recognition is read against. Stops by itself after `--max-seconds`.

    python -m benchmarks.floor_bolt --port 8099 --api-url http://127.0.0.1:PORT/api/
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from benchmarks.emulator_proc import BOT_TOKEN, SIGNING_SECRET
from benchmarks.floor_proc import serve_app


def build(api_url: str) -> web.Application:
    app = AsyncApp(
        client=AsyncWebClient(token=BOT_TOKEN, base_url=api_url),
        signing_secret=SIGNING_SECRET,
        process_before_response=False,
    )

    @app.command("/kudos")
    async def kudos(ack: Any, command: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        text = f"<@{command['user_id']}> gave kudos: {command['text']}"
        await client.chat_postMessage(channel=command["channel_id"], text=text)

    web_app = app.web_app(path="/slack/events")
    web_app.router.add_get("/healthz", lambda _request: _healthy())
    return web_app


async def _healthy() -> web.Response:
    return web.json_response({"ok": True})


async def serve(port: int, api_url: str, max_seconds: float) -> None:
    await serve_app(build(api_url), port, max_seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description="a one-listener Bolt app, the recognition floor")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--max-seconds", type=float, default=900.0)
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.api_url, args.max_seconds))


if __name__ == "__main__":
    main()
