"""Interactions without the id Bolt routes them by (a shortcut's or a dialog's `callback_id`, a
form's `view` or its `callback_id`, a menu's `action_id`), which Slack always sends: over HTTP
they are refused with 400 as every other body Slack would not send, and over Socket Mode acked
and dropped, with no ERROR and no traceback. Bolt found no listener for them and answered 404
("Unhandled request", a WARNING), and over Socket Mode acked nothing."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.e2e.harness import Harness
from tests.e2e.test_malformed_requests import FORM, errors, post, signed
from tests.slack.kudos.world import give, ledger

pytestmark = pytest.mark.database_independent

USER = {"id": "U0000001", "team_id": "T0EMULATE"}
WITHOUT_THEIR_ID: dict[str, dict[str, Any]] = {
    "a global shortcut without its callback_id": {"type": "shortcut", "trigger_id": "1.2"},
    "a message shortcut without its callback_id": {
        "type": "message_action",
        "trigger_id": "1.2",
        "message": {"ts": "1700000000.000100", "text": "how do we rotate the certs?"},
    },
    "a form submitted without its view": {"type": "view_submission"},
    "a form submitted whose view has no callback_id": {
        "type": "view_submission",
        "view": {"type": "modal", "state": {"values": {}}},
    },
    "a form closed without its view": {"type": "view_closed"},
    "a form closed whose view has no callback_id": {"type": "view_closed", "view": {}},
    "a menu's options asked without its action_id": {"type": "block_suggestion", "value": "ku"},
    "an attachment's button without its callback_id": {
        "type": "interactive_message",
        "actions": [{"name": "a"}],
    },
    "a dialog submitted without its callback_id": {"type": "dialog_submission"},
    "a dialog's options asked without its callback_id": {"type": "dialog_suggestion"},
}


@pytest.mark.parametrize("case", WITHOUT_THEIR_ID)
async def test_an_interaction_without_its_id_is_refused_over_http(
    slack: Harness, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    caplog.set_level(logging.DEBUG)
    body = urlencode({"payload": json.dumps(WITHOUT_THEIR_ID[case] | {"user": USER})}).encode()
    assert await post(slack, body, signed(body, FORM)) == (400, "malformed request")
    assert errors(caplog) == [] and "Traceback" not in caplog.text


async def test_interactions_without_their_ids_are_acked_and_dropped_over_socket_mode(
    slack_socket: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Each acked (the hub waits for the ack), nothing reaches Bolt, and the connection goes
    on working."""
    caplog.set_level(logging.DEBUG)
    hub = slack_socket.emu._sockets
    for payload in WITHOUT_THEIR_ID.values():
        await hub.send("interactive", payload | {"user": USER}, ack_timeout=5)
    assert errors(caplog) == [] and "Unhandled request" not in caplog.text
    await give(slack_socket, "alice", "@bob for untangling the release #teamwork")
    assert len(await ledger(slack_socket)) == 1
