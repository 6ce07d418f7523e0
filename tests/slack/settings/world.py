"""Helpers for the settings tests: open Home and the modal as a person, forge a request."""

from __future__ import annotations

import dataclasses
from typing import Any

from slack_sdk.models.views import View as ViewModel

from slack_emulator import Delivery, View
from tests.slack.harness import SlackHarness


def valid_view(view: View | dict[str, Any]) -> dict[str, Any]:
    """The view as Slack would take it: slack_sdk's models check Block Kit's limits."""
    spec = view.spec if isinstance(view, View) else view
    ViewModel(**spec).validate_json()
    return spec


async def home_of(slack: SlackHarness, handle: str) -> View:
    await slack.emu.open_home(slack.user(handle))
    await slack.drain()
    home = slack.emu.home_view(slack.user(handle))
    assert home is not None
    valid_view(home)
    assert len(home.blocks) <= 100
    return home


async def settings_modal(slack: SlackHarness, handle: str) -> View:
    """`handle` presses *Change settings* on their Home tab; the modal it opens."""
    home = await home_of(slack, handle)
    await slack.emu.click(slack.user(handle), "settings_open", view=home)
    await slack.settle()
    modal = slack.emu.open_modal(slack.user(handle))
    assert modal is not None and modal.spec.get("callback_id") == "workspace_settings"
    valid_view(modal)
    return modal


async def submitted(slack: SlackHarness, handle: str, fields: dict[str, Any]) -> dict[str, Any]:
    """`handle` opens the settings modal and submits `fields`; the response Slack acts on."""
    modal = await settings_modal(slack, handle)
    delivery = await slack.emu.submit_view(slack.user(handle), modal.id, fields)
    assert delivery.response is not None
    return delivery.response


async def forge(slack: SlackHarness, delivery: Delivery, handle: str) -> Delivery:
    """`delivery` sent again, signed like Slack's, but as if `handle` had sent it: what a
    person who is not an admin could make by hand."""
    who = slack.user(handle)
    payload = {
        **delivery.payload,
        "user": {**delivery.payload["user"], "id": who, "username": handle, "name": handle},
        "trigger_id": f"forged.{who}",
    }
    forged = dataclasses.replace(delivery, payload=payload, attempts=[])
    [sent] = await slack.emu.redeliver(forged, as_retry=False)
    await slack.settle()
    return sent


def text_of(view: View | None) -> str:
    return str(view.blocks) if view is not None else ""
