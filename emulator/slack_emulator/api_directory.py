"""auth.test, team.info, users.* and conversations.*: how the bot learns who is where."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import api_base as a
from . import shapes
from .api_base import ApiContext, Args, SlackError
from .records import Message, User

MAX_MPIM_USERS = 8


def auth_test(ctx: ApiContext, args: Args) -> dict[str, Any]:
    ws = ctx.ws
    answer = {
        "ok": True,
        "url": ws.url,
        "team": ws.team_name,
        "user": ws.bot_user.name,
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "is_enterprise_install": False,
    }
    if ws.enterprise_id is not None:
        answer["enterprise_id"] = ws.enterprise_id
    return answer


def team_info(ctx: ApiContext, args: Args) -> dict[str, Any]:
    ws = ctx.ws
    team = {
        "id": ws.team_id,
        "name": ws.team_name,
        "url": ws.url,
        "domain": ws.domain,
        "email_domain": "",
        "icon": {"image_default": True, "image_34": "https://avatars.example/team_34.png"},
        "avatar_base_url": "https://avatars.example/",
        "is_verified": False,
    }
    return {"ok": True, "team": team}


def users_info(ctx: ApiContext, args: Args) -> dict[str, Any]:
    user = _described(ctx, a.required(args, "user", "user_not_found"))
    return {"ok": True, "user": shapes.user_json(ctx.ws, user)}


def users_profile_get(ctx: ApiContext, args: Args) -> dict[str, Any]:
    """A person's profile (the caller's own without ``user``): names, title, status."""
    user = _described(ctx, a.text(args, "user") or ctx.ws.bot_user_id)
    return {"ok": True, "profile": shapes.user_json(ctx.ws, user)["profile"]}


def _described(ctx: ApiContext, user_id: str) -> User:
    """The person by that id, unless Slack will not describe them (`Workspace.undescribed`)."""
    user = ctx.ws.get_user(user_id)
    if user is None:
        raise SlackError("user_not_found")
    if user_id in ctx.ws.undescribed:
        raise SlackError(ctx.ws.undescribed[user_id])
    return user


def users_list(ctx: ApiContext, args: Args) -> dict[str, Any]:
    ws = ctx.ws
    described = [u for u in ws.users.values() if u.id not in ws.undescribed | ws.removed.keys()]
    page, cursor = a.paginate(ctx, described, args, "users")
    return {
        "ok": True,
        "members": [shapes.user_json(ctx.ws, u) for u in page],
        "cache_ts": int(ctx.ws.now()),
        "response_metadata": {"next_cursor": cursor},
    }


def users_lookup_by_email(ctx: ApiContext, args: Args) -> dict[str, Any]:
    user = ctx.ws.user_by_email(a.required(args, "email", "users_not_found"))
    if user is None:
        raise SlackError("users_not_found")
    return {"ok": True, "user": shapes.user_json(ctx.ws, user)}


def conversations_open(ctx: ApiContext, args: Args) -> dict[str, Any]:
    ws = ctx.ws
    channel_id = a.text(args, "channel")
    if channel_id:
        channel = ws.get_channel(channel_id)
        if channel is None or not (channel.is_im or channel.is_mpim):
            raise SlackError("channel_not_found")
        return {
            "ok": True,
            "no_op": True,
            "already_open": True,
            "channel": _opened(ctx, channel.id, args),
        }
    users = [u for u in a.id_list(args, "users") if u != ws.bot_user_id]
    if not users:
        raise SlackError("users_list_not_supplied")
    if len(users) > MAX_MPIM_USERS:
        raise SlackError("too_many_users")
    for uid in users:
        user = ws.get_user(uid)
        if user is None:
            raise SlackError("user_not_found")
        if user.deleted:
            raise SlackError("user_disabled")
    before = set(ws.channels)
    channel = ws.open_im(users[0]) if len(users) == 1 else ws.open_mpim(users)
    body: dict[str, Any] = {"ok": True}
    if channel.id in before:
        body.update(no_op=True, already_open=True)
    body["channel"] = _opened(ctx, channel.id, args)
    return body


def _opened(ctx: ApiContext, channel_id: str, args: Args) -> dict[str, Any]:
    if a.flag(args, "return_im"):
        return shapes.channel_json(ctx.ws, ctx.ws.channel(channel_id))
    return {"id": channel_id}


def conversations_info(ctx: ApiContext, args: Args) -> dict[str, Any]:
    channel = a.visible_channel(ctx, a.text(args, "channel"))
    body = shapes.channel_json(ctx.ws, channel, num_members=a.flag(args, "include_num_members"))
    return {"ok": True, "channel": body}


def conversations_members(ctx: ApiContext, args: Args) -> dict[str, Any]:
    channel = a.visible_channel(ctx, a.text(args, "channel"))
    page, cursor = a.paginate(ctx, channel.members, args, "members", default_limit=100)
    return {"ok": True, "members": page, "response_metadata": {"next_cursor": cursor}}


# users.conversations' `types`, by the emulator's kind of channel.
_TYPES = {"public": "public_channel", "private": "private_channel", "mpim": "mpim", "im": "im"}


def users_conversations(ctx: ApiContext, args: Args) -> dict[str, Any]:
    """The conversations the bot is a member of, of `types` (public channels alone when it
    names none), a page at a time; `exclude_archived` leaves archived ones out."""
    ws = ctx.ws
    types = set((a.text(args, "types") or "public_channel").split(","))
    found = [
        c
        for c in ws.channels.values()
        if _TYPES[c.kind] in types
        and ws.bot_user_id in c.members
        and not (c.is_archived and a.flag(args, "exclude_archived"))
    ]
    page, cursor = a.paginate(ctx, found, args, "conversations", default_limit=100)
    shown = [shapes.channel_json(ws, c) for c in page]
    return {"ok": True, "channels": shown, "response_metadata": {"next_cursor": cursor}}


def _messages_page(
    ctx: ApiContext, messages: Sequence[Message | dict[str, Any]], args: Args, kind: str
) -> dict[str, Any]:
    """One page of messages, each as Slack shows it (a dict is shown as it is). A message's
    `metadata` is left out unless `include_all_metadata` asks for it, as Slack leaves it out
    (docs.slack.dev/reference/methods/conversations.history: "Return all metadata associated
    with this message", default false)."""
    page, cursor = a.paginate(ctx, messages, args, kind, default_limit=100)
    shown = [m if isinstance(m, dict) else shapes.message_json(ctx.ws, m) for m in page]
    if not a.flag(args, "include_all_metadata"):
        shown = [{k: v for k, v in m.items() if k != "metadata"} for m in shown]
    return {
        "ok": True,
        "messages": shown,
        "has_more": bool(cursor),
        "pin_count": 0,
        "response_metadata": {"next_cursor": cursor},
    }


def _in_window(message: Message, args: Args) -> bool:
    oldest = float(a.text(args, "oldest") or 0)
    latest = float(a.text(args, "latest") or "inf")
    ts = float(message.ts)
    if a.flag(args, "inclusive"):
        return oldest <= ts <= latest
    return oldest < ts < latest


def conversations_history(ctx: ApiContext, args: Args) -> dict[str, Any]:
    channel = a.member_channel(ctx, a.text(args, "channel"))
    messages = [m for m in reversed(ctx.ws.chat.history(channel.id)) if _in_window(m, args)]
    return _messages_page(ctx, messages, args, "history")


def conversations_replies(ctx: ApiContext, args: Args) -> dict[str, Any]:
    channel = a.member_channel(ctx, a.text(args, "channel"))
    ts = a.required(args, "ts", "thread_not_found")
    thread: list[Message | dict[str, Any]] = list(ctx.ws.chat.thread(channel.id, ts))
    if not thread and (replies := ctx.ws.chat.tombstoned(channel.id, ts)):
        thread = [shapes.tombstone_json(ts, replies), *replies]
    if not thread:
        raise SlackError("thread_not_found")
    first = thread[0]
    if isinstance(first, Message) and first.is_reply:
        # A reply's ts answers that reply alone, not its thread (slackapi/bolt-python#783,
        # as Slack's own method tester shows): the thread is read by its parent's ts.
        thread = [first]
    return _messages_page(ctx, thread, args, "replies")


def apps_connections_open(ctx: ApiContext, args: Args) -> dict[str, Any]:
    return {"ok": True, "url": ctx.open_socket()}


HANDLERS: dict[str, a.Handler] = {
    "apps.connections.open": apps_connections_open,
    "auth.test": auth_test,
    "team.info": team_info,
    "users.info": users_info,
    "users.list": users_list,
    "users.profile.get": users_profile_get,
    "users.lookupByEmail": users_lookup_by_email,
    "conversations.open": conversations_open,
    "conversations.info": conversations_info,
    "conversations.members": conversations_members,
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "users.conversations": users_conversations,
}
