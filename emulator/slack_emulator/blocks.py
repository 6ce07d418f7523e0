"""Block Kit as Slack stores and checks it.

Slack fills in a ``block_id`` and an ``action_id`` that the app left out, and refuses
layouts beyond its limits. The emulator does the same so that a bot which would be
rejected by Slack (51 blocks, a 3,001-character section) is rejected here too.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from .records import Blocks

MESSAGE_BLOCK_LIMIT = 50
VIEW_BLOCK_LIMIT = 100

_BLOCK_TYPES = {
    "actions", "context", "divider", "file", "header", "image", "input", "rich_text",
    "section", "video", "markdown", "table", "context_actions",
}  # fmt: skip
_INTERACTIVE = {
    "button", "checkboxes", "datepicker", "datetimepicker", "email_text_input", "external_select",
    "multi_external_select", "multi_static_select", "multi_users_select",
    "multi_conversations_select", "multi_channels_select", "number_input", "overflow",
    "plain_text_input", "radio_buttons",
    "rich_text_input", "static_select", "timepicker", "url_text_input", "users_select",
    "conversations_select", "channels_select", "file_input", "workflow_button",
}  # fmt: skip


def _short_id(seed: Any) -> str:
    digest = hashlib.sha1(json.dumps(seed, sort_keys=True, default=str).encode()).hexdigest()
    return digest[:5]


def block_elements(block: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The interactive elements a block holds, wherever Block Kit puts them."""
    if isinstance(block.get("accessory"), dict):
        yield block["accessory"]
    if isinstance(block.get("element"), dict):
        yield block["element"]
    if block.get("type") in ("actions", "context_actions"):
        for element in block.get("elements") or []:
            if isinstance(element, dict):
                yield element


def normalize(blocks: Blocks | None) -> Blocks:
    """Copy the blocks, filling in the ``block_id``/``action_id`` Slack would generate."""
    result: Blocks = copy.deepcopy(blocks or [])
    for index, block in enumerate(result):
        if not isinstance(block, dict):
            continue
        block.setdefault("block_id", _short_id([index, block]))
        for position, element in enumerate(block_elements(block)):
            if element.get("type") in _INTERACTIVE:
                element.setdefault("action_id", _short_id([block["block_id"], position, element]))
    return result


def _text_len(obj: Any) -> int:
    return len(obj.get("text", "")) if isinstance(obj, dict) else 0


def _check_text(
    obj: Any, limit: int, pointer: str, errors: list[str], *, plain: bool = False
) -> None:
    if obj is None:
        return
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        errors.append(f"[ERROR] must be a valid text object [json-pointer:{pointer}]")
        return
    if plain and obj.get("type") != "plain_text":
        errors.append(f"[ERROR] must be a plain_text text object [json-pointer:{pointer}/type]")
    if _text_len(obj) > limit:
        errors.append(
            f"[ERROR] must be less than {limit + 1} characters [json-pointer:{pointer}/text]"
        )


def _check_element(element: dict[str, Any], pointer: str, errors: list[str]) -> None:
    if len(str(element.get("action_id", ""))) > 255:
        errors.append(
            f"[ERROR] must be less than 256 characters [json-pointer:{pointer}/action_id]"
        )
    if element.get("type") == "button":
        _check_text(element.get("text"), 75, f"{pointer}/text", errors, plain=True)
        if len(str(element.get("value", ""))) > 2000:
            errors.append(
                f"[ERROR] must be less than 2001 characters [json-pointer:{pointer}/value]"
            )
    for key in ("options", "initial_options"):
        if len(element.get(key) or []) > 100:
            errors.append(
                f"[ERROR] must provide no more than 100 items [json-pointer:{pointer}/{key}]"
            )


