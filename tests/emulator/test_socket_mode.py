"""Socket Mode against the real client: slack-bolt's AsyncSocketModeHandler (aiohttp)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.web.async_client import AsyncWebClient

from slack_emulator import SlackEmulator

from .conftest import bolt_app

pytestmark = pytest.mark.asyncio


async def _connected(emu: SlackEmulator, count: int) -> None:
    for _ in range(200):
        if emu.socket_connections == count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"expected {count} Socket Mode connections, have {emu.socket_connections}")


async def test_bolt_socket_mode_receives_command_and_event(emu: SlackEmulator) -> None:
    """The handler opens the websocket via apps.connections.open on our base_url, acks a
    slash command (its ack text becomes the ephemeral) and handles an event."""
    app = bolt_app(emu)
    events: list[dict[str, Any]] = []

    @app.command("/kudos")
    async def kudos(ack: Any, command: dict[str, Any]) -> None:
        await ack(f"Thanks recorded: {command['text']}")

    @app.event("app_mention")
    async def mention(event: dict[str, Any]) -> None:
        events.append(event)

    @app.event("message")
    async def message(event: dict[str, Any]) -> None:
        events.append(event)

    handler = AsyncSocketModeHandler(app, emu.app_token)
    await handler.connect_async()
    try:
        await _connected(emu, 1)
        alice = emu.workspace.add_user("alice")
        delivery = await emu.slash_command(alice.id, "/kudos", "@bob for the review")
        _, (as_message, mentioned) = await emu.post_message(
            alice.id, emu.workspace.general.id, f"<@{emu.bot_user_id}> hello"
        )
    finally:
        await handler.close_async()
    assert delivery.ok and delivery.attempts[0].transport == "socket"
    assert delivery.response == {"text": "Thanks recorded: @bob for the review"}
    assert [e.text for e in emu.ephemerals(alice.id)] == ["Thanks recorded: @bob for the review"]
    assert as_message.ok and mentioned.ok
    assert sorted(e["type"] for e in events) == ["app_mention", "message"]
    assert emu.calls_to("apps.connections.open")[0].ok


async def _raw_client(
    emu: SlackEmulator, session: aiohttp.ClientSession
) -> aiohttp.ClientWebSocketResponse:
    assert emu.app_token is not None
    client = AsyncWebClient(token=emu.app_token, base_url=emu.api_url)
    url = (await client.apps_connections_open(app_token=emu.app_token))["url"]
    ws = await session.ws_connect(url)
    hello = await ws.receive_json()
    assert hello["type"] == "hello" and hello["connection_info"]["app_id"] == "A0ASKAROUND"
    return ws


async def test_unacked_event_is_redelivered_with_retry_attempt(emu: SlackEmulator) -> None:
    """An events_api envelope not acked in time comes again (new envelope, same event_id)
    with retry_attempt 1 and retry_reason timeout; the ack's payload ends it."""
    emu.ack_timeout = 0.2
    alice = emu.workspace.add_user("alice")
    envelopes: list[dict[str, Any]] = []
    async with aiohttp.ClientSession() as session:
        ws = await _raw_client(emu, session)

        async def bot() -> None:
            async for message in ws:
                envelope = json.loads(message.data)
                envelopes.append(envelope)
                if envelope["retry_attempt"] >= 1:
                    await ws.send_json({"envelope_id": envelope["envelope_id"]})

        task = asyncio.create_task(bot())
        _, (delivery,) = await emu.post_message(alice.id, emu.workspace.general.id, "hi")
        await ws.close()
        await task
    assert [e["retry_attempt"] for e in envelopes] == [0, 1]
    assert envelopes[1]["retry_reason"] == "timeout" and envelopes[0]["type"] == "events_api"
    assert envelopes[0]["envelope_id"] != envelopes[1]["envelope_id"]
    assert {e["payload"]["event_id"] for e in envelopes} == {delivery.event_id}
    assert delivery.ok and [a.error for a in delivery.attempts] == ["timeout", None]


