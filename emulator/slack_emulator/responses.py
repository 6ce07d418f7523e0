"""What the bot says back other than through the Web API: acks and ``response_url``s.

A slash command's immediate answer, a later POST to its ``response_url`` and a
view_submission's ``response_action`` each change what the person sees; this module
applies them the way Slack does (ephemeral unless ``in_channel``, replace or delete
the original, a response_url usable 5 times within 30 minutes).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from . import blocks as block_kit
from .clock import REAL_CLOCK, Clock
from .faults import RESPONSE_URL, Faults
from .monitor import Monitor
from .records import ApiCall, Ephemeral, EphemeralVia, Message, View
from .view_store import ViewError
from .workspace import Workspace

MAX_USES = 5
LIFETIME = 30 * 60


@dataclass
class ResponseTarget:
    """Where a response_url's messages go, and the message it may replace."""

    user: str
    channel: str
    issued: float
    original: Message | Ephemeral | None = None
    last: Message | Ephemeral | None = None
    posted: Message | None = None  # the last in_channel message, what delete_original removes
    uses: int = 0


class Responder:
    """Issues response_urls and applies responses to the workspace."""

    def __init__(
        self,
        ws: Workspace,
        monitor: Monitor,
        clock: Clock = REAL_CLOCK,
        faults: Faults | None = None,
    ) -> None:
        self.ws = ws
        self.monitor = monitor
        self.clock = clock
        self.faults = faults
        self.base_url = ""
        self.targets: dict[str, ResponseTarget] = {}

    def issue(self, user: str, channel: str, original: Message | Ephemeral | None = None) -> str:
        token = uuid.uuid4().hex
        self.targets[token] = ResponseTarget(user, channel, self.clock.monotonic(), original)
        return f"{self.base_url}/response/{self.ws.team_id}/{token}"

    def target_of(self, url: str) -> ResponseTarget | None:
        return self.targets.get(url.rsplit("/", 1)[-1])

    async def handle(self, request: web.Request) -> web.Response:
        fault = self.faults.take(RESPONSE_URL) if self.faults is not None else None
        if fault is not None and fault.delay > 0:
            await self.clock.sleep(fault.delay)
        with self.monitor.busy():
            try:
                body = await request.json()
            except json.JSONDecodeError:
                body = None
            if fault is not None and fault.status is not None:
                status, text = fault.status, fault.error_code
            elif isinstance(body, dict):
                status, text = self.post(request.match_info["token"], body)
            else:
                status, text = 400, "invalid_payload"
            args = body if isinstance(body, dict) else {}
            answer = {"ok": status == 200} if status == 200 else {"ok": False, "error": text}
            self.monitor.record(
                ApiCall(
                    "response_url",
                    args,
                    status == 200,
                    answer,
                    status,
                    self.clock.time(),
                    self.ws.team_id,
                )
            )
        return web.Response(status=status, text=text)

    def post(self, token: str, body: dict[str, Any]) -> tuple[int, str]:
        target = self.targets.get(token)
        if target is None or self.clock.monotonic() - target.issued > LIFETIME:
            return 404, "expired_url"
        if target.uses >= MAX_USES:
            return 404, "used_url"
        target.uses += 1
        problem = self.apply(target, body, via="response_url")
        return (400, problem) if problem else (200, "ok")

    def apply(
        self, target: ResponseTarget, body: dict[str, Any], *, via: EphemeralVia
    ) -> str | None:
        """Show a response; returns Slack's error code when it cannot be shown."""
        chat = self.ws.chat
        original = target.original or target.last
        self.ws.block_kit(
            "ack" if via == "ack" else "response_url", block_kit.response_warnings(body)
        )
        if _truthy(body.get("delete_original")):
            original = target.original or target.posted or target.last
            if isinstance(original, Message) and original.by_bot:
                chat.delete(original)
            elif isinstance(original, Ephemeral):
                chat.delete_ephemeral(original)
            return None
        text = str(body.get("text") or "")
        blocks = body.get("blocks")
        attachments = body.get("attachments")
        if not text and not blocks and not attachments:
            return "no_text"
        if len(text) > block_kit.MESSAGE_TEXT_LIMIT:
            return "msg_too_long"
        where = "ack" if via == "ack" else "response_url"
        if self.ws.block_kit(
            where, block_kit.block_errors(blocks, limit=block_kit.MESSAGE_BLOCK_LIMIT)
        ):
            return "invalid_blocks"
        if self.ws.block_kit(where, block_kit.attachment_errors(attachments)):
            return "invalid_attachments"
        if self.ws.block_kit(where, block_kit.metadata_errors(body.get("metadata"))):
            return "invalid_metadata_format"
        size = block_kit.blocks_text(blocks)
        if size > block_kit.BLOCKS_TEXT_LIMIT:  # as chat.postMessage answers it
            self.ws.block_kit(where, [f"msg_blocks_too_long: {size:,} characters of text"])
            return "msg_blocks_too_long"
        self.ws.block_kit(where, block_kit.message_warnings(text, blocks))
        self.ws.sent(where, "message", {"text": text, "blocks": blocks})
        replaced = original if isinstance(original, Ephemeral) or _own(original) else None
        if _truthy(body.get("replace_original")) and replaced is not None:
            self.ws.block_kit(where, block_kit.update_warnings(replaced.blocks, blocks))
            if isinstance(replaced, Message):
                chat.update(replaced, text=text, blocks=blocks or [], attachments=attachments or [])
            else:
                chat.replace_ephemeral(replaced, text=text, blocks=blocks)
            return None
        thread_ts = body.get("thread_ts")
        if body.get("response_type") == "in_channel":
            target.last = target.posted = chat.post(
                target.channel,
                self.ws.bot_user_id,
                text,
                blocks=blocks,
                attachments=attachments,
                thread_ts=thread_ts,
            )
        else:
            target.last = chat.post_ephemeral(
                target.channel,
                target.user,
                text,
                blocks=blocks,
                attachments=attachments,
                thread_ts=thread_ts,
                via=via,
            )
        return None

    def command_answered(self, target: ResponseTarget, response: dict[str, Any] | None) -> None:
        """A slash command's ack body is shown like a response_url post (not counted as one)."""
        if response and (
            response.get("text") or response.get("blocks") or response.get("attachments")
        ):
            self.apply(target, response, via="ack")

    def command_failed(self, target: ResponseTarget, command: str, error: str) -> None:
        """What Slack shows the person when the app did not answer in time."""
        text = f'{command} failed with the error "{error}"'
        self.ws.chat.post_ephemeral(target.channel, target.user, text, via="error")


