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


# The menus a person can pick from in one go: a person in a users_select, an option in a
# static_select. The others need typing (external) or several choices (multi).
MENUS = ("users_select", "static_select")


def _shown(ws: Workspace, user_id: str) -> Iterator[tuple[Surface, dict[str, Any], dict[str, Any]]]:
    for surface in surfaces(ws, user_id):
        for block in surface.blocks:
            for element in block_elements(block):
                yield surface, block, element


def _label(element: dict[str, Any]) -> str:
    """What the person reads on it: a button's text, a menu's placeholder."""
    shown = element.get("text") if element.get("type") == "button" else element.get("placeholder")
    return str((shown or {}).get("text", "")).strip()


def _labels(ws: Workspace, user_id: str, kinds: tuple[str, ...], limit: int) -> list[str]:
    labels: list[str] = []
    for _, _, element in _shown(ws, user_id):
        text = _label(element)
        if element.get("type") in kinds and text and text not in labels:
            labels.append(text)
            if len(labels) == limit:
                return labels
    return labels


def _find(
    ws: Workspace, user_id: str, label: str, kinds: tuple[str, ...]
) -> tuple[Surface, dict[str, Any], dict[str, Any]] | None:
    wanted = label.strip().lower()
    for surface, block, element in _shown(ws, user_id):
        if element.get("type") in kinds and _label(element).lower() == wanted:
            return surface, block, element
    return None


def button_labels(ws: Workspace, user_id: str, limit: int = 6) -> list[str]:
    """The labels of the buttons the person can press, most prominent first, each once."""
    return _labels(ws, user_id, ("button",), limit)


def find_button(
    ws: Workspace, user_id: str, label: str
) -> tuple[Surface, dict[str, Any], dict[str, Any]] | None:
    """The frontmost button labelled ``label`` (case-insensitive): surface, block, element."""
    return _find(ws, user_id, label, ("button",))


def menu_labels(ws: Workspace, user_id: str, limit: int = 6) -> list[str]:
    """The placeholders of the menus (`MENUS`) the person can pick from, frontmost first."""
    return _labels(ws, user_id, MENUS, limit)


def find_menu(
    ws: Workspace, user_id: str, label: str
) -> tuple[Surface, dict[str, Any], dict[str, Any]] | None:
    """The frontmost menu (`MENUS`) whose placeholder is ``label`` (case-insensitive)."""
    return _find(ws, user_id, label, MENUS)