async def test_envelopes_are_spread_over_connections(emu: SlackEmulator) -> None:
    """With two connections open each envelope goes to exactly one of them, alternating;
    commands are slash_commands envelopes that accept a response payload."""
    alice = emu.workspace.add_user("alice")
    received: list[tuple[int, dict[str, Any]]] = []
    async with aiohttp.ClientSession() as session:
        sockets = [await _raw_client(emu, session) for _ in range(2)]

        async def bot(number: int, ws: aiohttp.ClientWebSocketResponse) -> None:
            async for message in ws:
                envelope = json.loads(message.data)
                received.append((number, envelope))
                await ws.send_json(
                    {"envelope_id": envelope["envelope_id"], "payload": {"text": "ok"}}
                )

        tasks = [asyncio.create_task(bot(n, ws)) for n, ws in enumerate(sockets)]
        first = await emu.slash_command(alice.id, "/ask", "one")
        second = await emu.slash_command(alice.id, "/ask", "two")
        for ws in sockets:
            await ws.close()
        await asyncio.gather(*tasks)
    assert first.ok and second.ok
    assert sorted(n for n, _ in received) == [0, 1]
    assert {e["type"] for _, e in received} == {"slash_commands"}
    assert all(e["accepts_response_payload"] for _, e in received)
    assert emu.socket_connections == 0


async def test_refresh_warns_then_requests_and_closes(emu: SlackEmulator) -> None:
    """Slack's refresh: `disconnect`/`warning`, then `disconnect`/`refresh_requested` and the
    close; `link_disabled` is followed by the close too."""
    async with aiohttp.ClientSession() as session:
        ws = await _raw_client(emu, session)
        await emu.socket_refresh(warning_seconds=0.05)
        frames = [await ws.receive_json(), await ws.receive_json()]
        closing = await ws.receive()
        assert [f["reason"] for f in frames] == ["warning", "refresh_requested"]
        assert all(f["type"] == "disconnect" and f["debug_info"]["host"] for f in frames)
        assert closing.type == aiohttp.WSMsgType.CLOSE
        ws = await _raw_client(emu, session)
        await emu.socket_disconnect("link_disabled")
        assert (await ws.receive_json())["reason"] == "link_disabled"
        assert (await ws.receive()).type == aiohttp.WSMsgType.CLOSE
    await _connected(emu, 0)


async def test_a_forced_retry_envelope_says_timeout(emu: SlackEmulator) -> None:
    """An event sent again as Slack's retry carries `retry_attempt` and `retry_reason:
    timeout` (Socket Mode's reason; `http_timeout` is the HTTP header's)."""
    alice = emu.workspace.add_user("alice")
    envelopes: list[dict[str, Any]] = []
    async with aiohttp.ClientSession() as session:
        ws = await _raw_client(emu, session)

        async def bot() -> None:
            async for message in ws:
                envelopes.append(json.loads(message.data))
                await ws.send_json({"envelope_id": envelopes[-1]["envelope_id"]})

        task = asyncio.create_task(bot())
        _, (delivery,) = await emu.post_message(alice.id, emu.workspace.general.id, "hi")
        await emu.redeliver(delivery)
        await ws.close()
        await task
    assert [(e["retry_attempt"], e["retry_reason"]) for e in envelopes] == [(0, ""), (1, "timeout")]


async def test_a_request_given_whole_goes_in_the_envelope_unchanged(emu: SlackEmulator) -> None:
    """`send_request` puts the body it is given in the envelope as it is (`interactive`, with
    `accepts_response_payload` when asked), and the ack's payload is the delivery's answer."""
    payload = {"type": "block_suggestion", "action_id": "pick", "value": "kub", "team": None}
    async with aiohttp.ClientSession() as session:
        ws = await _raw_client(emu, session)

        async def bot() -> dict[str, Any]:
            envelope: dict[str, Any] = await ws.receive_json()
            answer = {"options": [{"text": {"type": "plain_text", "text": "k"}, "value": "k"}]}
            await ws.send_json({"envelope_id": envelope["envelope_id"], "payload": answer})
            return envelope

        task = asyncio.create_task(bot())
        delivery = await emu.send_request("interaction", payload, accepts_response=True)
        envelope = await task
        await ws.close()
    assert envelope["type"] == "interactive" and envelope["payload"] == payload
    assert envelope["accepts_response_payload"] is True
    assert delivery.ok and delivery.response == {
        "options": [{"text": {"type": "plain_text", "text": "k"}, "value": "k"}]
    }
