"""What a Slack request body must look like before Bolt, or a listener, reads it.

Bolt parses a body and reads it (`body["event"]["type"]`, `body["authorizations"][0]`, …)
as if Slack could send nothing else, so a malformed one (a top-level array, `event` as a
string, nesting thousands deep) raised deep inside it. Slack's signature is checked on the
raw bytes before any of this (`handlers.dispatch.door`); a signed body that still fails here is
refused with 400 (HTTP) or acked and dropped (Socket Mode), logged without its text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from slack_sdk.signature import SignatureVerifier

from handlers.blocks.home import MANAGER_REPORT_ACTION
from handlers.blocks.kudos import HOME_GIVE_ACTION, THANK_ACTION, UNDO_ACTION
from handlers.blocks.offers import OFFER_BLOCK, offer_of_block
from handlers.blocks.questions import WITHDRAW_ACTION
from handlers.blocks.skills import EDIT_ACTION
from handlers.blocks.workspace_settings import AUDIT_ACTION, OPEN_ACTION
from handlers.dispatch.router import is_typed

MAX_DEPTH = 64  # Slack's deepest payloads (rich text in a view's state) are about 15 deep

OBJECT = (dict, type(None))
TEXT = (str, type(None))
LIST = (list, type(None))
ID_OR_OBJECT = (str, dict, type(None))  # `team_join` and `channel_created` send objects
# Where Slack puts what, as Bolt and our listeners read it: the top of a body (events,
# commands, interactions), an event, a view.
TOP: dict[str, tuple[type, ...]] = {
    "type": TEXT,
    "command": TEXT,
    "text": TEXT,
    "trigger_id": TEXT,
    "response_url": TEXT,
    "user_id": TEXT,
    "channel_id": TEXT,
    "team_id": TEXT,
    "event_id": TEXT,
    "callback_id": TEXT,
    "event": OBJECT,
    "user": OBJECT,
    "channel": OBJECT,
    "container": OBJECT,
    "enterprise": OBJECT,
    "message": OBJECT,
    "state": OBJECT,
    "view": OBJECT,
    "authorizations": LIST,
    "actions": LIST,
    "response_urls": LIST,
}
EVENT: dict[str, tuple[type, ...]] = {
    "type": TEXT,
    "subtype": TEXT,
    "user": ID_OR_OBJECT,
    "channel": ID_OR_OBJECT,
    "channel_type": TEXT,
    "text": TEXT,
    "ts": TEXT,
    "thread_ts": TEXT,
    "reaction": TEXT,
    "item_user": TEXT,
    "item": OBJECT,
    "message": OBJECT,
    "previous_message": OBJECT,
    "tokens": OBJECT,
    "actor_id": TEXT,
}
VIEW: dict[str, tuple[type, ...]] = {
    "id": TEXT,
    "callback_id": TEXT,
    "private_metadata": TEXT,
    "state": OBJECT,
}
# A dialog's submission, cancellation and option request (Slack's dialogs, before modals)
# carry the `state` string the app opened the dialog with; every other body's is an object.
DIALOGS = frozenset({"dialog_submission", "dialog_cancellation", "dialog_suggestion"})
DIALOG_TOP = TOP | {"state": TEXT}
LISTS_OF_OBJECTS = ("authorizations", "actions", "response_urls")
# askaround's buttons that carry a question's or an offer's id (`handlers/blocks`): Slack sends
# a button's value back as the app wrote it. An id is a database integer (int4 on PostgreSQL).
ID_VALUED = frozenset(
    {
        "offer_accept",
        "offer_decline",
        "question_consent",
        "question_solved",
        "question_answered",
        WITHDRAW_ACTION,
    }
)
# Interactions Bolt routes by their `callback_id`, and those it routes by their view's
# (`body["view"]["callback_id"]`); a menu's options by their `action_id`.
BY_CALLBACK = frozenset({"shortcut", "message_action", "interactive_message"}) | DIALOGS
BY_VIEW = frozenset({"view_submission", "view_closed"})
# Interactions whose listeners open a form by the trigger Slack sends with them: every
# shortcut, and askaround's buttons that open one. A click elsewhere may come without a trigger
# (one in a workflow app's message carries its `interactivity` pointer instead), and its
# listener, askaround's or the one that acks what is not askaround's, reads none.
TRIGGERED = frozenset({"shortcut", "message_action"})
OPENS_A_FORM = frozenset(
    {
        HOME_GIVE_ACTION,
        THANK_ACTION,
        "question_thank",
        EDIT_ACTION,
        OPEN_ACTION,
        AUDIT_ACTION,
        MANAGER_REPORT_ACTION,
    }
)
# What a slash command's listeners read: who typed it, where, and where to answer.
COMMAND_FIELDS = ["user_id", "channel_id", "response_url"]
# Interactions a person made, whose listeners read who made them (`body["user"]["id"]`).
BY_SOMEONE = frozenset(
    {"block_actions", "view_submission", "shortcut", "message_action", "block_suggestion"}
)
# …and the select on an offer that names it in its block_id (`offer_block_id`).
OFFER_BLOCKED = frozenset({"offer_refer"})
# Buttons whose listeners read the conversation of the message they are on (`clicked_in`).
IN_A_CONVERSATION = frozenset({"nudge_ask"})
# askaround's buttons that are only ever on a message (never on the Home tab or in a form), whose
# listeners answer under it or tidy it by its `response_url`: Slack sends one with every click
# on a message. Without it Bolt's `respond` raised, and the person was told that something
# went wrong. A request's *I can help* and *Not me* are on its colleague's Home tab too, and
# answered in their DM there.
BY_RESPONSE_URL = frozenset(
    {
        "offer_refer",
        "question_consent",
        "question_answered",
        "nudge_ask",
        "nudge_not_now",
        UNDO_ACTION,
    }
)
AN_ID = re.compile(r"[0-9]{1,10}")
A_PERSON = re.compile(r"[UW][A-Z0-9]{1,31}")
# askaround's other buttons and what it writes into each: a kudos' batch (any text), the
# person to thank, a question and the helper to thank (`handlers/blocks`).
VALUED = {
    UNDO_ACTION: re.compile(r".+", re.DOTALL),
    THANK_ACTION: A_PERSON,
    "question_thank": re.compile(rf"{AN_ID.pattern}:{A_PERSON.pattern}"),
}
LARGEST_ID = 2**31 - 1


class RawSignature(SignatureVerifier):
    """slack_sdk's verifier (its headers, its five-minute window, its constant-time compare)
    over the raw bytes: its own decodes them first, and raises on a body that is not UTF-8."""

    def generate_signature(self, *, timestamp: str, body: str | bytes) -> str | None:
        raw = body if isinstance(body, bytes) else body.encode()
        base = b"v0:" + timestamp.encode() + b":" + raw
        return "v0=" + hmac.new(self.signing_secret.encode(), base, hashlib.sha256).hexdigest()

    def signed(self, raw: bytes, headers: Mapping[str, str]) -> bool:
        """Whether Slack signed these bytes; a timestamp that is not a number is a no."""
        try:
            return self.is_valid_request(raw, headers)
        except ValueError:
            return False


class Malformed(ValueError):
    """The body is not one Slack sends; the message names what is wrong, never its text."""


def parse(raw: bytes, content_type: str | None) -> dict[str, Any]:
    """The body, checked: JSON (events), a form (commands), or a form whose `payload` is
    JSON (interactions). Bolt's own parser takes any form that merely contains the word
    "payload" for an interaction's, and loses a command whose text says it."""
    try:
        text = raw.decode("utf-8")
        if content_type == "application/json" or text.startswith("{"):
            body: object = json.loads(text)
        else:
            form = dict(parse_qsl(text, keep_blank_values=True))
            body = json.loads(form["payload"]) if "payload" in form else form
    except UnicodeDecodeError:
        raise Malformed("not UTF-8") from None
    except RecursionError:
        raise Malformed("nested too deep") from None
    except ValueError:
        raise Malformed("not JSON") from None
    return check(body)


