"""Records rendered as the JSON objects Slack's Web API and payloads carry.

Field names and nesting follow Slack's published samples (java-slack-sdk
``json-logs/samples``, bolt-python's tests), so code written against Slack reads them.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from .records import Channel, File, Message, User, View
from .workspace import Workspace

_TOKEN = re.compile(r"<([@#!]?)([^>|]+)(?:\|([^>]*))?>")


def user_json(ws: Workspace, user: User) -> dict[str, Any]:
    first, _, last = user.real_name.partition(" ")
    avatar = f"https://avatars.example/{user.id}"
    profile: dict[str, Any] = {
        "title": user.title,
        "phone": "",
        "skype": "",
        "real_name": user.real_name,
        "real_name_normalized": user.real_name,
        "display_name": user.name,
        "display_name_normalized": user.name,
        "fields": {},  # custom profile fields: none (users.list's recorded answer has `{}`)
        "status_text": "",
        "status_emoji": "",
        "status_expiration": 0,
        "avatar_hash": hashlib.md5(user.id.encode()).hexdigest()[:12],
        "first_name": first,
        "last_name": last,
        "image_24": f"{avatar}_24.png",
        "image_48": f"{avatar}_48.png",
        "image_72": f"{avatar}_72.png",
        "image_192": f"{avatar}_192.png",
        "image_512": f"{avatar}_512.png",
        "team": ws.home_team(user.id),
    }
    if user.email:
        profile["email"] = user.email
    if user.bot_id:
        profile["bot_id"] = user.bot_id
        profile["api_app_id"] = user.app_id
        profile["always_active"] = True
    body = {
        "id": user.id,
        # A guest from another organisation (Slack Connect) is shown with their home team,
        # as Slack's users.info does for an external member.
        "team_id": ws.home_team(user.id),
        "name": user.name,
        "deleted": user.deleted,
        "color": "9f69e7",
        "real_name": user.real_name,
        "tz": user.tz,
        "tz_label": user.tz_label,
        "tz_offset": user.tz_offset,
        "profile": profile,
        "is_admin": user.is_admin,
        "is_owner": False,
        "is_primary_owner": False,
        "is_restricted": user.is_restricted or user.is_ultra_restricted,
        "is_ultra_restricted": user.is_ultra_restricted,
        "is_bot": user.is_bot,
        "is_app_user": False,
        "updated": user.updated or int(ws.now()),
        "is_email_confirmed": user.email is not None,
        "who_can_share_contact_card": "EVERYONE",
    }
    if ws.enterprise is not None and user.id not in ws.guests:
        # A member of an Enterprise Grid org is described with the org's workspaces they are
        # in; one removed from this workspace is still the org's, in the others only.
        teams = ws.removed.get(user.id, (ws.team_id,))
        body["team_id"] = teams[0] if teams else ws.enterprise_id
        body["enterprise_user"] = {
            "id": user.id,
            "enterprise_id": ws.enterprise_id,
            "enterprise_name": ws.enterprise["name"],
            "is_admin": user.is_admin,
            "is_owner": False,
            "teams": list(teams),
        }
    if user.deleted:  # Slack describes a deactivated member with less: no time zone, no roles
        body = {k: v for k, v in body.items() if k not in _GONE_WITH_DEACTIVATION}
    elif user.tz is None:  # a sparse profile (a team_join can be one): no zone at all
        body = {k: v for k, v in body.items() if k not in _NO_ZONE}
    return body


_GONE_WITH_DEACTIVATION = frozenset(
    {
        "color",
        "real_name",
        "tz",
        "tz_label",
        "tz_offset",
        "is_admin",
        "is_owner",
        "is_primary_owner",
        "is_restricted",
        "is_ultra_restricted",
        "is_email_confirmed",
        "who_can_share_contact_card",
    }
)


_NO_ZONE = frozenset({"tz", "tz_label", "tz_offset"})


def channel_json(ws: Workspace, channel: Channel, *, num_members: bool = False) -> dict[str, Any]:
    viewer = ws.bot_user_id
    if channel.is_im:
        other = ws.get_user(channel.im_user or "")
        return {
            "id": channel.id,
            "created": channel.created,
            "is_archived": False,
            "is_im": True,
            "is_org_shared": False,
            "context_team_id": ws.team_id,
            "updated": channel.created * 1000,
            "user": channel.im_user,
            "is_user_deleted": bool(other and other.deleted),
            "priority": 0,
        }
    body: dict[str, Any] = {
        "id": channel.id,
        "name": channel.name,
        "is_channel": channel.kind == "public",
        "is_group": channel.kind == "private",
        "is_im": False,
        "is_mpim": channel.is_mpim,
        "is_private": channel.is_private,
        "created": channel.created,
        "is_archived": channel.is_archived,
        "is_general": channel.is_general,
        "unlinked": 0,
        "name_normalized": channel.name,
        "is_shared": channel.is_ext_shared,
        "is_org_shared": False,
        "is_pending_ext_shared": False,
        "pending_shared": [],
        "context_team_id": ws.team_id,
        "updated": channel.created * 1000,
        "creator": channel.creator,
        "is_ext_shared": channel.is_ext_shared,
        "shared_team_ids": [ws.team_id],
        "is_member": viewer in channel.members,
        "topic": {"value": channel.topic, "creator": "", "last_set": 0},
        "purpose": {"value": channel.purpose, "creator": "", "last_set": 0},
        "previous_names": [],
    }
    if num_members:
        body["num_members"] = len(channel.members)
    return body


def bot_profile(ws: Workspace) -> dict[str, Any]:
    return {
        "id": ws.bot_id,
        "app_id": ws.app_id,
        "name": ws.bot_user.name,
        "icons": {"image_36": "https://avatars.example/bot_36.png"},
        "deleted": False,
        "updated": int(ws.now()),
        "team_id": ws.team_id,
    }


def message_json(ws: Workspace, message: Message) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "message",
        "text": message.text,
        "user": message.user,
        "ts": message.ts,
    }
    if message.client_msg_id:
        body["client_msg_id"] = message.client_msg_id
    if message.bot_id:
        body.update(bot_id=message.bot_id, app_id=message.app_id, bot_profile=bot_profile(ws))
    body["team"] = ws.home_team(message.user)
    if message.user in ws.guests:
        body.update(user_team=ws.guests[message.user], source_team=ws.guests[message.user])
    body["blocks"] = message.blocks
    if message.attachments:
        body["attachments"] = message.attachments
    if message.files:
        body["files"] = [file_json(ws, ws.files[f]) for f in message.files if f in ws.files]
        body["upload"] = False
        body["display_as_bot"] = False
    if message.broadcast:
        body["subtype"] = "thread_broadcast"
    if message.thread_ts:
        body["thread_ts"] = message.thread_ts
        if message.broadcast:
            parent = ws.chat.find(message.channel, message.thread_ts)
            body["root"] = message_json(ws, parent) if parent else None
        elif message.is_reply:
            parent = ws.chat.find(message.channel, message.thread_ts)
            body["parent_user_id"] = parent.user if parent else None
    replies = ws.chat.replies_of(message) if not message.is_reply else []
    if replies:
        users = list(dict.fromkeys(r.user for r in replies))
        body.update(
            reply_count=len(replies),
            reply_users_count=len(users),
            latest_reply=replies[-1].ts,
            reply_users=users,
            is_locked=False,
            subscribed=False,
        )
    if message.edited_ts:
        body["edited"] = {"user": message.user, "ts": message.edited_ts}
    if message.reactions:
        body["reactions"] = [
            {"name": r.name, "users": r.users, "count": len(r.users)} for r in message.reactions
        ]
    if message.metadata:
        body["metadata"] = message.metadata
    return body


def undeclared_metadata(body: dict[str, Any]) -> dict[str, Any]:
    """A message as Slack hands it to an app outside `include_all_metadata`: the metadata's
    `event_payload` left out, its `event_type` kept, for an event type the app's manifest
    does not declare (slackapi/python-slack-sdk#1501; askaround's declares none)."""
    metadata = body.get("metadata")
    if not isinstance(metadata, dict):
        return body
    kept = {k: v for k, v in metadata.items() if k != "event_payload"}
    return {**body, "metadata": kept}


def tombstone_json(ts: str, replies: list[Message]) -> dict[str, Any]:
    """What stands in a thread for a deleted parent while replies remain: Slack's tombstone,
    "This message was deleted." (in the ``message_changed`` it sends and in
    conversations.replies alike)."""
    users = list(dict.fromkeys(r.user for r in replies))
    return {
        "type": "message",
        "subtype": "tombstone",
        "text": "This message was deleted.",
        "user": "USLACKBOT",
        "hidden": True,
        "ts": ts,
        "thread_ts": ts,
        "parent_user_id": "USLACKBOT",
        "reply_count": len(replies),
        "reply_users_count": len(users),
        "latest_reply": replies[-1].ts,
        "reply_users": users,
        "is_locked": False,
        "subscribed": False,
    }


def view_json(ws: Workspace, view: View) -> dict[str, Any]:
    spec = view.spec
    body: dict[str, Any] = {
        "id": view.id,
        "team_id": ws.team_id,
        "type": view.type,
        "blocks": view.blocks,
        "private_metadata": view.private_metadata,
        "callback_id": view.callback_id,
        "state": {"values": view.state_values},
        "hash": view.hash,
        "title": spec.get("title"),
        "clear_on_close": bool(spec.get("clear_on_close")),
        "notify_on_close": bool(spec.get("notify_on_close")),
        "close": spec.get("close"),
        "submit": spec.get("submit"),
        "previous_view_id": view.previous_view_id,
        "root_view_id": view.root_view_id,
        "app_id": ws.app_id,
        "external_id": view.external_id,
        "app_installed_team_id": (view.type == "home" and ws.org_first_install) or ws.team_id,
        "bot_id": ws.bot_id,
    }
    if view.type == "home":
        body["title"] = spec.get("title") or {"type": "plain_text", "text": "View Title"}
    return body


_MIMETYPES = {
    **dict.fromkeys(("txt", "text", "csv", "md"), "text/plain"),
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "pdf": "application/pdf",
}


def file_json(ws: Workspace, file: File) -> dict[str, Any]:
    suffix = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else "text"
    base = f"https://files.slack.com/files-pri/{ws.team_id}-{file.id}"
    body: dict[str, Any] = {
        "id": file.id,
        "created": file.created,
        "timestamp": file.created,
        "name": file.name,
        "title": file.title,
        "mimetype": _MIMETYPES.get(suffix, "application/octet-stream"),
        "filetype": suffix,
        "pretty_type": suffix.upper(),
        "user": file.user,
        "user_team": ws.team_id,
        "editable": False,
        "size": len(file.content or b""),
        "mode": "hosted",
        "is_external": False,
        "external_type": "",
        "is_public": False,
        "public_url_shared": False,
        "display_as_bot": False,
        "username": "",
        "url_private": f"{base}/{file.name}",
        "url_private_download": f"{base}/download/{file.name}",
        "permalink": f"{ws.url}files/{file.user}/{file.id}/{file.name}",
        "channels": [c for c in file.shares if not c.startswith(("G", "D"))],
        "groups": [c for c in file.shares if c.startswith("G")],
        "ims": [c for c in file.shares if c.startswith("D")],
        "comments_count": 0,
    }
    if file.alt_txt:
        body["alt_txt"] = file.alt_txt
    return body


_MARKUP = re.compile(r"<(?:[@#!][^<>]*|(?:https?|mailto):[^<>]*)>")
_BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt);)")


