"""Doing the same thing more than once at the same moment, as Slack and people do: a button
pressed twice before its answer shows (each press a new trigger id, so the inbox tells them
apart), a modal's Submit pressed twice, an event sent again with its retry header."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.safe_text import quoted
from slack_emulator import Delivery, View
from slack_emulator.actions import PersonError
from slack_emulator.screen import find_button
from tests.e2e.harness import Harness


async def press(slack: Harness, handle: str, label: str, times: int = 2) -> list[Delivery]:
    """Press the frontmost button labelled `label` `times` times at once: every press is
    aimed at what the person saw before the first was answered."""
    user = slack.user(handle)
    found = find_button(slack.here.workspace, user, label)
    if found is None:
        raise PersonError(f"{handle} sees no button {quoted(label)}")
    surface, block, element = found
    where: dict[str, Any] = {"view": surface} if isinstance(surface, View) else {"message": surface}
    presses = [
        slack.here.click(
            user,
            str(element.get("action_id")),
            block_id=block.get("block_id"),
            value=element.get("value"),
            **where,
        )
        for _ in range(times)
    ]
    return list(await asyncio.gather(*presses))


async def submit_at_once(
    slack: Harness, handle: str, view: View, values: dict[str, Any], times: int = 2
) -> list[Delivery]:
    """Press a modal's Submit `times` times before the first is answered."""
    user = slack.user(handle)
    return list(
        await asyncio.gather(*(slack.here.submit_view(user, view.id, values) for _ in range(times)))
    )
