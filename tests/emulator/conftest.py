"""Fixtures for the emulator's own tests: a running emulator, a real slack_sdk client,
a real Bolt app served over HTTP, and a tiny recording endpoint standing in for a bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator

SIGNING_SECRET = "emulator-test-secret"


@pytest.fixture
async def emu() -> AsyncIterator[SlackEmulator]:
    async with SlackEmulator(SIGNING_SECRET, ack_timeout=1.0) as emulator:
        yield emulator


@pytest.fixture
def client(emu: SlackEmulator) -> AsyncWebClient:
    return AsyncWebClient(token=emu.bot_token, base_url=emu.api_url)


def bolt_app(emu: SlackEmulator) -> AsyncApp:
    """A real Bolt app whose Web API client talks to the emulator."""
    web_client = AsyncWebClient(token=emu.bot_token, base_url=emu.api_url)
    return AsyncApp(client=web_client, signing_secret=SIGNING_SECRET)


@asynccontextmanager
async def serving(app: web.Application) -> AsyncIterator[str]:
    """Serve an aiohttp app on a free loopback port; yields its base URL."""
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def bolt_over_http(emu: SlackEmulator, app: AsyncApp) -> AsyncIterator[None]:
    """Serve the Bolt app the way `app.start()` would and point the emulator at it."""
    async with serving(app.web_app()) as base:
        emu.request_url = f"{base}/slack/events"
        yield
        await emu.settle(quiet=0.05)


@dataclass
class Received:
    headers: dict[str, str]
    body: str


@dataclass
class Endpoint:
    """A stand-in bot endpoint: records requests, answers after ``delays[n]`` seconds."""

    delays: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    reply: str = ""
    extra_headers: dict[str, str] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)

    async def handle(self, request: web.Request) -> web.Response:
        n = len(self.received)
        self.received.append(Received(dict(request.headers), await request.text()))
        if n < len(self.delays) and self.delays[n]:
            await asyncio.sleep(self.delays[n])
        status = self.statuses[n] if n < len(self.statuses) else 200
        return web.Response(status=status, text=self.reply, headers=self.extra_headers)


@asynccontextmanager
async def endpoint(emu: SlackEmulator, bot: Endpoint) -> AsyncIterator[Endpoint]:
    app = web.Application()
    app.router.add_post("/slack/events", bot.handle)
    async with serving(app) as base:
        emu.request_url = f"{base}/slack/events"
        yield bot
        await emu.settle(quiet=0.05)
