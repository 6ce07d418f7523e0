"""The person-facing test API for the app's surfaces: click what a message or a view shows,
submit or close a modal, type into an external select, run a shortcut.

Each action delivers what Slack would send the app and returns the ``Delivery`` record. A
use Slack's UI would not allow (clicking a button that is not shown) raises ``PersonError``.
What a person types, reacts and runs as a command is in ``people.py``.
"""

from __future__ import annotations

from typing import Any

from . import blocks as block_kit
from . import payloads, shapes
from .actions import (
    PersonError,
    action_payload,
    all_options,
    find_element,
    is_stateful,
    submission_state,
)
from .delivery import Deliverer, Delivery
from .records import Ephemeral, Message, View
from .responses import Responder, apply_view_response
from .workspace import Workspace

_NOT_SHOWN = ("action_id", "block_id", "action_ts", "placeholder", "text", "style", "url")


def _state_entry(action: dict[str, Any]) -> dict[str, Any]:
    """What a used element leaves in its surface's `state.values`: its choice, no labels."""
    return {k: v for k, v in action.items() if k not in _NOT_SHOWN}


class Interactions:
    """Mixin of the person-facing test API for clicks, modals and shortcuts; SlackEmulator
    provides the attributes."""

    workspace: Workspace
    _deliverer: Deliverer
    _responder: Responder

    async def click(
        self,
        user_id: str,
        action_id: str,
        *,
        message: Message | Ephemeral | None = None,
        view: View | str | None = None,
        value: str | None = None,
        selected_user: str | None = None,
        selected_option: str | dict[str, Any] | None = None,
        selected_options: list[str] | None = None,
        block_id: str | None = None,
    ) -> Delivery:
        """Use an element shown in ``message`` or ``view`` (a button, a select, ...).

        ``value`` tells same-id buttons apart (and is the typed text or picked date for
        inputs); ``selected_option`` is an option's value; ``selected_options`` the values,
        or user/channel ids, of a multi-select.
        """
        if (message is None) == (view is None):
            raise PersonError("click needs exactly one of message= or view=")
        ws = self.workspace
        user = ws.user(user_id)
        chosen = {
            "value": value,
            "selected_user": selected_user,
            "selected_option": selected_option,
            "selected_options": selected_options,
        }
        fields: dict[str, Any]
        if message is not None:
            shown = self._shown_message(user_id, message)
            block, element = find_element(shown.blocks, action_id, block_id=block_id, value=value)
            action = action_payload(block, element, ws.next_ts(), **chosen)
            fields = self._message_fields(user_id, shown)
            fields["state"] = {"values": self._picked(user_id, shown, block, element, action)}
        else:
            current = self._shown_view(user_id, view)
            block, element = find_element(current.blocks, action_id, block_id=block_id, value=value)
            action = action_payload(block, element, ws.next_ts(), **chosen)
            if is_stateful(element):
                entry = _state_entry(action)
                current.state_values.setdefault(block["block_id"], {})[action_id] = entry
            fields = {
                "container": {"type": "view", "view_id": current.id},
                "view": shapes.view_json(ws, current),
            }
        payload = payloads.interaction(
            ws,
            "block_actions",
            user,
            trigger_id=ws.views.issue_trigger(user_id),
            **fields,
            actions=[action],
        )
        return await self._deliverer.deliver("interaction", payload)

    def _shown_message(self, user_id: str, message: Message | Ephemeral) -> Message | Ephemeral:
        ws = self.workspace
        if isinstance(message, Ephemeral):
            if message.deleted or message.user != user_id:
                raise PersonError(f"{user_id} does not see ephemeral {message.ts}")
            return message
        current = ws.chat.find(message.channel, message.ts)
        if current is None or user_id not in ws.channel(message.channel).members:
            raise PersonError(f"{user_id} does not see message {message.ts} in {message.channel}")
        return current

    def _picked(
        self,
        user_id: str,
        shown: Message | Ephemeral,
        block: dict[str, Any],
        element: dict[str, Any],
        action: dict[str, Any],
    ) -> dict[str, dict[str, Any]]:
        """The message's `state.values` as this person's client holds it: each menu they
        picked in, this use included, while the message still shows that menu (an update
        that took it away took the pick with it)."""
        picked = self.workspace.chat.picked.setdefault((shown.channel, shown.ts, user_id), {})
        if is_stateful(element):
            entry = _state_entry(action)
            picked.setdefault(str(block.get("block_id")), {})[str(element["action_id"])] = entry
        shown_now = {
            (str(b.get("block_id")), str(e.get("action_id")))
            for b in shown.blocks
            for e in b.get("elements") or [b.get("accessory") or {}]
            if isinstance(e, dict)
        }
        return {
            block_id: kept
            for block_id, entries in picked.items()
            if (kept := {a: v for a, v in entries.items() if (block_id, a) in shown_now})
        }

    def _message_fields(self, user_id: str, shown: Message | Ephemeral) -> dict[str, Any]:
        ws = self.workspace
        channel = ws.channel(shown.channel)
        is_ephemeral = isinstance(shown, Ephemeral)
        fields: dict[str, Any] = {
            "container": {
                "type": "message",
                "message_ts": shown.ts,
                "channel_id": channel.id,
                "is_ephemeral": is_ephemeral,
            },
            "channel": {"id": channel.id, "name": payloads.channel_name(channel)},
            "state": {"values": {}},
            "response_url": self._responder.issue(user_id, channel.id, original=shown),
        }
        if shown.thread_ts and (isinstance(shown, Ephemeral) or shown.is_reply):
            fields["container"]["thread_ts"] = shown.thread_ts  # a thread's parent names none
        if isinstance(shown, Message):
            fields["message"] = shapes.message_json(ws, shown)
        return fields

    def _shown_view(self, user_id: str, view: View | str | None) -> View:
        ws = self.workspace
        view_id = view.id if isinstance(view, View) else str(view)
        current = ws.views.get(view_id)
        if current is None or current.user != user_id or current.closed:
            raise PersonError(f"{user_id} does not see view {view_id}")
        if current.type == "modal" and ws.views.top_modal(user_id) is not current:
            raise PersonError(f"view {view_id} is covered by another modal")
        return current

    async def submit_view(
        self, user_id: str, view_id: str, values: dict[str, dict[str, Any]] | None = None
    ) -> Delivery:
        """Press Submit. ``values[block_id][action_id]`` is a state entry or a plain value."""
        ws = self.workspace
        view = self._shown_view(user_id, view_id)
        if view.type != "modal" or view.spec.get("submit") is None:
            raise PersonError(f"view {view_id} has no Submit button")
        view.state_values = submission_state(view, values or {})
        view.errors = {}
        payload = payloads.interaction(
            ws,
            "view_submission",
            ws.user(user_id),
            trigger_id=ws.views.issue_trigger(user_id),
            view=shapes.view_json(ws, view),
            response_urls=[],
        )
        delivery = await self._deliverer.deliver("interaction", payload, accepts_response=True)
        if delivery.ok:
            delivery.result = apply_view_response(ws, view, delivery.response)
        return delivery

    async def close_view(self, user_id: str, view_id: str) -> Delivery | None:
        """Press Cancel; ``view_closed`` is delivered only if the view asked for it."""
        ws = self.workspace
        view = self._shown_view(user_id, view_id)
        ws.views.close(view)
        if not view.notify_on_close:
            return None
        payload = payloads.interaction(
            ws, "view_closed", ws.user(user_id), view=shapes.view_json(ws, view), is_cleared=False
        )
        return await self._deliverer.deliver("interaction", payload)

    async def suggest(
        self, user_id: str, action_id: str, value: str, view_id: str
    ) -> list[dict[str, Any]]:
        """Type into an external select; returns the options the bot offered (flattened)."""
        ws = self.workspace
        view = self._shown_view(user_id, view_id)
        block, element = find_element(view.blocks, action_id)
        if not str(element.get("type")).endswith("external_select"):
            raise PersonError(f"{action_id!r} is a {element.get('type')}, not an external select")
        if len(value) < int(element.get("min_query_length", 3)):
            raise PersonError(
                f"Slack waits for {element.get('min_query_length', 3)} characters before asking"
            )
        payload = payloads.interaction(
            ws,
            "block_suggestion",
            ws.user(user_id),
            container={"type": "view", "view_id": view.id},
            action_id=action_id,
            block_id=block.get("block_id"),
            value=value,
            view=shapes.view_json(ws, view),
        )
        delivery = await self._deliverer.deliver("interaction", payload, accepts_response=True)
        answer = delivery.response or {}
        if not ws.block_kit("block_suggestion", block_kit.options_errors(answer)):
            ws.sent("block_suggestion", "options", answer)
        delivery.result = all_options(answer)
        return list(delivery.result)

    async def message_shortcut(self, user_id: str, callback_id: str, message: Message) -> Delivery:
        ws = self.workspace
        shown = self._shown_message(user_id, message)
        assert isinstance(shown, Message)
        channel = ws.channel(shown.channel)
        payload = payloads.interaction(
            ws,
            "message_action",
            ws.user(user_id),
            callback_id=callback_id,
            trigger_id=ws.views.issue_trigger(user_id),
            action_ts=ws.next_ts(),
            channel={"id": channel.id, "name": payloads.channel_name(channel)},
            message_ts=shown.ts,
            message=shapes.undeclared_metadata(shapes.message_json(ws, shown)),
            response_url=self._responder.issue(user_id, channel.id, original=shown),
        )
        return await self._deliverer.deliver("interaction", payload)

    async def global_shortcut(self, user_id: str, callback_id: str) -> Delivery:
        ws = self.workspace
        payload = payloads.interaction(
            ws,
            "shortcut",
            ws.user(user_id),
            callback_id=callback_id,
            trigger_id=ws.views.issue_trigger(user_id),
            action_ts=ws.next_ts(),
        )
        return await self._deliverer.deliver("interaction", payload)
