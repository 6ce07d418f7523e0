"""chat.* and reactions.add: how the bot posts, edits and reacts."""

from __future__ import annotations

from typing import Any

from . import api_base as a
from . import blocks as block_kit
from . import shapes
from .api_base import ApiContext, Args, SlackError
from .records import Channel, Message

MAX_TEXT = block_kit.MESSAGE_TEXT_LIMIT


def _checked(ctx: ApiContext, method: str, text: str | None, blocks: Any, args: Args) -> None:
    """Refuse blocks, attachments and metadata Slack refuses; note blocks sent without a
    fallback text."""
    errors = block_kit.block_errors(blocks, limit=block_kit.MESSAGE_BLOCK_LIMIT)
    if errors:
        raise a.invalid_blocks("invalid_blocks", ctx.ws.block_kit(method, errors))
    errors = block_kit.attachment_errors(a.structured(args, "attachments"))
    if errors:
        code = block_kit.error_code(errors, "invalid_attachments")
        raise a.invalid_blocks(code, ctx.ws.block_kit(method, errors))
    errors = block_kit.metadata_errors(a.structured(args, "metadata"))
    if errors:
        raise a.invalid_blocks("invalid_metadata_format", ctx.ws.block_kit(method, errors))
    size = block_kit.blocks_text(blocks)
    if size > block_kit.BLOCKS_TEXT_LIMIT:
        ctx.ws.block_kit(method, [f"msg_blocks_too_long: {size:,} characters of text in blocks"])
        raise SlackError("msg_blocks_too_long")
    ctx.ws.block_kit(method, block_kit.message_warnings(text, blocks))
    ctx.ws.sent(method, "message", {"text": text, "blocks": blocks})


def _content(ctx: ApiContext, args: Args, method: str) -> tuple[str, Any, Any]:
    """Text, blocks and attachments, checked the way Slack checks them."""
    blocks = a.structured(args, "blocks")
    attachments = a.structured(args, "attachments")
    text = a.text(args, "text") or ""
    if not text and not blocks and not attachments:
        raise SlackError("no_text")
    if len(text) > MAX_TEXT:
        raise SlackError("msg_too_long")
    _checked(ctx, method, text, blocks, args)
    return text, blocks, attachments


def _unarchived(channel: Channel) -> Channel:
    """Slack keeps an archived conversation read-only: nothing is posted, edited or reacted
    to there (`is_archived`), though it can still be read."""
    if channel.is_archived:
        raise SlackError("is_archived")
    return channel


def _own_message(ctx: ApiContext, args: Args, ts_arg: str, not_yours: str) -> Message:
    channel = _unarchived(a.resolve_channel(ctx, a.text(args, "channel")))
    ts = a.text(args, ts_arg)
    message = ctx.ws.chat.find(channel.id, ts or "")
    if message is None:
        raise SlackError("message_not_found")
    if message.user != ctx.ws.bot_user_id:
        raise SlackError(not_yours)
    return message


def _postable(ctx: ApiContext, value: str | None) -> Channel:
    """With chat:write.public the bot may post in any public channel, member or not."""
    channel = a.resolve_channel(ctx, value)
    if "chat:write.public" in ctx.ws.bot_scopes and not channel.is_private:
        return _unarchived(channel)
    return _unarchived(a.member_channel(ctx, value))


def post_message(ctx: ApiContext, args: Args) -> dict[str, Any]:
    channel = _postable(ctx, a.text(args, "channel"))
    text, blocks, attachments = _content(ctx, args, "chat.postMessage")
    thread_ts = a.text(args, "thread_ts")
    if thread_ts:
        parent = ctx.ws.chat.find(channel.id, thread_ts)
        thread_ts = None if parent is None else parent.thread_ts or parent.ts
    message = ctx.ws.chat.post(
        channel.id,
        ctx.ws.bot_user_id,
        text,
        blocks=blocks,
        attachments=attachments,
        thread_ts=thread_ts,
        metadata=a.structured(args, "metadata"),
    )
    return {
        "ok": True,
        "channel": channel.id,
        "ts": message.ts,
        "message": shapes.message_json(ctx.ws, message),
    }


