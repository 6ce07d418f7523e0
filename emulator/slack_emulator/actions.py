"""What a person can click or fill in, read from the blocks actually on screen.

A test asks a person to press a button by ``action_id``; if no such element is shown
(or several are and nothing tells them apart) that is a bug in the test or the bot,
so it raises ``PersonError`` instead of inventing a payload Slack would never send.
"""

from __future__ import annotations

from typing import Any

from .blocks import block_elements
from .records import Blocks, View

_TEXT_VALUE = {"plain_text_input", "number_input", "email_text_input", "url_text_input"}
_SINGLE_OPTION = {"static_select", "external_select", "radio_buttons", "overflow"}
_MULTI_OPTION = {"multi_static_select", "multi_external_select", "checkboxes"}
_SCALAR = {
    "users_select": ("selected_user", "initial_user"),
    "conversations_select": ("selected_conversation", "initial_conversation"),
    "channels_select": ("selected_channel", "initial_channel"),
    "datepicker": ("selected_date", "initial_date"),
    "timepicker": ("selected_time", "initial_time"),
}
_LISTS = {
    "multi_users_select": ("selected_users", "initial_users"),
    "multi_conversations_select": ("selected_conversations", "initial_conversations"),
    "multi_channels_select": ("selected_channels", "initial_channels"),
}


# What `state.values` holds (Slack's "full state", api.slack.com/changelog/2020-09-full-state-
# on-view-submisson-and-block-actions): every element that keeps a value, in any block; a
# button or an overflow menu keeps none.
_STATEFUL = (
    _TEXT_VALUE | (_SINGLE_OPTION - {"overflow"}) | _MULTI_OPTION | {*_SCALAR, *_LISTS}
) | {"rich_text_input"}


def is_stateful(element: dict[str, Any]) -> bool:
    return element.get("type") in _STATEFUL


class PersonError(Exception):
    """The test asked a person to do what Slack's UI would not let them do."""


Found = tuple[dict[str, Any], dict[str, Any]]


def find_element(
    blocks: Blocks, action_id: str, *, block_id: str | None = None, value: str | None = None
) -> Found:
    """The (block, element) with this action_id; ``value`` picks among same-id buttons."""
    found = [
        (block, element)
        for block in blocks
        for element in block_elements(block)
        if element.get("action_id") == action_id
        and (block_id is None or block.get("block_id") == block_id)
    ]
    if value is not None and len(found) > 1:
        found = [(b, e) for b, e in found if e.get("type") != "button" or e.get("value") == value]
    if not found:
        shown = sorted({str(e.get("action_id")) for b in blocks for e in block_elements(b)})
        raise PersonError(f"no element with action_id {action_id!r} is shown; shown: {shown}")
    if len(found) > 1:
        raise PersonError(
            f"{len(found)} elements have action_id {action_id!r}; pass block_id or value"
        )
    block, element = found[0]
    if element.get("type") == "button" and value is not None and element.get("value") != value:
        raise PersonError(f"button {action_id!r} has value {element.get('value')!r}, not {value!r}")
    return block, element


def all_options(element: dict[str, Any]) -> list[dict[str, Any]]:
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options.extend(group.get("options") or [])
    return options


def pick_option(element: dict[str, Any], choice: str | dict[str, Any]) -> dict[str, Any]:
    """The option a person picks, by value; external selects take any option dict."""
    if isinstance(choice, dict):
        return choice
    if element.get("type", "").endswith("external_select"):
        return {"text": {"type": "plain_text", "text": choice}, "value": choice}
    for option in all_options(element):
        if option.get("value") == choice:
            return option
    values = [o.get("value") for o in all_options(element)]
    raise PersonError(
        f"{element.get('action_id')!r} offers no option {choice!r}; it offers {values}"
    )


