"""What one person has on screen, for a demo that says "click Undo" rather than an action_id.

The search order is what is most in front of them: an open modal, then the newest
messages and ephemerals they can see, then their Home tab.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .blocks import block_elements
from .records import Ephemeral, Message, View
from .workspace import Workspace

Surface = Message | Ephemeral | View


def surfaces(ws: Workspace, user_id: str) -> Iterator[Surface]:
    """Everything the person can see that holds blocks, most prominent first."""
    modal = ws.views.top_modal(user_id)
    if modal is not None:
        yield modal
    items: list[Message | Ephemeral] = [
        e for e in ws.chat.ephemerals if e.user == user_id and not e.deleted
    ]
    items += [
        m for m in ws.chat.messages if not m.deleted and user_id in ws.channel(m.channel).members
    ]
    yield from sorted(items, key=lambda item: float(item.ts), reverse=True)
    home = ws.views.home_of(user_id)
    if home is not None:
        yield home


def button_labels(ws: Workspace, user_id: str, limit: int = 6) -> list[str]:
    """The labels of the buttons the person can press, most prominent first, each once."""
    labels: list[str] = []
    for surface in surfaces(ws, user_id):
        for block in surface.blocks:
            for element in block_elements(block):
                text = str((element.get("text") or {}).get("text", "")).strip()
                if element.get("type") == "button" and text and text not in labels:
                    labels.append(text)
                    if len(labels) == limit:
                        return labels
    return labels


def find_button(
    ws: Workspace, user_id: str, label: str
) -> tuple[Surface, dict[str, Any], dict[str, Any]] | None:
    """The frontmost button labelled ``label`` (case-insensitive): surface, block, element."""
    wanted = label.strip().lower()
    for surface in surfaces(ws, user_id):
        for block in surface.blocks:
            for element in block_elements(block):
                text = (element.get("text") or {}).get("text", "")
                if element.get("type") == "button" and str(text).strip().lower() == wanted:
                    return surface, block, element
    return None
