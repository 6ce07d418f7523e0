"""askaround's forms submitted with every input left empty, in the shape Slack gives an empty
input of each type (docs.slack.dev/reference/interaction-payloads/view-interactions-payload:
a text or number input's `value` null, a menu's `selected_option` or `selected_user` null,
a multi-select's or checkboxes' list empty, a date picker's `selected_date` null, a rich text
input's value an empty `rich_text`), from Slack's own shapes of each form
(`tests/data/slack/real_payloads.json`, `tests/slack/payloads/`), signed and sent through the
front door: each answered 200 with the form's own errors or closed, never a traceback."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from tests.slack.harness import SlackHarness
from tests.slack.test_real_payloads import form_of, request_of, send

# Slack's value of each input type a person left empty.
EMPTY: dict[str, dict[str, Any]] = {
    "plain_text_input": {"value": None},
    "number_input": {"value": None},
    "email_text_input": {"value": None},
    "url_text_input": {"value": None},
    "static_select": {"selected_option": None},
    "external_select": {"selected_option": None},
    "users_select": {"selected_user": None},
    "conversations_select": {"selected_conversation": None},
    "channels_select": {"selected_channel": None},
    "multi_static_select": {"selected_options": []},
    "multi_external_select": {"selected_options": []},
    "multi_users_select": {"selected_users": []},
    "multi_conversations_select": {"selected_conversations": []},
    "multi_channels_select": {"selected_channels": []},
    "checkboxes": {"selected_options": []},
    "radio_buttons": {"selected_option": None},
    "datepicker": {"selected_date": None},
    "timepicker": {"selected_time": None},
    "rich_text_input": {"rich_text_value": {"type": "rich_text", "elements": []}},
}
FORMS = [
    "edit_profile_form_submitted",
    "settings_form_submitted",
    "give_kudos_form_submitted",
    "give_kudos_global_form_submitted",
]


@pytest.mark.parametrize("name", FORMS)
async def test_a_form_left_empty_is_answered_with_its_errors(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """The Edit profile, settings and Give kudos forms (from a message and from the global
    shortcut) with every input left empty: 200, the form closed or its errors said beside
    the inputs Slack shows them under; nothing logged as a problem."""
    caplog.set_level(logging.INFO)
    slack.here.workspace.user(slack.user("alice")).is_admin = True
    _kind, payload = request_of(slack, name)
    values = payload["view"]["state"]["values"]
    for block in values.values():
        for action, entered in block.items():
            block[action] = {"type": entered["type"], **EMPTY[entered["type"]]}
    status, answer = await send(slack, *form_of(payload))
    await slack.drain()
    assert status == 200
    if answer:  # errors, each under an input of the form (keyed by its block_id)
        errors = json.loads(answer)["errors"]
        assert errors and set(errors) <= set(values)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
