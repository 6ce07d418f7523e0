"""Over 300 lines on purpose: one method per thing a person does in Slack, side by side.

The test API for acting as people: type, react, run commands, click, fill in modals.

Each action changes the workspace the way the Slack client would, then delivers what
Slack would send the app and returns the ``Delivery`` record. Actions Slack's UI would
not allow (clicking a button that is not shown) raise ``PersonError``.
"""

from __future__ import annotations

import asyncio
import re
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
from .delivery import Deliverer, Delivery, DeliveryKind
from .records import Channel, Ephemeral, Message, View
from .responses import Responder, apply_view_response
from .workspace import Workspace

_MESSAGE_EVENTS = {
    "public": "message.channels",
    "private": "message.groups",
    "im": "message.im",
    "mpim": "message.mpim",
}
_NOT_SHOWN = ("action_id", "block_id", "action_ts", "placeholder", "text", "style", "url")


def _state_entry(action: dict[str, Any]) -> dict[str, Any]:
    """What a used element leaves in its surface's `state.values`: its choice, no labels."""
    return {k: v for k, v in action.items() if k not in _NOT_SHOWN}


class People:
    """Mixin of the person-facing test API; SlackEmulator provides the attributes."""

    workspace: Workspace
    event_subscriptions: set[str] | None
    _deliverer: Deliverer
    _responder: Responder
    _events_sent: int
    _event_series: str

    def subscribed(self, event: str) -> bool:
        return self.event_subscriptions is None or event in self.event_subscriptions

    def event_envelope(self, event: dict[str, Any]) -> dict[str, Any]:
        """`event` in an envelope with the next event_id, as Slack would send it."""
        self._events_sent += 1
        return payloads.event_envelope(self.workspace, event, self._events_sent, self._event_series)

    async def _send_event(self, event: dict[str, Any]) -> Delivery:
        return await self._deliverer.deliver("event", self.event_envelope(event))

    async def post_message(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        *,
        thread_ts: str | None = None,
        broadcast: bool = False,
        files: tuple[str, ...] = (),
    ) -> tuple[Message, list[Delivery]]:
        """Type a message; delivers ``message`` and, for ``<@bot>``, ``app_mention``. A thread
        reply with ``broadcast`` ("Also send to channel") is a ``thread_broadcast``; ``files``
        names files the person uploads with it (a screenshot), which makes it a
        ``file_share``."""
        ws = self.workspace
        ws.user(user_id)
        channel = ws.channel(channel_id)
        if user_id not in channel.members:
            raise PersonError(f"{user_id} is not in {channel_id} and cannot post there")
        if thread_ts is not None:
            parent = ws.chat.find(channel.id, thread_ts)
            if parent is None:
                raise PersonError(f"no message {thread_ts} in {channel_id} to reply to")
            thread_ts = parent.thread_ts or parent.ts
        elif broadcast:
            raise PersonError("only a thread reply can also be sent to the channel")
        shared = [ws.new_file(name=name, length=len(name), user=user_id) for name in files]
        message = ws.chat.post(
            channel.id,
            user_id,
            shapes.typed(text),
            blocks=shapes.rich_text(text) if text or not files else None,
            thread_ts=thread_ts,
            files=[f.id for f in shared],
        )
        for file in shared:
            file.completed = True
            file.shares[channel.id] = [message.ts]
        message.broadcast = broadcast
        return message, await self._message_events(message, [])

    async def edit_message(
        self, user_id: str, message: Message, text: str
    ) -> tuple[Message, list[Delivery]]:
        """Edit one's own message; delivers ``message_changed`` and, when the new text
        mentions the bot, ``app_mention`` again, marked ``edited`` (Slack does, each edit)."""
        ws = self.workspace
        current, channel, previous = self._own_message(user_id, message, "edit")
        ws.chat.update(current, text=shapes.typed(text), blocks=shapes.rich_text(text))
        changed = payloads.message_changed_event(ws, current, previous, channel)
        return current, await self._message_events(current, [changed], plain=False)

    async def delete_message(self, user_id: str, message: Message) -> list[Delivery]:
        """Delete one's own message; delivers ``message_deleted``, or for a message with
        thread replies the ``message_changed`` to a tombstone that Slack sends instead."""
        ws = self.workspace
        current, channel, previous = self._own_message(user_id, message, "delete")
        replies = [] if current.is_reply else ws.chat.replies_of(current)
        ws.chat.delete(current)
        deleted = (
            payloads.tombstone_event(ws, previous, channel, replies)
            if replies
            else payloads.message_deleted_event(ws, previous, channel)
        )
        return await self._message_events(current, [deleted], plain=False, mention=False)

    def _own_message(
        self, user_id: str, message: Message, verb: str
    ) -> tuple[Message, Channel, dict[str, Any]]:
        """The message as stored, its channel and its JSON before the change; only its author
        may change it, and never the bot's through a person."""
        ws = self.workspace
        current = ws.chat.find(message.channel, message.ts)
        if current is None or current.user != user_id or current.by_bot:
            raise PersonError(f"{user_id} cannot {verb} message {message.ts}")
        return current, ws.channel(current.channel), shapes.message_json(ws, current)

    async def _message_events(
        self,
        message: Message,
        changes: list[dict[str, Any]],
        *,
        plain: bool = True,
        mention: bool = True,
    ) -> list[Delivery]:
        """Deliver what Slack sends the app about ``message``: ``changes`` (or, when ``plain``,
        the message itself) if the bot is in the conversation and subscribed to its messages,
        and ``app_mention`` if it mentions the bot outside a DM."""
        ws = self.workspace
        channel = ws.channel(message.channel)
        events = []
        bot_present = ws.bot_user_id in channel.members
        if bot_present and self.subscribed(_MESSAGE_EVENTS[channel.kind]):
            events.extend([payloads.message_event(ws, message, channel)] if plain else changes)
        text = message.text
        mentioned = re.search(rf"<@{re.escape(ws.bot_user_id)}(\|[^>]*)?>", text) is not None
        if (
            mention
            and bot_present
            and mentioned
            and not channel.is_im
            and self.subscribed("app_mention")
        ):
            events.append(payloads.app_mention_event(ws, message))
        deliveries = await asyncio.gather(*(self._send_event(e) for e in events))
        return list(deliveries)

    def response_url(self, user_id: str, channel_id: str) -> str:
        """A response_url for a request `user_id` makes in `channel_id`, as Slack puts in a
        command or an interaction (for a test that sends Slack's own payloads)."""
        return self._responder.issue(user_id, channel_id)

    async def slash_command(
        self, user_id: str, command: str, text: str = "", *, channel_id: str | None = None
    ) -> Delivery:
        """Run ``/command text``; the ack body is shown as Slack shows it."""
        ws = self.workspace
        user = ws.user(user_id)
        channel = ws.channel(channel_id or ws.general.id)
        command = command if command.startswith("/") else f"/{command}"
        url = self._responder.issue(user_id, channel.id)
        target = self._responder.target_of(url)
        assert target is not None
        trigger_id = ws.views.issue_trigger(user_id)
        form = payloads.slash_command(
            ws, user, channel, command, text, response_url=url, trigger_id=trigger_id
        )
        delivery = await self._deliverer.deliver("command", form, accepts_response=True)
        if delivery.ok:
            self._responder.command_answered(target, delivery.response)
        else:
            timed_out = delivery.attempts[-1].error in ("http_timeout", "timeout")
            self._responder.command_failed(
                target, command, "operation_timeout" if timed_out else "dispatch_failed"
            )
        return delivery

    async def add_reaction(
        self, user_id: str, channel_id: str, ts: str, name: str
    ) -> Delivery | None:
        """React to a message; None when nothing is delivered (not subscribed, bot absent)."""
        ws = self.workspace
        message = ws.chat.find(channel_id, ts)
        channel = ws.channel(channel_id)
        if message is None or user_id not in channel.members:
            raise PersonError(f"{user_id} cannot see message {ts} in {channel_id}")
        name = name.strip(":")
        if not ws.chat.react(message, user_id, name):
            return None
        if ws.bot_user_id not in channel.members or not self.subscribed("reaction_added"):
            return None
        return await self._send_event(payloads.reaction_added_event(ws, user_id, name, message))

    async def open_home(self, user_id: str) -> Delivery | None:
        """Open the app's Home tab, delivering ``app_home_opened`` with the current view."""
        ws = self.workspace
        im = ws.open_im(user_id)
        if not self.subscribed("app_home_opened"):
            return None
        home = ws.views.home_of(user_id)
        view = shapes.view_json(ws, home) if home else None
        return await self._send_event(payloads.app_home_opened_event(ws, user_id, im, view))

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
        ws.block_kit("block_suggestion", block_kit.options_errors(answer))
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
            message=shapes.message_json(ws, shown),
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

    async def send_request(
        self, kind: DeliveryKind, payload: dict[str, Any], *, accepts_response: bool = False
    ) -> Delivery:
        """A request body given whole (one of Slack's documented examples, say) delivered as
        Slack delivers what people do: over HTTP, Socket Mode or in process, an event retried
        until acked; `accepts_response` lets a Socket Mode ack carry a payload."""
        return await self._deliverer.deliver(kind, payload, accepts_response=accepts_response)