def typed(text: str) -> str:
    """What a person typed as Slack sends it in a message's or command's `text`: `&`, `<` and
    `>` escaped (`R&D` arrives as `R&amp;D`), the markup a test writes for what the client
    makes of a mention, channel or link (`<@U1>`, `<#C1>`, `<!here>`, `<https://…>`) kept,
    and an entity written already left as it is."""
    parts: list[str] = []
    position = 0
    for match in _MARKUP.finditer(text):
        parts.append(_escaped(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_escaped(text[position:]))
    return "".join(parts)


def _escaped(text: str) -> str:
    return _BARE_AMPERSAND.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def rich_text(text: str) -> list[dict[str, Any]]:
    """The ``rich_text`` block Slack's composer attaches to what a person types."""
    elements: list[dict[str, Any]] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            elements.append({"type": "text", "text": text[position : match.start()]})
        sigil, target, label = match.groups()
        if sigil == "@":
            elements.append({"type": "user", "user_id": target})
        elif sigil == "#":
            elements.append({"type": "channel", "channel_id": target})
        elif sigil == "!":
            elements.append({"type": "broadcast", "range": target})
        else:
            link: dict[str, Any] = {"type": "link", "url": target}
            if label:
                link["text"] = label
            elements.append(link)
        position = match.end()
    if position < len(text):
        elements.append({"type": "text", "text": text[position:]})
    block_id = hashlib.sha1(text.encode()).hexdigest()[:5]
    section = {"type": "rich_text_section", "elements": elements}
    return [{"type": "rich_text", "block_id": block_id, "elements": [section]}]


def team_json(ws: Workspace) -> dict[str, Any]:
    """An interaction's `team`; a Grid organisation's workspace names the organisation too."""
    team: dict[str, Any] = {"id": ws.team_id, "domain": ws.domain}
    if ws.enterprise is not None:
        team |= {"enterprise_id": ws.enterprise["id"], "enterprise_name": ws.enterprise["name"]}
    return team


def actor_json(ws: Workspace, user: User) -> dict[str, Any]:
    """The ``user`` object interactive payloads carry."""
    return {
        "id": user.id,
        "username": user.name,
        "name": user.name,
        "team_id": ws.home_team(user.id),
    }