def element_state(element: dict[str, Any], given: Any = None) -> dict[str, Any]:
    """The ``state.values`` entry for an element: its initial value, or what was entered."""
    kind = str(element.get("type"))
    if _is_state(kind, given):
        return {**given, "type": kind}
    state: dict[str, Any] = {"type": kind}
    if kind in _TEXT_VALUE:
        state["value"] = given if given is not None else element.get("initial_value")
    elif kind in _SINGLE_OPTION:
        state["selected_option"] = (
            pick_option(element, given) if given is not None else element.get("initial_option")
        )
    elif kind in _MULTI_OPTION:
        chosen = given if given is not None else None
        state["selected_options"] = (
            [pick_option(element, c) for c in chosen]
            if chosen is not None
            else element.get("initial_options", [])
        )
    elif kind in _SCALAR:
        key, initial = _SCALAR[kind]
        state[key] = given if given is not None else element.get(initial)
    elif kind in _LISTS:
        key, initial = _LISTS[kind]
        state[key] = list(given) if given is not None else element.get(initial, [])
    elif kind == "rich_text_input":
        state["rich_text_value"] = (
            _rich_text(given) if isinstance(given, str) else given or element.get("initial_value")
        )
    else:
        state["value"] = given
    return state


def _is_state(kind: str, given: Any) -> bool:
    """Whether ``given`` is already a whole state entry rather than a value to put in one."""
    if not isinstance(given, dict):
        return False
    if kind == "rich_text_input":
        return "rich_text_value" in given
    if kind in _SINGLE_OPTION:
        return "selected_option" in given
    return True


def _rich_text(text: str) -> dict[str, Any]:
    section = {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
    return {"type": "rich_text", "elements": [section]}


def has_value(state: dict[str, Any]) -> bool:
    return any(v not in (None, [], "") for k, v in state.items() if k != "type")


def action_payload(
    block: dict[str, Any], element: dict[str, Any], action_ts: str, **chosen: Any
) -> dict[str, Any]:
    """The ``actions[0]`` of a block_actions payload for this element and choice."""
    kind = element.get("type")
    action: dict[str, Any] = {
        "action_id": element.get("action_id"),
        "block_id": block.get("block_id"),
        "type": kind,
        "action_ts": action_ts,
    }
    if kind == "button":
        action["text"] = element.get("text")
        for key in ("value", "style", "url"):
            if key in element:
                action[key] = element[key]
        return action
    given = _given(kind, chosen)
    if given is None and kind not in _TEXT_VALUE:
        raise PersonError(f"choose something to use {element.get('action_id')!r} ({kind})")
    state = element_state(element, given)
    state.pop("type")
    action.update(state)
    if "placeholder" in element:
        action["placeholder"] = element["placeholder"]
    return action


def _given(kind: Any, chosen: dict[str, Any]) -> Any:
    if kind in _SINGLE_OPTION:
        return chosen.get("selected_option")
    if kind in _MULTI_OPTION:
        return chosen.get("selected_options")
    if kind == "users_select":
        return chosen.get("selected_user")
    if kind in _LISTS:
        return chosen.get("selected_options")
    return chosen.get("value")


def submission_state(
    view: View, values: dict[str, dict[str, Any]]
) -> dict[str, dict[str, dict[str, Any]]]:
    """The view's ``state.values`` at submission, checking what Slack's client checks."""
    state: dict[str, dict[str, dict[str, Any]]] = {}
    inputs = {
        b["block_id"]: b
        for b in view.blocks
        if b.get("type") == "input" and isinstance(b.get("element"), dict)
    }
    for block_id, given in values.items():
        block = inputs.get(block_id)
        if block is None or set(given) - {block["element"].get("action_id")}:
            raise PersonError(f"view {view.id} has no input {block_id}/{list(given)}")
    for block_id, block in inputs.items():
        element = block["element"]
        action_id = element.get("action_id")
        given = values.get(block_id, {})
        if action_id in given:
            entry = element_state(element, given[action_id])
        else:
            entry = view.state_values.get(block_id, {}).get(action_id) or element_state(element)
        if not block.get("optional") and not has_value(entry):
            label = (block.get("label") or {}).get("text", block_id)
            raise PersonError(
                f"required input {label!r} is empty; Slack would not let the person submit"
            )
        state[block_id] = {action_id: entry}
    for block in view.blocks:  # the other blocks' elements that keep a value, as they stand
        if block.get("type") == "input":
            continue
        for element in filter(is_stateful, block_elements(block)):
            block_id, action_id = block["block_id"], element["action_id"]
            entered = view.state_values.get(block_id, {}).get(action_id)
            state.setdefault(block_id, {})[action_id] = entered or element_state(element)
    return state