def post_ephemeral(ctx: ApiContext, args: Args) -> dict[str, Any]:
    channel = _unarchived(a.member_channel(ctx, a.text(args, "channel")))
    user_id = a.required(args, "user", "user_not_found")
    user = ctx.ws.get_user(user_id)
    if user is None:
        raise SlackError("user_not_found")
    if user_id not in channel.members:
        raise SlackError("user_not_in_channel")
    text, blocks, attachments = _content(ctx, args, "chat.postEphemeral")
    ephemeral = ctx.ws.chat.post_ephemeral(
        channel.id,
        user_id,
        text,
        blocks=blocks,
        attachments=attachments,
        thread_ts=a.text(args, "thread_ts"),
    )
    return {"ok": True, "message_ts": ephemeral.ts}


def update(ctx: ApiContext, args: Args) -> dict[str, Any]:
    message = _own_message(ctx, args, "ts", "cant_update_message")
    blocks = a.structured(args, "blocks")
    attachments = a.structured(args, "attachments")
    text = a.text(args, "text")
    if len(text or "") > MAX_TEXT:
        raise SlackError("msg_too_long")
    _checked(ctx, "chat.update", text, blocks, args)
    if text is None and blocks is None and attachments is None:
        raise SlackError("no_text")
    ctx.ws.block_kit("chat.update", block_kit.update_warnings(message.blocks, blocks))
    ctx.ws.chat.update(message, text=text, blocks=blocks, attachments=attachments)
    body = shapes.message_json(ctx.ws, message)
    return {
        "ok": True,
        "channel": message.channel,
        "ts": message.ts,
        "text": message.text,
        "message": {k: v for k, v in body.items() if k not in _NOT_UPDATED},
    }


# What Slack's chat.update leaves out of the message it answers with (its ts is the answer's;
# as recorded by slackapi/java-slack-sdk, `json-logs/samples/api/chat.update.json`): where it
# is and its thread.
_NOT_UPDATED = frozenset(
    {
        "ts",
        "thread_ts",
        "parent_user_id",
        "reply_count",
        "reply_users_count",
        "latest_reply",
        "reply_users",
        "is_locked",
        "subscribed",
    }
)


def delete(ctx: ApiContext, args: Args) -> dict[str, Any]:
    message = _own_message(ctx, args, "ts", "cant_delete_message")
    ctx.ws.chat.delete(message)
    return {"ok": True, "channel": message.channel, "ts": message.ts}


def get_permalink(ctx: ApiContext, args: Args) -> dict[str, Any]:
    """A message's link, for a conversation Slack describes to the bot: in a private one
    it is not in, channel_not_found (where the emulator gave a link)."""
    channel = a.visible_channel(ctx, a.text(args, "channel"))
    ts = a.required(args, "message_ts", "message_not_found")
    message = ctx.ws.chat.find(channel.id, ts)
    if message is None:
        raise SlackError("message_not_found")
    link = f"{ctx.ws.url}archives/{channel.id}/p{ts.replace('.', '')}"
    if message.is_reply:
        link += f"?thread_ts={message.thread_ts}&cid={channel.id}"
    return {"ok": True, "channel": channel.id, "permalink": link}


def reactions_add(ctx: ApiContext, args: Args) -> dict[str, Any]:
    channel = _unarchived(a.member_channel(ctx, a.text(args, "channel")))
    name = a.required(args, "name", "invalid_name").strip(":")
    ts = a.required(args, "timestamp", "no_item_specified")
    message = ctx.ws.chat.find(channel.id, ts)
    if message is None:
        raise SlackError("message_not_found")
    if not ctx.ws.chat.react(message, ctx.ws.bot_user_id, name):
        raise SlackError("already_reacted")
    return {"ok": True}


HANDLERS: dict[str, a.Handler] = {
    "chat.postMessage": post_message,
    "chat.postEphemeral": post_ephemeral,
    "chat.update": update,
    "chat.delete": delete,
    "chat.getPermalink": get_permalink,
    "reactions.add": reactions_add,
}