def _check_block(block: Any, pointer: str, errors: list[str]) -> None:
    if not isinstance(block, dict) or "type" not in block:
        errors.append(f"[ERROR] missing required field: type [json-pointer:{pointer}]")
        return
    kind = block["type"]
    if kind not in _BLOCK_TYPES:
        errors.append(f"[ERROR] unsupported type: {kind} [json-pointer:{pointer}/type]")
        return
    if len(str(block.get("block_id", ""))) > 255:
        errors.append(f"[ERROR] must be less than 256 characters [json-pointer:{pointer}/block_id]")
    if kind == "section":
        if block.get("text") is None and not block.get("fields"):
            errors.append(f"[ERROR] must contain either text or fields [json-pointer:{pointer}]")
        _check_text(block.get("text"), 3000, f"{pointer}/text", errors)
        fields = block.get("fields") or []
        if len(fields) > 10:
            errors.append(
                f"[ERROR] must provide no more than 10 items [json-pointer:{pointer}/fields]"
            )
        for i, item in enumerate(fields):
            _check_text(item, 2000, f"{pointer}/fields/{i}", errors)
    elif kind == "header":
        _check_text(block.get("text"), 150, f"{pointer}/text", errors, plain=True)
    elif kind in ("actions", "context"):
        elements = block.get("elements") or []
        limit = 25 if kind == "actions" else 10
        if not elements:
            errors.append(
                f"[ERROR] must provide at least 1 items [json-pointer:{pointer}/elements]"
            )
        if len(elements) > limit:
            errors.append(
                f"[ERROR] must provide no more than {limit} items [json-pointer:{pointer}/elements]"
            )
    elif kind == "input":
        _check_text(block.get("label"), 2000, f"{pointer}/label", errors, plain=True)
        if not isinstance(block.get("element"), dict):
            errors.append(f"[ERROR] missing required field: element [json-pointer:{pointer}]")
    seen: set[str] = set()
    for i, element in enumerate(block_elements(block)):
        _check_element(element, f"{pointer}/elements/{i}", errors)
        action_id = element.get("action_id")
        if action_id is not None and action_id in seen:
            errors.append(f"[ERROR] action_id {action_id} is already used [json-pointer:{pointer}]")
        if action_id is not None:
            seen.add(action_id)


def block_errors(blocks: Any, *, limit: int, pointer: str = "/blocks") -> list[str]:
    """Slack's ``response_metadata.messages`` for an invalid layout; empty when valid."""
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        return [f"[ERROR] must be an array [json-pointer:{pointer}]"]
    errors: list[str] = []
    if len(blocks) > limit:
        errors.append(f"[ERROR] must provide no more than {limit} items [json-pointer:{pointer}]")
    block_ids: set[str] = set()
    for i, block in enumerate(blocks):
        _check_block(block, f"{pointer}/{i}", errors)
        block_id = block.get("block_id") if isinstance(block, dict) else None
        if block_id is not None:
            if block_id in block_ids:
                errors.append(
                    f"[ERROR] duplicate block_id {block_id} [json-pointer:{pointer}/{i}/block_id]"
                )
            block_ids.add(block_id)
    return errors


def view_errors(view: Any) -> list[str]:
    """Slack's complaints about a modal or Home tab view object; empty when valid."""
    if not isinstance(view, dict):
        return ["[ERROR] must be an object [json-pointer:/view]"]
    kind = view.get("type")
    if kind not in ("modal", "home"):
        return [f"[ERROR] unsupported type: {kind} [json-pointer:/view/type]"]
    errors = block_errors(view.get("blocks", []), limit=VIEW_BLOCK_LIMIT, pointer="/view/blocks")
    if kind == "modal":
        if view.get("title") is None:
            errors.append("[ERROR] missing required field: title [json-pointer:/view]")
        for key in ("title", "submit", "close"):
            _check_text(view.get(key), 24, f"/view/{key}", errors, plain=True)
        has_input = any(
            isinstance(b, dict) and b.get("type") == "input" for b in view.get("blocks") or []
        )
        if has_input and view.get("submit") is None:
            errors.append(
                "[ERROR] must provide submit when view has input blocks [json-pointer:/view]"
            )
    if len(str(view.get("private_metadata", ""))) > 3000:
        errors.append(
            "[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]"
        )
    if len(str(view.get("callback_id", ""))) > 255:
        errors.append("[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]")
    return errors