def apply_view_response(ws: Workspace, view: View, response: dict[str, Any] | None) -> list[str]:
    """Apply a view_submission ack (``response_action``); returns problems Slack would show."""
    store = ws.views
    action = (response or {}).get("response_action")
    where = f"response_action {action}"
    if action == "errors":  # surfaces/modals: keyed by the block_id of an input block
        errors = dict((response or {}).get("errors") or {})
        inputs = {b.get("block_id") for b in view.blocks if b.get("type") == "input"}
        view.errors = errors
        return ws.block_kit(
            where,
            [
                f"[ERROR] errors names {key!r}, which is not an input block of the view"
                for key in errors
                if key not in inputs
            ]
            + [
                f"[ERROR] the error for {key!r} must be a non-empty string"
                for key, message in errors.items()
                if not isinstance(message, str) or not message.strip()
            ]
            + ([] if errors else ["[ERROR] errors must name at least one input block"]),
        )
    if action is not None and action not in ("update", "push", "clear"):
        return ws.block_kit(where, [f"[ERROR] unsupported response_action {action!r}"])
    if action in ("update", "push"):
        spec = (response or {}).get("view")
        problems = ws.block_kit(where, block_kit.view_errors(spec))
        if not problems and isinstance(spec, dict) and spec.get("type") != "modal":
            problems = ws.block_kit(where, ["[ERROR] must be modal [json-pointer:/view/type]"])
        if problems:
            return problems
        ws.block_kit(f"response_action {action}", block_kit.view_warnings(spec))
        assert isinstance(spec, dict)
        ws.sent(f"response_action {action}", "view", spec)
        try:
            if action == "update":
                store.update(view, spec)
            else:
                store.push_modal(view.user, spec)
        except ViewError as exc:
            return [exc.code]
        return []
    store.close(view, clear=action == "clear")
    return []


def _own(message: Message | Ephemeral | None) -> bool:
    return isinstance(message, Message) and message.by_bot


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"
