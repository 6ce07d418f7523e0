"""Signed bodies without what Slack always sends, each a field a listener or Bolt reads without
asking whether it is there: the id Bolt routes an interaction by (a shortcut's or a dialog's
`callback_id`, a form's `view` or its `callback_id`, a menu's `action_id`), an event or a type
at all, a command's `user_id`, `channel_id` and `response_url`, a shortcut's or a form-opening
button's `trigger_id`, who opened the Home tab, the channel askaround was removed from, a form's
values as objects, the revoked tokens as lists, the value askaround wrote into its Undo and Give
kudos buttons (a kudos' batch, a person, a question and its helper), the conversation a nudge's
Ask was pressed in, and the response_url of a click on a button only ever on a message.
Over HTTP each is refused with 400 as every other body Slack would not send, and over Socket
Mode acked and dropped, with no ERROR and no traceback. Bolt found no listener for the first
ones and answered 404 ("Unhandled request", a WARNING), and over Socket Mode acked nothing; the
others reached their listener, which failed with a traceback (the person told that something
went wrong, or nothing)."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlencode

import pytest

from slack_emulator.delivery import DeliveryKind
from tests.e2e.harness import Harness
from tests.e2e.test_malformed_requests import FORM, JSON, errors, post, signed
from tests.slack.kudos.world import give, ledger

pytestmark = pytest.mark.database_independent

TEAM = "T0EMULATE"
USER = {"id": "U0000001", "team_id": TEAM}
COMMAND = {
    "team_id": TEAM,
    "channel_id": "C0GENERAL",
    "user_id": "U0000001",
    "command": "/ask",
    "text": "how do we rotate the certs?",
    "response_url": "https://hooks.slack.com/commands/T0EMULATE/1/x",
    "trigger_id": "1.2.x",
}
HOME_CLICK = {
    "type": "block_actions",
    "user": USER,
    "container": {"type": "view", "view_id": "V1"},
    "actions": [{"action_id": "kudos_home_give", "block_id": "kudos", "type": "button"}],
}


def _event(event: dict[str, Any]) -> dict[str, Any]:
    return {"type": "event_callback", "team_id": TEAM, "event_id": "Ev0MALFORMED", "event": event}


def _form(callback_id: str, values: dict[str, Any]) -> dict[str, Any]:
    view = {"type": "modal", "callback_id": callback_id, "state": {"values": values}}
    return {"type": "view_submission", "user": USER, "trigger_id": "1.2", "view": view}


def _click(action: dict[str, Any]) -> dict[str, Any]:
    """A press on one of askaround's buttons whose value is not what askaround wrote there."""
    return HOME_CLICK | {"trigger_id": "1.2", "actions": [action | {"type": "button"}]}


def _without(found: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in found.items() if k != key}