def check(body: object) -> dict[str, Any]:
    """`body` if it has the shape Slack's bodies have; raises `Malformed` otherwise."""
    if not isinstance(body, dict):
        raise Malformed(f"a JSON {type(body).__name__}, not an object")
    if depth(body) > MAX_DEPTH:
        raise Malformed(f"nested deeper than {MAX_DEPTH}")
    dialog = isinstance(body.get("type"), str) and body["type"] in DIALOGS
    _typed(body, DIALOG_TOP if dialog else TOP, "")
    for key in LISTS_OF_OBJECTS:
        if not all(isinstance(item, dict) for item in body.get(key) or ()):
            raise Malformed(f"{key} holds something other than objects")
    if isinstance(body.get("event"), dict):
        _typed(body["event"], EVENT, "event.")
    if isinstance(body.get("view"), dict):
        _typed(body["view"], VIEW, "view.")
    _read_unasked(body)
    _always_sent(body)
    return body


def _read_unasked(body: dict[str, Any]) -> None:
    """What Bolt reads of a click and of a form submitted without asking whether it is there
    (a block_actions' first action's `action_id`, a view_submission's view `type`): Slack
    always sends them, but java-slack-sdk's samples with their blank fields left out have
    none, and Bolt's KeyError was a 500 with a traceback. And the id Bolt routes every other
    interaction by (a `callback_id`, the view's, a menu's `action_id`): without it Bolt found
    no listener, answered 404 with a WARNING and, over Socket Mode, acked nothing."""
    kind, view = body.get("type"), body.get("view")
    if kind in BY_CALLBACK and not isinstance(body.get("callback_id"), str):
        raise Malformed(f"{kind} without its callback_id")
    if kind in BY_VIEW and not isinstance((view or {}).get("callback_id"), str):
        raise Malformed(f"{kind} without its view's callback_id")
    if kind == "block_suggestion" and not isinstance(body.get("action_id"), str):
        raise Malformed("block_suggestion without its action_id")
    if kind == "block_actions" and "actions" in body:
        actions = body["actions"] or [{}]
        if not isinstance(actions[0].get("action_id"), str):
            raise Malformed("block_actions without an action_id")
    if kind == "view_submission" and isinstance(view, dict) and "callback_id" in view:
        if not isinstance(view.get("type"), str):
            raise Malformed("view_submission without the view's type")


