"""What a person sees: pressing a button by its label, and describing effects for the demo."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import pytest

from slack_emulator import PersonError, SlackEmulator

from .conftest import Endpoint, endpoint


def _button(label: str, action_id: str, value: str) -> dict[str, object]:
    return {
        "type": "button",
        "action_id": action_id,
        "value": value,
        "text": {"type": "plain_text", "text": label},
    }


@pytest.mark.asyncio
async def test_click_button_presses_the_newest_visible_one(emu: SlackEmulator) -> None:
    """click_button finds the frontmost button with that label (newest message first) and
    sends its action; a label nobody shows them is a PersonError naming the buttons they
    can press, frontmost first and each once (the demo prints it for a mistyped label)."""
    ws = emu.workspace
    alice = ws.add_user("alice")
    ws.chat.post(
        ws.general.id,
        ws.bot_user_id,
        "oldest",
        blocks=[{"type": "actions", "elements": [_button("Solved", "solved", "0")]}],
    )
    older = ws.chat.post(
        ws.general.id,
        ws.bot_user_id,
        "old",
        blocks=[{"type": "actions", "elements": [_button("Undo", "undo", "1")]}],
    )
    newer = ws.chat.post(
        ws.general.id,
        ws.bot_user_id,
        "new",
        blocks=[{"type": "actions", "elements": [_button("Undo", "undo", "2")]}],
    )
    async with endpoint(emu, Endpoint()) as bot:
        await emu.click_button(alice.id, "undo")
        with pytest.raises(PersonError) as refused:
            await emu.click_button(alice.id, "Redo")
    payload = json.loads(dict(parse_qsl(bot.received[0].body))["payload"])
    assert payload["actions"][0]["value"] == "2"
    assert payload["container"]["message_ts"] == newer.ts != older.ts
    assert str(refused.value) == "alice sees no button “Redo”; they can press “Undo”, “Solved”"


def _menu(kind: str, label: str, action_id: str, **more: object) -> dict[str, object]:
    return {
        "type": kind,
        "action_id": action_id,
        "placeholder": {"type": "plain_text", "text": label},
        **more,
    }


@pytest.mark.asyncio
async def test_pick_chooses_in_the_menu_by_its_placeholder(emu: SlackEmulator) -> None:
    """pick sends the block_actions payload Slack sends for a menu outside a modal's inputs:
    a person in a users_select, an option (by its text or value) in a static_select. A menu
    nobody shows them, or an option it does not have, is a PersonError saying what there is."""
    ws = emu.workspace
    alice, bob = ws.add_user("alice"), ws.add_user("bob")
    day = {"type": "plain_text", "text": "Monday"}
    ws.chat.post(
        ws.general.id,
        ws.bot_user_id,
        "offer",
        blocks=[
            {
                "type": "actions",
                "elements": [
                    _button("Not me", "decline", "1"),
                    _menu("users_select", "Suggest someone", "refer"),
                    _menu("static_select", "Day", "day", options=[{"text": day, "value": "mon"}]),
                ],
            }
        ],
    )
    async with endpoint(emu, Endpoint()) as bot:
        await emu.pick(alice.id, "suggest SOMEONE", bob.id)
        await emu.pick(alice.id, "Day", "monday")
        with pytest.raises(PersonError) as no_menu:
            await emu.pick(alice.id, "Not me", bob.id)
        with pytest.raises(PersonError) as no_option:
            await emu.pick(alice.id, "Day", "Friday")
    actions = [json.loads(dict(parse_qsl(r.body))["payload"])["actions"][0] for r in bot.received]
    assert actions[0]["action_id"] == "refer" and actions[0]["selected_user"] == bob.id
    assert actions[1]["selected_option"]["value"] == "mon"
    assert str(no_menu.value) == (
        "alice sees no menu “Not me”; they can pick from “Suggest someone”, “Day”"
    )
    assert str(no_option.value) == "'Day' has no option 'Friday'; it has 'Monday'"