# What is sent: an interaction's payload, a command's fields, or an event's body.
WITHOUT: dict[str, tuple[DeliveryKind, dict[str, Any]]] = {
    "a global shortcut without its callback_id": (
        "interaction",
        {"type": "shortcut", "user": USER, "trigger_id": "1.2"},
    ),
    "a message shortcut without its callback_id": (
        "interaction",
        {"type": "message_action", "user": USER, "trigger_id": "1.2", "message": {"ts": "1.2"}},
    ),
    "a form submitted without its view": ("interaction", {"type": "view_submission", "user": USER}),
    "a form submitted whose view has no callback_id": (
        "interaction",
        {"type": "view_submission", "user": USER, "view": {"type": "modal", "state": {}}},
    ),
    "a form closed without its view": ("interaction", {"type": "view_closed", "user": USER}),
    "a form closed whose view has no callback_id": (
        "interaction",
        {"type": "view_closed", "user": USER, "view": {}},
    ),
    "a menu's options asked without its action_id": (
        "interaction",
        {"type": "block_suggestion", "user": USER, "value": "ku"},
    ),
    "an attachment's button without its callback_id": (
        "interaction",
        {"type": "interactive_message", "user": USER, "actions": [{"name": "a"}]},
    ),
    "a dialog submitted without its callback_id": (
        "interaction",
        {"type": "dialog_submission", "user": USER},
    ),
    "a dialog's options asked without its callback_id": (
        "interaction",
        {"type": "dialog_suggestion", "user": USER},
    ),
    "a Home tab click without its trigger_id": ("interaction", HOME_CLICK),
    "a shortcut without its trigger_id": (
        "interaction",
        {"type": "shortcut", "user": USER, "callback_id": "give_kudos_global"},
    ),
    "the Give kudos form with a value that is not an object": (
        "interaction",
        _form("give_kudos_modal", {"recipients": "U0000002", "reason": {"text": 5}}),
    ),
    "the settings form with a value that is a list": (
        "interaction",
        _form("workspace_settings", {"channel": ["C0GENERAL"]}),
    ),
    "a command without its user_id": ("command", _without(COMMAND, "user_id")),
    "a command without its channel_id": ("command", _without(COMMAND, "channel_id")),
    "a command without its response_url": ("command", _without(COMMAND, "response_url")),
    "a form body naming no command": ("command", _without(COMMAND, "command")),
    "a body naming no type": ("event", {"team_id": TEAM}),
    "an event_callback without its event": ("event", _without(_event({}), "event")),
    "an event without its type": ("event", _event({"user": "U0000001"})),
    "the Home tab opened by nobody": (
        "event",
        _event({"type": "app_home_opened", "tab": "home", "channel": "D1"}),
    ),
    "askaround removed from no channel": ("event", _event({"type": "channel_left"})),
    "askaround removed by someone named as an object": (
        "event",
        _event({"type": "group_left", "channel": "G1", "actor_id": {"id": "U0000001"}}),
    ),
    "tokens revoked as a list": ("event", _event({"type": "tokens_revoked", "tokens": ["x"]})),
    "Undo without the kudos it undoes": ("interaction", _click({"action_id": "kudos_undo"})),
    "Give kudos under /kudos without a person": (
        "interaction",
        _click({"action_id": "kudos_thank", "value": "{x"}),
    ),
    "Give kudos under a question without its helper": (
        "interaction",
        _click({"action_id": "question_thank", "value": "12"}),
    ),
    "a nudge's Ask naming no conversation": (
        "interaction",
        _click({"action_id": "nudge_ask", "value": "1690000300.000200"}),
    ),
    "Not now on a nudge without its response_url": (
        "interaction",
        _click({"action_id": "nudge_not_now", "value": "1690000300.000200"}),
    ),
    # *I can help* and *Not me* are on the Home tab too, which sends no response_url.
    "Suggest someone without its response_url": (
        "interaction",
        _click({"action_id": "offer_refer", "block_id": "offer_12", "selected_user": "U0000002"}),
    ),
}


def _encoded(kind: DeliveryKind, payload: dict[str, Any]) -> tuple[str, bytes]:
    if kind == "interaction":
        return FORM, urlencode({"payload": json.dumps(payload)}).encode()
    if kind == "command":
        return FORM, urlencode(payload).encode()
    return JSON, json.dumps(payload).encode()


@pytest.mark.parametrize("case", WITHOUT)
async def test_a_body_without_what_slack_always_sends_is_refused_over_http(
    slack: Harness, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    caplog.set_level(logging.DEBUG)
    content_type, body = _encoded(*WITHOUT[case])
    assert await post(slack, body, signed(body, content_type)) == (400, "malformed request")
    assert errors(caplog) == [] and "Traceback" not in caplog.text


ENVELOPES = {"interaction": "interactive", "command": "slash_commands", "event": "events_api"}


async def test_bodies_without_what_slack_always_sends_are_acked_and_dropped_over_socket_mode(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Each acked (the hub waits for the ack), nothing reaches Bolt, and the connection goes
    on working."""
    caplog.set_level(logging.DEBUG)
    hub = slack_socket.emu._sockets
    for kind, payload in WITHOUT.values():
        await hub.send(ENVELOPES[kind], payload, ack_timeout=5)
    assert errors(caplog) == [] and "Unhandled request" not in caplog.text
    await give(slack_socket, "alice", "@bob for untangling the release #teamwork")
    assert len(await ledger(slack_socket)) == 1