def _always_sent(body: dict[str, Any]) -> None:
    """What Slack always sends and askaround's listeners read: a type (or a command), an
    event's type, a command's `user_id`, `channel_id` and `response_url`, a shortcut's
    `trigger_id` and that of a click on a button that opens a form, a submitted form's
    `state.values` (objects of objects), who opened the Home tab, the revoked tokens as lists,
    who clicked, submitted or chose (an interaction's `user.id`), a message's `channel` and
    `ts` (and, for one a person typed, `user`), a reaction's `user` and the `channel` and `ts`
    of the message it is on, the id askaround wrote into its own buttons, and the
    `response_url` of a click on one only ever on a message. Without them a
    listener failed with a traceback and the person was told that something went wrong."""
    kind, view, event = body.get("type"), body.get("view"), body.get("event")
    if not kind and not body.get("command") and body.get("ssl_check") != "1":
        raise Malformed("neither an event, a command nor an interaction: no type")
    if not kind and body.get("command"):
        _named(body, COMMAND_FIELDS, "slash command", what="")
    if kind == "event_callback" and not (isinstance(event, dict) and event.get("type")):
        raise Malformed("an event_callback without its event's type")
    if kind in BY_SOMEONE:
        _named(body.get("user") or {}, ["id"], str(kind), "user.", what="")
    if kind in TRIGGERED:
        _named(body, ["trigger_id"], str(kind), what="")
    if kind == "block_actions" and any(
        action.get("action_id") in OPENS_A_FORM for action in body.get("actions") or ()
    ):
        _named(body, ["trigger_id"], "block_actions", what="")
    if kind == "view_submission" and isinstance(view, dict):
        values = (view.get("state") or {}).get("values")
        if not isinstance(values, dict):
            raise Malformed("view_submission without its state's values")
        for block in values.values():  # {block_id: {action_id: {what was entered}}}
            if not isinstance(block, dict) or not all(isinstance(v, dict) for v in block.values()):
                raise Malformed("view_submission with a value that is not an object")
    if kind == "block_actions":
        for action in body.get("actions") or ():
            if action.get("action_id") in ID_VALUED and not _an_id(action.get("value")):
                raise Malformed(f"{action['action_id']} without an id for its value")
            if action.get("action_id") in OFFER_BLOCKED and not _an_offer(action.get("block_id")):
                raise Malformed(f"{action['action_id']} without an offer's block_id")
            if action.get("action_id") in IN_A_CONVERSATION and not clicked_in(body):
                raise Malformed(f"{action['action_id']} without its message's channel")
            if action.get("action_id") in BY_RESPONSE_URL:
                _named(body, ["response_url"], str(action["action_id"]), what="")
            wrote = VALUED.get(action.get("action_id"))
            value = action.get("value")
            if wrote is not None and not (isinstance(value, str) and wrote.fullmatch(value)):
                raise Malformed(f"{action['action_id']} without the value askaround wrote")
            if action.get("action_id") == "question_thank" and not _an_id(value.split(":")[0]):
                raise Malformed("question_thank without a question's id")
    if isinstance(event, dict) and event.get("type") in ("message", "app_mention"):
        wanted = ["channel", "ts"]
        if is_typed(event) and not event.get("bot_id"):
            wanted.append("user")  # an app's post, or a notice, may name nobody
        _named(event, wanted, event["type"])
    if isinstance(event, dict) and event.get("type") == "app_home_opened":
        _named(event, ["user"], "app_home_opened")
    if isinstance(event, dict) and event.get("type") in ("channel_left", "group_left"):
        _named(event, ["channel"], event["type"])
    if isinstance(event, dict) and isinstance(event.get("tokens"), dict):
        _typed(event["tokens"], {"oauth": LIST, "bot": LIST}, "event.tokens.")
    if isinstance(event, dict) and event.get("type") in ("reaction_added", "reaction_removed"):
        _named(event, ["user"], event["type"])
        item = event.get("item") or {}
        if item.get("type") == "message":
            _named(item, ["channel", "ts"], event["type"], "item.")


