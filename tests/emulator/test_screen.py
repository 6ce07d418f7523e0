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
    assert str(refused.value) == "alice sees no button 'Redo'; they can press 'Undo', 'Solved'"
