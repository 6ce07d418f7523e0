"""The test API for acting as people: type, edit and delete messages, react, run commands,
open the Home tab; one method per thing a person does in Slack, side by side. Clicking,
filling in modals and shortcuts are in ``interactions.py`` (``People`` inherits them).

Each action changes the workspace the way the Slack client would, then delivers what
Slack would send the app and returns the ``Delivery`` record. Actions Slack's UI would
not allow (clicking a button that is not shown) raise ``PersonError``.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from . import payloads, shapes
from .actions import PersonError
from .delivery import Deliverer, Delivery, DeliveryKind
from .interactions import Interactions
from .records import Channel, Message
from .responses import Responder
from .workspace import Workspace

_MESSAGE_EVENTS = {
    "public": "message.channels",
    "private": "message.groups",
    "im": "message.im",
    "mpim": "message.mpim",
}


class People(Interactions):
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

    async def open_messages(self, user_id: str) -> Delivery | None:
        """Open the app's Messages tab (the DM with the bot), delivering ``app_home_opened``
        with ``tab: messages`` and no view, as Slack does on each opening."""
        ws = self.workspace
        im = ws.open_im(user_id)
        if not self.subscribed("app_home_opened"):
            return None
        event = payloads.app_home_opened_event(ws, user_id, im, None, tab="messages")
        return await self._send_event(event)

    async def send_request(
        self, kind: DeliveryKind, payload: dict[str, Any], *, accepts_response: bool = False
    ) -> Delivery:
        """A request body given whole (one of Slack's documented examples, say) delivered as
        Slack delivers what people do: over HTTP, Socket Mode or in process, an event retried
        until acked; `accepts_response` lets a Socket Mode ack carry a payload."""
        return await self._deliverer.deliver(kind, payload, accepts_response=accepts_response)