def clicked_in(body: dict[str, Any]) -> str | None:
    """The conversation of the message a click was on: its `channel`, or where Slack names it
    in the click's `container` alone (`channel_id`)."""
    channel = body.get("channel")
    said = channel.get("id") if isinstance(channel, dict) else None
    if not said:
        container = body.get("container")
        said = container.get("channel_id") if isinstance(container, dict) else None
    return said if isinstance(said, str) and said else None


def _named(
    found: dict[str, Any], keys: list[str], kind: str, where: str = "", what: str = " event"
) -> None:
    for key in keys:
        if not isinstance(found.get(key), str) or not found[key]:
            raise Malformed(f"a {kind}{what} without {where}{key}")


def _an_id(value: object) -> bool:
    return isinstance(value, str) and bool(AN_ID.fullmatch(value)) and int(value) <= LARGEST_ID


def _an_offer(block_id: object) -> bool:
    if not isinstance(block_id, str) or not OFFER_BLOCK.fullmatch(block_id):
        return False
    return offer_of_block(block_id) <= LARGEST_ID


def depth(value: object) -> int:
    """How deep objects and arrays nest (without recursion: the body may be very deep)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:
                stack.extend((child, level + 1) for child in item)
    return deepest


def _typed(found: dict[str, Any], expected: dict[str, tuple[type, ...]], where: str) -> None:
    for key, types in expected.items():
        if not isinstance(found.get(key), types):
            raise Malformed(f"{where}{key} is a {type(found[key]).__name__}")
