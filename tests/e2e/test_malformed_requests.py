"""Malformed requests over the bot's real HTTP server and Socket Mode connection (issue 18,
item 7): the signature is checked on the raw bytes first (401, nothing parsed), a signed body
that Slack would not send is refused with 400, and neither leaves a traceback or an ERROR
line; the bot goes on working."""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from urllib.parse import urlencode

import aiohttp
import pytest

from tests.e2e.harness import SIGNING_SECRET, Harness
from tests.slack.kudos.world import give, ledger

pytestmark = pytest.mark.database_independent

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
EVENT = b'{"type": "event_callback", "team_id": "T0EMULATE", "event_id": "Ev1", "event": '
BODIES: dict[str, tuple[str, bytes]] = {
    "invalid JSON": (JSON, b'{"type": event_callback}'),
    "truncated JSON": (JSON, EVENT + b'{"type": "app_mention", "text": "hel'),
    "10,000-deep nesting": (JSON, b'{"a": ' * 10_000 + b"1" + b"}" * 10_000),
    "deep but parseable nesting": (JSON, b'{"a": ' * 500 + b"1" + b"}" * 500),
    "invalid UTF-8": (JSON, EVENT + b'{"type": "app_mention", "text": "caf\xe9"}}'),
    "event as a string": (JSON, EVENT + b'"app_mention"}'),
    "a top-level array": (JSON, b'[{"type": "event_callback"}]'),
    "actions holding strings": (JSON, b'{"type": "block_actions", "actions": ["x"]}'),
    # java-slack-sdk's samples with their blank fields left out: what Bolt reads unasked.
    "a click without its action_id": (JSON, b'{"type": "block_actions", "actions": [{}]}'),
    "a click without actions": (JSON, b'{"type": "block_actions", "actions": []}'),
    "a click with actions null": (JSON, b'{"type": "block_actions", "actions": null}'),
    "a form submitted without its type": (
        FORM,
        urlencode(
            {"payload": '{"type": "view_submission", "view": {"callback_id": "give_kudos_modal"}}'}
        ).encode(),
    ),
    "a form payload that is not JSON": (FORM, b"payload=%7Bnot+json"),
    "a form payload that is an array": (FORM, urlencode({"payload": "[1, 2]"}).encode()),
}


def signed(body: bytes, content_type: str, secret: str = SIGNING_SECRET) -> dict[str, str]:
    timestamp = str(int(time.time()))
    base = f"v0:{timestamp}:".encode() + body  # Slack's recipe, over the bytes as sent
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature,
    }


async def post(slack: Harness, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session:
        async with session.post(slack.runner.url, data=body, headers=headers) as response:  # type: ignore[attr-defined]
            return response.status, await response.text()


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


@pytest.mark.parametrize("case", BODIES)
async def test_a_malformed_body_is_refused_without_a_traceback(
    slack: Harness, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    """Unsigned or signed with another secret: 401. Signed: 400. No ERROR, no traceback."""
    content_type, body = BODIES[case]
    caplog.set_level(logging.DEBUG)
    assert (await post(slack, body, {"Content-Type": content_type}))[0] == 401
    assert (await post(slack, body, signed(body, content_type, "another-secret")))[0] == 401
    no_time = signed(body, content_type) | {"X-Slack-Request-Timestamp": "noon"}
    assert (await post(slack, body, no_time))[0] == 401
    status, text = await post(slack, body, signed(body, content_type))
    assert (status, text) == (400, "malformed request")
    assert errors(caplog) == []
    assert "Traceback" not in caplog.text


async def test_a_well_formed_request_still_works(slack: Harness) -> None:
    """The checks let Slack's own requests through: a kudos is given as before, even one
    whose text says "payload" (Bolt's own parser took any form body containing that word
    for an interaction's, and the command was lost)."""
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    await give(slack, "alice", "@carol for the payload refactor #teamwork")
    assert len(await ledger(slack)) == 2


@pytest.mark.parametrize(
    "payload",
    [
        "a string",
        [1, 2],
        {"type": "event_callback", "event": "app_mention"},
        {"type": "block_actions", "actions": [1]},
        {"type": "block_actions", "actions": [{"block_id": "b"}]},
        {"type": "view_submission", "view": {"callback_id": "give_kudos_modal"}},
    ],
    ids=[
        "a string",
        "an array",
        "event as a string",
        "actions holding numbers",
        "a click without its action_id",
        "a form submitted without its type",
    ],
)
async def test_a_malformed_socket_mode_envelope_is_acked_and_dropped(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture, payload: object
) -> None:
    """Over Socket Mode the envelope is acked (Slack does not send it again), nothing reaches
    Bolt, nothing is logged at ERROR, and the connection goes on working."""
    caplog.set_level(logging.DEBUG)
    # The emulator's hub sends any payload as given; Slack's own are always objects.
    hub = slack_socket.emu._sockets
    await hub.send("events_api", payload, ack_timeout=5)  # type: ignore[arg-type]
    assert errors(caplog) == []
    await give(slack_socket, "alice", "@bob for untangling the release #teamwork")
    assert len(await ledger(slack_socket)) == 1
