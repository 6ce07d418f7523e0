"""What every Web API method handler shares: errors, arguments, pagination.

slack_sdk sends some methods as JSON, others as forms or query strings, so one
argument may arrive as a list or as its JSON text; the helpers accept both.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .records import Channel
from .workspace import Workspace

Args = dict[str, Any]
T = TypeVar("T")


class SlackError(Exception):
    """An ``{"ok": false, "error": code}`` answer, with optional extra fields."""

    def __init__(self, code: str, *, status: int = 200, **extra: Any) -> None:
        super().__init__(code)
        self.code = code
        self.status = status
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"ok": False, "error": self.code, **self.extra}


def invalid_blocks(code: str, messages: list[str]) -> SlackError:
    return SlackError(code, response_metadata={"messages": messages})


@dataclass
class Paging:
    """How small the pages of a paginated method are. Slack's default is a page of up to
    `limit`, but its docs allow less (docs.slack.dev/apis/web-api/pagination: "It's possible
    to receive fewer results than your specified limit, even when there are additional
    results to retrieve"; only an empty `next_cursor` ends the list). `size`: at most this
    many a page, whatever the limit; `empty`: a page with no items and a cursor before each
    page that has some. Shared by every workspace of an emulator (`Faults.paging`)."""

    size: int = 0
    empty: bool = False


@dataclass
class ApiContext:
    """What a handler may touch: the workspace and the emulator's public addresses."""

    ws: Workspace
    base_url: str
    open_socket: Callable[[], str]
    paging: Paging = field(default_factory=Paging)


Handler = Callable[[ApiContext, Args], dict[str, Any]]


def text(args: Args, name: str) -> str | None:
    value = args.get(name)
    if value is None or value == "":
        return None
    return str(value)


def required(args: Args, name: str, error: str) -> str:
    value = text(args, name)
    if value is None:
        raise SlackError(error)
    return value


def flag(args: Args, name: str, default: bool = False) -> bool:
    value = args.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes")


def integer(args: Args, name: str, default: int) -> int:
    value = args.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise SlackError("invalid_arguments") from exc


def structured(args: Args, name: str) -> Any:
    """A JSON argument (blocks, view, files) that may arrive encoded as text."""
    value = args.get(name)
    if isinstance(value, str):
        if value == "":
            return None
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            raise SlackError(
                "invalid_json" if name != "blocks" else "invalid_blocks_format"
            ) from exc
    return value


def id_list(args: Args, name: str) -> list[str]:
    value = args.get(name)
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def paginate(
    ctx: ApiContext, items: Sequence[T], args: Args, kind: str, default_limit: int = 0
) -> tuple[list[T], str]:
    """Slice by ``limit``/``cursor`` and `ctx.paging`; cursors are opaque base64 like Slack's."""
    limit = integer(args, "limit", default_limit)
    if ctx.paging.size > 0:
        limit = min(limit, ctx.paging.size) if limit > 0 else ctx.paging.size
    start, emptied = 0, False
    cursor = text(args, "cursor")
    if cursor:
        try:
            prefix, _, offset = base64.b64decode(cursor).decode().partition(":")
            at, _, mark = offset.partition(":")
            start, emptied = int(at), mark == "emptied"
        except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
            raise SlackError("invalid_cursor") from exc
        if prefix != kind or start < 0:
            raise SlackError("invalid_cursor")
    if ctx.paging.empty and not emptied and start < len(items):
        return [], _cursor(f"{kind}:{start}:emptied")
    end = len(items) if limit <= 0 else start + limit
    page = list(items[start:end])
    return page, _cursor(f"{kind}:{end}") if end < len(items) else ""


def _cursor(position: str) -> str:
    return base64.b64encode(position.encode()).decode()


def resolve_channel(ctx: ApiContext, value: str | None) -> Channel:
    """Find the conversation named by an id, ``#name`` or a user id (meaning that DM)."""
    if value is None:
        raise SlackError("channel_not_found")
    ws = ctx.ws
    channel = ws.get_channel(value)
    if channel is not None:
        return channel
    if value in ws.users:
        return ws.open_im(value)
    try:
        return ws.channel_by_name(value)
    except KeyError as exc:
        raise SlackError("channel_not_found") from exc


def visible_channel(ctx: ApiContext, value: str | None) -> Channel:
    """A conversation Slack describes to the bot: any public channel, a private one (a
    private channel, a group DM, someone else's DM) only to a member; channel_not_found
    otherwise, as if there were none."""
    channel = resolve_channel(ctx, value)
    if channel.is_private and ctx.ws.bot_user_id not in channel.members:
        raise SlackError("channel_not_found")
    return channel


def member_channel(ctx: ApiContext, value: str | None) -> Channel:
    """A conversation the bot can post to or read; Slack says not_in_channel otherwise."""
    channel = resolve_channel(ctx, value)
    if ctx.ws.bot_user_id not in channel.members:
        raise SlackError("channel_not_found" if channel.is_private else "not_in_channel")
    return channel
