"""The recognition benchmark's Slack side (`benchmarks/drive.py`): the emulator sends numbered
recognitions over Socket Mode and reads each shout-out back, so it can tell a kudos announced
once from one announced twice or never. Real Bolt apps on a real websocket, in process."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from benchmarks import floor_bolt
from benchmarks.drive import Driver
from benchmarks.emulator_proc import APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, Control
from slack_emulator import SlackEmulator

pytestmark = pytest.mark.database_independent
PEOPLE = 40


@asynccontextmanager
async def world() -> AsyncIterator[tuple[SlackEmulator, Driver]]:
    async with SlackEmulator(SIGNING_SECRET, BOT_TOKEN, APP_TOKEN) as emu:
        for n in range(PEOPLE):
            emu.workspace.add_user(f"person{n}", email=f"person{n}@example.com")
        control = Control(emu, PEOPLE)
        yield emu, Driver(emu, set(control.teams), control.prepare)


@asynccontextmanager
async def connected(emu: SlackEmulator, app: AsyncApp) -> AsyncIterator[None]:
    handler = AsyncSocketModeHandler(app, APP_TOKEN)
    await handler.connect_async()
    try:
        for _ in range(500):
            if emu.socket_connections:
                break
            await asyncio.sleep(0.01)
        yield
    finally:
        await handler.close_async()


async def test_each_kudos_of_the_floor_is_counted_once() -> None:
    """The floor acks /kudos over the socket and posts one shout-out: one at a time and in a
    burst, every recognition is acked, announced once, and timed from Slack's side."""
    async with world() as (emu, driver):
        floor = floor_bolt.build(emu.api_url)
        try:
            async with connected(emu, floor):
                one = await driver.one_at_a_time("kudos", 0, 3)
                burst = await driver.burst("kudos", 3, 10, 50.0)
                settled = await driver.settle(3, 10, quiet=2.0, limit=10.0)
                check = driver.check()
        finally:
            await floor_bolt.close(floor)
    assert one["acked"] == 3 and one["missing_shoutouts"] == 0
    assert len(one["acks"]) == 3 and len(one["shown"]) == 3
    assert burst["acked"] == burst["acked_first_time"] == 10
    assert settled["shoutouts"] == 10 and settled["last_shoutout_after_last_send_s"] is not None
    assert {k: check[k] for k in ("sent", "acked", "shoutouts", "missing", "doubled")} == {
        "sent": 13,
        "acked": 13,
        "shoutouts": 13,
        "missing": 0,
        "doubled": 0,
    }
    assert all(d.attempts[0].transport == "socket" for d in emu.deliveries)


async def test_a_shoutout_posted_twice_or_never_is_caught() -> None:
    """An app that announces even-numbered kudos twice and odd ones never: the check names
    both, which is what makes the benchmark exit 1."""
    async with world() as (emu, driver):
        app = AsyncApp(client=AsyncWebClient(token=BOT_TOKEN, base_url=emu.api_url))

        @app.command("/kudos")
        async def kudos(ack: Any, command: dict[str, Any], client: AsyncWebClient) -> None:
            await ack()
            n = int(re.findall(r"\(no\. (\d+)\)", command["text"])[0])
            for _ in range(2 if n % 2 == 0 else 0):
                await client.chat_postMessage(channel=command["channel_id"], text=command["text"])

        async with connected(emu, app):
            await driver.burst("kudos", 0, 6, 100.0)
            await driver.settle(0, 6, quiet=1.0, limit=5.0)
            check = driver.check()
    assert check["acked"] == 6
    assert (check["missing"], check["doubled"]) == (3, 3)
    assert check["examples"]["missing"] == [1, 3, 5]
    assert check["examples"]["doubled"] == [0, 2, 4]


async def test_karmabot_style_replies_are_matched_by_the_receiver_named() -> None:
    """`<@person> ++` goes out as a message event in a team channel; a reply in karmabot's
    words (`personN's karma increased to 1`) counts as that recognition's shout-out."""
    async with world() as (emu, driver):
        app = AsyncApp(client=AsyncWebClient(token=BOT_TOKEN, base_url=emu.api_url))

        @app.message(re.compile(r"\+\+"))
        async def karma(message: dict[str, Any], say: Any, client: AsyncWebClient) -> None:
            receiver = re.findall(r"<@(\w+)>", message["text"])[0]
            profile = (await client.users_profile_get(user=receiver))["profile"]
            await say(f"{profile['display_name']}'s karma increased to 1")

        async with connected(emu, app):
            one = await driver.one_at_a_time("karma", 0, 2)
            await driver.burst("karma", 2, 4, 50.0)
            await driver.settle(2, 4, quiet=1.0, limit=5.0)
            check = driver.check()
    assert one["missing_shoutouts"] == 0 and len(one["shown"]) == 2
    assert (check["sent"], check["shoutouts"], check["missing"], check["doubled"]) == (6, 6, 0, 0)
    assert check["stray_posts"] == 0
