"""A thin recorder around Bolt's decorators, so the handler map can be listed and checked.

The manifest test compares `Router.routes` with `manifest.yml` in both directions; nothing can
be registered without appearing here.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.async_middleware import AsyncMiddleware

from handlers.dispatch.after_ack import ACK_WITHIN_SECONDS, AFTER_ACK_AT_ONCE
from handlers.dispatch.friendly import Done, friendly

log = logging.getLogger("askaround.dispatch")
Listener = Callable[..., Any]
Decorator = Callable[[Listener], Any]
# Message subtypes that are what a person typed: with a file attached, a thread reply also
# sent to the channel, a `/me` line. Every other subtype tells of something else (an edit, a
# join, a topic, a pin, a huddle's thread, another app's post).
TYPED = (None, "file_share", "thread_broadcast", "me_message")
# Another app's post, or Slackbot's answer to a phrase an admin set: no person's, no notice.
POSTED_BY_APPS = ("bot_message", "slackbot_response")


def subtype_of(message: dict[str, Any]) -> str | None:
    """A message's subtype; a blank one is none (java-slack-sdk's samples blank it where a
    message has none, and a shortcut on a person's question was told it was a notice)."""
    return message.get("subtype") or None


def is_typed(message: dict[str, Any]) -> bool:
    """Whether a message event is one a person typed (or another app posted as one). A
    `hidden` one never is: Slack's notice that a thread got a reply (`message_replied`) comes
    without its subtype over the Events API, and only `hidden` tells it apart."""
    return subtype_of(message) in TYPED and not message.get("hidden")


def is_notice(message: dict[str, Any]) -> bool:
    """Whether a message is a notice Slack writes (a join, a topic, a pin, a deleted message's
    tombstone): of none of the subtypes a person or an app posts."""
    return subtype_of(message) not in (*TYPED, *POSTED_BY_APPS)


def conversation_type(event: dict[str, Any]) -> str | None:
    """A message event's conversation type (`channel`, `group`, `im`, `mpim`): its
    `channel_type`, or, where Slack left that out (its `message` event reference names none),
    `im` for a DM's id, the one type an id tells. The DM with the app is `im` too where
    Slack names it `app_home` (its `message.app_home` reference)."""
    said = event.get("channel_type")
    if said == "app_home":
        return "im"
    if said:
        return str(said)
    return "im" if str(event.get("channel") or "").startswith("D") else None


def is_thread_reply(event: dict[str, Any]) -> bool:
    """Whether a message event is a reply in a thread: Slack tells one by its `thread_ts`
    not being its own `ts` (a thread's first message may carry both, the same)."""
    thread = event.get("thread_ts")
    return bool(thread) and thread != event.get("ts")


def deleted_ts(event: dict[str, Any]) -> str | None:
    """The ts of the message a `message` event says was deleted: a `message_deleted`, or the
    `message_changed` to a tombstone that Slack sends instead for a message with thread
    replies (the thread stays, under "This message was deleted.")."""
    if event.get("subtype") == "message_deleted":
        previous = event.get("previous_message") or {}
        return event.get("deleted_ts") or previous.get("ts")
    changed = event.get("message") or {}
    if event.get("subtype") == "message_changed" and changed.get("subtype") == "tombstone":
        return changed.get("ts")
    return None


def edited_message(event: dict[str, Any]) -> dict[str, Any] | None:
    """The message as it is now, when a `message` event says a person edited it (Slack's
    `message_changed` with the message `edited`; not a tombstone, not an unfurl). Its `ts`
    is the message's, which bolt-python's example names in `previous_message` alone."""
    changed = event.get("message")
    if event.get("subtype") != "message_changed" or not isinstance(changed, dict):
        return None
    if changed.get("subtype") == "tombstone" or not changed.get("edited"):
        return None
    if changed.get("ts"):
        return changed
    before = event.get("previous_message")
    ts = before.get("ts") if isinstance(before, dict) else None
    return {**changed, "ts": ts} if ts else None


def edit_ts(event: dict[str, Any], changed: dict[str, Any]) -> str:
    """Which edit a `message_changed` carries (its `edited.ts`, else the event's own ts):
    Slack's ts strings have one width, so a later edit sorts after an earlier one."""
    return str((changed.get("edited") or {}).get("ts") or event.get("ts"))


