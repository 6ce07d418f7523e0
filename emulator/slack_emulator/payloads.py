"""The payloads Slack sends an app: event envelopes, slash command forms, interactions.

Shapes follow Slack's documented examples and bolt-python's scenario tests, since
bolt reads ``team``, ``user``, ``authorizations`` and ``api_app_id`` from them.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from . import shapes
from .records import Channel, Message, User
from .workspace import Workspace

VERIFICATION_TOKEN = "emulated-verification-token"


def event_envelope(
    ws: Workspace, event: dict[str, Any], event_number: int, series: str
) -> dict[str, Any]:
    """`series` tells this emulator's events from another's: Slack never reuses an event_id,
    and an app that stored one (askaround's inbox) drops a second event with it as a retry."""
    context = {"id": event_number, "team": ws.team_id, "app": ws.app_id}
    envelope: dict[str, Any] = {
        "token": VERIFICATION_TOKEN,
        "team_id": ws.team_id,
        "context_team_id": ws.team_id,
        "context_enterprise_id": ws.enterprise_id,
        "api_app_id": ws.app_id,
        "event": event,
        "type": "event_callback",
        "event_id": f"Ev{series}{event_number:07d}",
        "event_time": ws.event_time(),
        "authorizations": [
            {
                "enterprise_id": ws.enterprise_id,
                "team_id": ws.team_id,
                "user_id": ws.bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": bool(
            (channel := ws.channels.get(str(event.get("channel") or _item_channel(event))))
            and channel.is_ext_shared
        ),
        "event_context": "4-"
        + base64.urlsafe_b64encode(json.dumps(context).encode()).decode().rstrip("="),
    }
    if ws.enterprise_id is not None:  # a workspace in an Enterprise Grid organisation
        envelope["enterprise_id"] = ws.enterprise_id
    actor = event.get("user")
    if event.get("type") == "message" and isinstance(actor, str) and actor in ws.guests:
        # A guest's message in a shared channel: the envelope names their own workspace, and
        # only `context_team_id` and `authorizations` the one that installed the app.
        envelope["team_id"] = ws.guests[actor]
        envelope.pop("enterprise_id", None)
        if actor in ws.guest_orgs:
            envelope["enterprise_id"] = ws.guest_orgs[actor]
    return envelope


def message_event(ws: Workspace, message: Message, channel: Channel) -> dict[str, Any]:
    """A person's message as the Events API sends it: one they shared files with is a
    `file_share` (its words, if any, in `text`), as the Events API goes on saying though
    Web API answers have dropped that subtype (api.slack.com/changelog/2018-05-file-threads-
    soon-tread); a thread reply also sent to the channel stays a `thread_broadcast`."""
    event = shapes.message_json(ws, message)
    if message.files and "subtype" not in event:
        event["subtype"] = "file_share"
    event.update(channel=channel.id, event_ts=message.ts, channel_type=channel.channel_type)
    return event


def message_changed_event(
    ws: Workspace, message: Message, previous: dict[str, Any], channel: Channel
) -> dict[str, Any]:
    """A person edited ``message``: Slack's ``message_changed``, hidden, with the message as it
    is now (``edited`` in it) and as it was; its own ``ts`` is the edit's."""
    now = shapes.message_json(ws, message)
    return _changed(now, previous, channel, message.edited_ts or ws.next_ts())


def _changed(
    now: dict[str, Any], previous: dict[str, Any], channel: Channel, ts: str
) -> dict[str, Any]:
    """Slack's hidden ``message_changed``: the message as it is now and as it was."""
    return {
        "type": "message",
        "subtype": "message_changed",
        "message": now,
        "previous_message": previous,
        "channel": channel.id,
        "hidden": True,
        "ts": ts,
        "event_ts": ts,
        "channel_type": channel.channel_type,
    }


def message_deleted_event(
    ws: Workspace, previous: dict[str, Any], channel: Channel
) -> dict[str, Any]:
    ts = ws.next_ts()
    return {
        "type": "message",
        "subtype": "message_deleted",
        "previous_message": previous,
        "channel": channel.id,
        "hidden": True,
        "deleted_ts": previous["ts"],
        "ts": ts,
        "event_ts": ts,
        "channel_type": channel.channel_type,
    }


def tombstone_event(
    ws: Workspace, previous: dict[str, Any], channel: Channel, replies: list[Message]
) -> dict[str, Any]:
    """A person deleted a message that has thread replies: Slack keeps the thread under a
    tombstone ("This message was deleted.") and sends a ``message_changed`` to it, not a
    ``message_deleted`` (that comes once the last reply is gone)."""
    ts = ws.next_ts()
    tombstone = shapes.tombstone_json(previous["ts"], replies)
    return _changed(tombstone, previous, channel, ts)


def app_mention_event(ws: Workspace, message: Message) -> dict[str, Any]:
    """Slack's `app_mention`: the message's fields as a message event has them, under its own
    type. A mention shared with files carries them (`files`, `upload`, `display_as_bot`;
    seratch/seratch-slack-types#8), and one in a thread reply also sent to the channel keeps
    `subtype: thread_broadcast` and the thread's `root` (soxtoby/SlackNet#69, captured)."""
    event: dict[str, Any] = {
        "client_msg_id": message.client_msg_id,
        "type": "app_mention",
        "text": message.text,
        "user": message.user,
        "ts": message.ts,
        "blocks": message.blocks,
        # Unlike the message event, a mention names the installed workspace as its `team`,
        # and a guest's own (Slack Connect) as `user_team` and `source_team`.
        "team": ws.team_id,
        "channel": message.channel,
        "event_ts": message.ts,
    }
    if message.user in ws.guests:
        home = ws.guest_orgs.get(message.user) or ws.guests[message.user]
        event.update(user_team=home, source_team=home)
    if message.files:
        event.update(
            files=[shapes.file_json(ws, ws.files[f]) for f in message.files if f in ws.files],
            upload=False,
            display_as_bot=False,
        )
    if message.thread_ts:
        event["thread_ts"] = message.thread_ts
        parent = ws.chat.find(message.channel, message.thread_ts)
        if message.is_reply and parent is not None:
            event["parent_user_id"] = parent.user
        if message.broadcast:
            root = shapes.message_json(ws, parent) if parent is not None else None
            event.update(subtype="thread_broadcast", root=root)
    if message.edited_ts:  # Slack mentions the bot again each time the message is edited
        event["edited"] = {"user": message.user, "ts": message.edited_ts}
    return event


def _item_channel(event: dict[str, Any]) -> str | None:
    """The channel of what a reaction is on (`item.channel`): a reaction names no `channel`."""
    item = event.get("item")
    return item.get("channel") if isinstance(item, dict) else None


def reaction_added_event(ws: Workspace, user: str, name: str, message: Message) -> dict[str, Any]:
    return {
        "type": "reaction_added",
        "user": user,
        "reaction": name,
        "item_user": message.user,
        "item": {"type": "message", "channel": message.channel, "ts": message.ts},
        "event_ts": ws.next_ts(),
    }


def app_home_opened_event(
    ws: Workspace, user: str, channel: Channel, view: dict[str, Any] | None, tab: str = "home"
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user,
        "channel": channel.id,
        "tab": tab,
        "event_ts": ws.next_ts(),
    }
    if view is not None:
        event["view"] = view
    return event


def channel_name(channel: Channel) -> str:
    """The `channel_name` of a command (and `channel.name` of an interaction): Slack names
    neither a DM nor a private channel, only a group DM (`mpdm-…`) and a public channel."""
    if channel.is_im:
        return "directmessage"
    return "privategroup" if channel.kind == "private" else channel.name


def slash_command(
    ws: Workspace,
    user: User,
    channel: Channel,
    command: str,
    text: str,
    *,
    response_url: str,
    trigger_id: str,
) -> dict[str, str]:
    form = {
        "token": VERIFICATION_TOKEN,
        "team_id": ws.team_id,
        "team_domain": ws.domain,
        "channel_id": channel.id,
        "channel_name": channel_name(channel),
        "user_id": user.id,
        "user_name": user.name,
        "command": command,
        "text": shapes.typed(text),
        "api_app_id": ws.app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }
    if ws.enterprise is not None:
        form |= {"enterprise_id": ws.enterprise["id"], "enterprise_name": ws.enterprise["name"]}
    return form


def interaction(ws: Workspace, kind: str, user: User, **fields: Any) -> dict[str, Any]:
    """The common head of every interactive payload, then the kind's own fields. A form a
    guest from another organisation acts in (Slack Connect) names as `team` (and
    `view.team_id`) their own workspace, and only `view.app_installed_team_id` this one,
    as a message's button names this one (slackapi/bolt-js#1614; bolt-python
    tests/scenario_tests_async/test_view_submission.py, `connect_channel_payload`)."""
    payload: dict[str, Any] = {
        "type": kind,
        "user": shapes.actor_json(ws, user),
        "api_app_id": ws.app_id,
        "token": VERIFICATION_TOKEN,
        "team": shapes.team_json(ws),
        "enterprise": enterprise_of(ws, user.id),
        "is_enterprise_install": False,
    }
    payload.update(fields)
    view = payload.get("view")
    if user.id in ws.guests and isinstance(view, dict):
        home = ws.guests[user.id]
        payload["team"] = {"id": home, "domain": home.lower()}
        if user.id in ws.guest_orgs:
            org = ws.guest_orgs[user.id]
            payload["team"] |= {"enterprise_id": org, "enterprise_name": f"{org} Group"}
        payload["view"] = view | {"team_id": home}
    return payload


def enterprise_of(ws: Workspace, user_id: str) -> dict[str, str] | None:
    """An interaction's `enterprise`: the person's own Enterprise Grid organisation, so for
    a guest from another organisation (Slack Connect) theirs, or none, never this
    workspace's (slackapi/bolt-python tests/scenario_tests_async/test_view_submission.py,
    `connect_channel_payload`)."""
    if user_id not in ws.guests:
        return ws.enterprise
    org = ws.guest_orgs.get(user_id)
    return {"id": org, "name": f"{org} Group"} if org else None
