"""Malformed requests over the bot's real HTTP server and Socket Mode connection (issue 18,
item 7): the signature is checked on the raw bytes first (401, nothing parsed), a signed body
that Slack would not send is refused with 400, and neither leaves a traceback or an ERROR
line; the bot goes on working."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest

from handlers.surfaces.workspace_settings import NO_FORM
from tests.e2e.harness import SIGNING_SECRET, Harness, running_bot
from tests.slack.kudos.world import give, ledger

pytestmark = pytest.mark.database_independent

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
EVENT = b'{"type": "event_callback", "team_id": "T0EMULATE", "event_id": "Ev1", "event": '
Way = tuple[Harness, bool]  # the bot, and whether over Socket Mode
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


async def nothing_said(slack: Harness, caplog: pytest.LogCaptureFixture) -> None:
    """Nobody was told anything, and nothing was logged as an error."""
    await slack.settle()
    assert errors(caplog) == [] and "Traceback" not in caplog.text
    assert slack.emu.ephemerals() == []


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


def _typed_in_the_dm(slack: Harness, left_out: str) -> tuple[str, dict[str, Any]]:
    dm = slack.here.workspace.open_im(slack.user("alice")).id
    event = {"type": "message", "channel": dm, "channel_type": "im", "ts": "1765000000.000100"}
    event |= {"user": slack.user("alice"), "text": "how do I rotate the staging certs?"}
    del event[left_out]
    return "events_api", _event(slack, event)


def _event(slack: Harness, event: dict[str, Any]) -> dict[str, Any]:
    return {"type": "event_callback", "team_id": slack.team_id, "event_id": "Ev2", "event": event}


def _reaction(slack: Harness, left_out: str) -> tuple[str, dict[str, Any]]:
    item: dict[str, Any] = {"type": "message", "channel": slack.channel("general")}
    item["ts"] = "1765000000.000200"
    event: dict[str, Any] = {"type": "reaction_added", "user": slack.user("alice")}
    event |= {
        "reaction": "kudos",
        "item": item,
        "item_user": slack.user("bob"),
        "event_ts": "1765000001.000100",
    }
    del (item if left_out.startswith("item.") else event)[left_out.removeprefix("item.")]
    return "events_api", _event(slack, event)


def _interaction(slack: Harness, kind: str, **fields: Any) -> dict[str, Any]:
    user = {"id": slack.user("alice"), "team_id": slack.team_id}
    return {"type": kind, "team": {"id": slack.team_id}, "user": user, **fields}


def _clicked(slack: Harness, value: str) -> tuple[str, dict[str, Any]]:
    action = {"type": "button", "action_id": "offer_accept", "block_id": "b", "value": value}
    payload = _interaction(slack, "block_actions", actions=[action], trigger_id="1.2.3")
    return "interactive", payload | {"response_url": "https://hooks.slack.com/x"}


def _suggested(slack: Harness, **action: Any) -> tuple[str, dict[str, Any]]:
    """*Suggest someone* on an offer: a users_select whose block_id askaround wrote."""
    action = {"type": "users_select", "action_id": "offer_refer", **action}
    payload = _interaction(slack, "block_actions", actions=[action], trigger_id="1.2.3")
    return "interactive", payload | {"response_url": "https://hooks.slack.com/x"}


def _submitted_without_values(slack: Harness) -> tuple[str, dict[str, Any]]:
    view = {"id": "V1", "type": "modal", "callback_id": "give_kudos_modal", "state": {}}
    return "interactive", _interaction(slack, "view_submission", view=view, trigger_id="1.2.3")


# What Slack always sends and askaround's listeners read (`shape._always_sent`): without it a
# listener failed with a traceback, and the person was told something went wrong.
ALWAYS_SENT: dict[str, Callable[[Harness], tuple[str, dict[str, Any]]]] = {
    "a message typed in the DM without its ts": lambda s: _typed_in_the_dm(s, "ts"),
    "a message typed in the DM without its channel": lambda s: _typed_in_the_dm(s, "channel"),
    "a message typed in the DM without its user": lambda s: _typed_in_the_dm(s, "user"),
    "a :kudos: reaction without its user": lambda s: _reaction(s, "user"),
    "a :kudos: reaction without the message's ts": lambda s: _reaction(s, "item.ts"),
    "a :kudos: reaction without the message's channel": lambda s: _reaction(s, "item.channel"),
    "I can help whose value is no id": lambda s: _clicked(s, "x"),
    "I can help whose value is past an id's range": lambda s: _clicked(s, "99999999999"),
    "a form submitted whose state has no values": _submitted_without_values,
    "Suggest someone without a block_id": lambda s: _suggested(s, selected_user=s.user("bob")),
    "Suggest someone whose block_id is not an offer's": lambda s: _suggested(
        s, block_id="b", selected_user=s.user("bob")
    ),
    "Suggest someone whose block_id is past an id's range": lambda s: _suggested(
        s, block_id="offer_99999999999.0a1b2c3d", selected_user=s.user("bob")
    ),
    "Suggest someone without who suggests": lambda s: _anonymous(
        _suggested(s, block_id="offer_1.0a1b2c3d", selected_user=s.user("bob")), None
    ),
    "Suggest someone whose user has no id": lambda s: _anonymous(
        _suggested(s, block_id="offer_1.0a1b2c3d", selected_user=s.user("bob")), {}
    ),
    "I can help without who clicked": lambda s: _anonymous(_clicked(s, "1"), None),
    "a form submitted without who submitted": lambda s: _anonymous(_submitted_with_values(s), None),
}


def _anonymous(
    sent: tuple[str, dict[str, Any]], user: dict[str, Any] | None
) -> tuple[str, dict[str, Any]]:
    """`sent` with no `user` at all (None), or this one in its place."""
    kind, payload = sent
    payload = {k: v for k, v in payload.items() if k != "user"}
    return kind, payload if user is None else payload | {"user": user}


def _submitted_with_values(slack: Harness) -> tuple[str, dict[str, Any]]:
    view: dict[str, Any] = {"id": "V1", "type": "modal", "callback_id": "give_kudos_modal"}
    view["state"] = {"values": {}}
    return "interactive", _interaction(slack, "view_submission", view=view, trigger_id="1.2.3")


@pytest.fixture(params=[False, True], ids=["http", "socket_mode"])
async def either_way(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Way]:
    """The bot over HTTP, then over Socket Mode; with which one it is."""
    async with running_bot(tmp_path, socket_mode=request.param) as harness:
        yield harness, request.param


@pytest.mark.parametrize("case", ALWAYS_SENT)
async def test_a_body_without_what_slack_always_sends_is_refused(
    either_way: Way, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    """Over HTTP: 400; over Socket Mode: acked and dropped. No ERROR, no traceback, nobody
    told anything, and the bot goes on working."""
    slack, socket_mode = either_way
    caplog.set_level(logging.DEBUG)
    kind, payload = ALWAYS_SENT[case](slack)
    if socket_mode:
        await slack.emu._sockets.send(kind, payload, ack_timeout=5)  # type: ignore[arg-type]
    else:
        content_type, body = JSON, json.dumps(payload).encode()
        if kind == "interactive":
            content_type, body = FORM, urlencode({"payload": json.dumps(payload)}).encode()
        assert await post(slack, body, signed(body, content_type)) == (400, "malformed request")
    await nothing_said(slack, caplog)
    await give(slack, "alice", "@bob for untangling the release #teamwork")
    assert len(await ledger(slack)) == 1


@pytest.mark.parametrize("chosen", [{}, {"selected_user": None}], ids=["absent", "null"])
async def test_suggest_someone_with_nobody_chosen_is_acked_quietly(
    either_way: Way, caplog: pytest.LogCaptureFixture, chosen: dict[str, Any]
) -> None:
    """A select's choice can come back cleared (Slack's "Clear selection"): nobody was
    suggested, so nothing happens and nobody is told anything. Before, the listener's KeyError
    told the person that something went wrong."""
    slack, socket_mode = either_way
    caplog.set_level(logging.DEBUG)
    kind, payload = _suggested(slack, block_id="offer_1.0a1b2c3d", **chosen)
    if socket_mode:
        await slack.emu._sockets.send(kind, payload, ack_timeout=5)  # type: ignore[arg-type]
    else:
        body = urlencode({"payload": json.dumps(payload)}).encode()
        assert (await post(slack, body, signed(body, FORM)))[0] == 200
    await nothing_said(slack, caplog)


async def test_askaround_settings_without_a_trigger_id_says_the_form_could_not_open(
    either_way: Way, caplog: pytest.LogCaptureFixture
) -> None:
    """A modal opens only by the trigger Slack sends with the command: an admin's
    `/askaround settings` sent without one is told the form could not be opened and what to
    do, with nothing logged as an error. Before, they were told "Something went wrong" and the
    log had a KeyError's traceback."""
    slack, _ = either_way
    caplog.set_level(logging.DEBUG)
    alice, general = slack.user("alice"), slack.channel("general")
    slack.emu.workspace.user(alice).is_admin = True
    form = {"team_id": slack.team_id, "channel_id": general, "user_id": alice}
    form |= {"command": "/askaround", "text": "settings", "api_app_id": slack.here.workspace.app_id}
    form["response_url"] = slack.here.response_url(alice, general)
    await slack.emu.send_request("command", form, accepts_response=True)
    await slack.settle()
    (told,) = [e.text for e in slack.emu.ephemerals(alice)]
    assert told == NO_FORM
    assert errors(caplog) == [] and "Traceback" not in caplog.text
    assert slack.emu.calls_to("views.open") == []