async def _ignored() -> None:
    """An event with nothing to do: Bolt acks it when its listener returns."""


@dataclass(frozen=True)
class Route:
    kind: str  # command | event | action | view | message_shortcut | global_shortcut | options
    name: str


class Router:
    def __init__(
        self,
        app: AsyncApp,
        inbox: AsyncMiddleware | None = None,
        done: Done | None = None,
        refused: Done | None = None,
        ack_within: float = ACK_WITHIN_SECONDS,
    ) -> None:
        """`inbox` is the listener middleware that stores each request before its ack,
        `done` closes the stored request when its listener ends, and `refused` closes and
        empties one refused to who sent it (`bot.errors.NotAMember`); a listener not acked
        within `ack_within` seconds is acked empty (`friendly`)."""
        self.app = app
        self.routes: list[Route] = []
        self._done, self._refused, self._ack_within = done, refused, ack_within
        self._stored: list[AsyncMiddleware] = [inbox] if inbox is not None else []
        # One line for the whole app: its listeners take turns after their acks.
        self.turns = asyncio.Semaphore(AFTER_ACK_AT_ONCE)

    def _record(self, kind: str, name: str) -> None:
        self.routes.append(Route(kind, name))

    def _friendly(self, register: Callable[[Listener], Any]) -> Decorator:
        def decorate(listener: Listener) -> Any:
            return register(
                friendly(listener, self._done, self.turns, self._refused, self._ack_within)
            )

        return decorate

    def command(self, name: str, matchers: list[Listener] | None = None) -> Decorator:
        """A slash command; with `matchers`, only the invocations they accept (a subcommand
        owned by another surface), registered before the command's general listener."""
        self._record("command", name)
        return self._friendly(self.app.command(name, matchers=matchers, middleware=self._stored))

    def event(self, name: str) -> Decorator:
        self._record("event", name)
        return self._friendly(self.app.event(name, middleware=self._stored))

    def message(self, channel_type: str, matchers: list[Listener] | None = None) -> Decorator:
        """Messages people type in one conversation type (`im`, `channels`, …): plain ones, and
        the subtypes that are a person's message too (`TYPED`); with `matchers`, only those
        they all accept, decided before the request is stored. The rest are answered by
        `ignore_other_events`.

        Bolt's event constraints only look at `type` and `subtype`, so the conversation type
        and the subtypes are checked by a matcher of our own (`is_typed`).
        """
        self._record("event", f"message.{channel_type}")
        slack_type = {"channels": "channel", "groups": "group"}.get(channel_type, channel_type)

        async def typed_in_conversation_type(body: dict[str, Any]) -> bool:
            event = body.get("event") or {}
            typed = is_typed(event)
            if slack_type in ("channel", "group") and body.get("is_ext_shared_channel"):
                # Shared with another organisation: never watched, so what is said there
                # (their people's words too) is not stored, not even in the inbox; a
                # private channel's thread replies neither.
                return False
            kind = conversation_type(event)
            # A channel's event naming no type (as Slack's `message` reference shows one) may
            # be a private channel's: its listener asks Slack (`channel_message`).
            return typed and (kind == slack_type or (kind is None and slack_type == "channel"))

        return self._friendly(
            self.app.event(
                "message",
                matchers=[typed_in_conversation_type, *(matchers or [])],
                middleware=self._stored,
            )
        )

    def notice(self, subtype: str, channel_type: str) -> Decorator:
        """A message Slack itself posts in one conversation type to say something happened
        to the conversation (`channel_convert_to_private` in `groups`)."""
        self._record("event", f"message.{channel_type}")
        return self._friendly(
            self.app.event({"type": "message", "subtype": subtype}, middleware=self._stored)
        )

    def deletions(self, matchers: list[Listener]) -> Decorator:
        """Messages deleted (`deleted_ts`) where the bot hears messages (the `message.*`
        subscriptions `message` records) that `matchers` all accept; they decide before the
        request is stored, so a deleted message nobody needs is not kept."""

        async def a_deletion(body: dict[str, Any]) -> bool:
            return deleted_ts(body.get("event") or {}) is not None

        return self._friendly(
            self.app.event("message", matchers=[a_deletion, *matchers], middleware=self._stored)
        )

    def edits(self, matchers: list[Listener]) -> Decorator:
        """Messages edited (`edited_message`) where the bot hears messages, that `matchers`
        all accept; as `deletions`, they decide before the request is stored."""

        async def an_edit(body: dict[str, Any]) -> bool:
            return edited_message(body.get("event") or {}) is not None

        return self._friendly(
            self.app.event("message", matchers=[an_edit, *matchers], middleware=self._stored)
        )

    def ignore_other_events(self) -> None:
        """Answer every event no listener took 200 and do nothing with it. Every other
        `message` event: an edit (`message_changed`, the bot's own included), a join, another
        app's post, a topic; Slack sends them all to a `message.*` subscription. What Slack
        sends beside `user_change`, at the same moment and with the same user object
        (`user_huddle_changed`, `user_profile_changed`, `user_status_changed`): `user_change`
        is what is read. And an event of a kind manifest.yml does not subscribe to
        (`reaction_removed`, `channel_created`, …), as a workspace keeps the subscriptions the
        app had when it was installed. Unmatched, Bolt answered 404 ("Unhandled request")
        with a warning, which Slack retried three times over HTTP and left unacknowledged
        over Socket Mode. Registered after every listener: Bolt tries them in order."""
        self.app.event(re.compile(".*"))(_ignored)

    def ignore_closed_views(self) -> None:
        """Answer 200 when a modal was closed (`view_closed`): Slack sends it only for a view
        opened with `notify_on_close`, which no form of ours sets, so nothing follows from it;
        unanswered, Bolt said 404 ("Unhandled request") and Slack would retry."""

        async def acked(ack: Any) -> None:
            await ack()

        self.app.view_closed(re.compile(".*"))(acked)

    def ignore_other_interactions(self) -> None:
        """Answer 200 a command, a click, a shortcut, a form or a menu's options of an id no
        listener takes, and do nothing more (one INFO line naming the id): Slack sends them
        for a button or a form an app no longer has, or a command or shortcut renamed in the
        app's settings since manifest.yml. Unmatched, Bolt answered 404 ("Unhandled
        request", a WARNING), which Slack shows the person as an error, and over Socket Mode
        acked nothing. A command is told it is not askaround's; options are none. Registered
        after every listener: Bolt tries them in order."""
        anything = re.compile(".*")

        async def command(ack: Any, body: dict[str, Any]) -> None:
            name = str(body.get("command") or "")
            log.info("answered a command askaround does not have: %s", name)
            await ack(f"I have no `{name}` command. `/askaround help` says what I can do.")

        async def acked(ack: Any, body: dict[str, Any]) -> None:
            log.info("answered a %s of an id askaround does not know", body.get("type"))
            await ack()

        async def no_options(ack: Any) -> None:
            log.info("answered a menu askaround does not know with no options")
            await ack(options=[])

        self.app.command(anything)(command)
        self.app.action(anything)(acked)
        self.app.shortcut(anything)(acked)
        self.app.view(anything)(acked)
        self.app.options(anything)(no_options)

    def action(self, action_id: str) -> Decorator:
        self._record("action", action_id)
        return self._friendly(self.app.action(action_id, middleware=self._stored))

    def view(self, callback_id: str) -> Decorator:
        self._record("view", callback_id)
        return self._friendly(self.app.view(callback_id, middleware=self._stored))

    def message_shortcut(self, callback_id: str) -> Decorator:
        """A shortcut on a message: its payload names the message and its channel."""
        self._record("message_shortcut", callback_id)
        return self._friendly(self.app.message_shortcut(callback_id, middleware=self._stored))

    def global_shortcut(self, callback_id: str) -> Decorator:
        self._record("global_shortcut", callback_id)
        return self._friendly(self.app.global_shortcut(callback_id, middleware=self._stored))

    def options(self, action_id: str) -> Decorator:
        """Options are answered in the ack itself and change nothing: not stored."""
        self._record("options", action_id)
        return self._friendly(self.app.options(action_id))

    def names(self, kind: str) -> set[str]:
        return {route.name for route in self.routes if route.kind == kind}
