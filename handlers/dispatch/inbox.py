"""The inbox on the Slack side: which request is which, storing it before the ack, and
replaying a dead replica's requests through the app as if Slack had just sent them.

A replay is dispatched in Bolt's Socket Mode shape (a parsed body, no signature to check):
the body was verified when it first arrived. Its ack goes nowhere; `respond` still works,
since a `response_url` lives for 30 minutes.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.clock import wall_clock
from bot.services import Services
from handlers.dispatch.workspace import from_elsewhere

log = logging.getLogger("askaround.inbox")
STORED = "askaround_inbox"  # context key: (team_id, request_key) of a stored request
REPLAYED = "askaround_received_at"  # context key: when a replayed request was first stored


def request_key(body: dict[str, Any]) -> str:
    """Slack's own id for a request where it has one: an event's id is the same on every
    retry; a command's or click's trigger id is new for each invocation."""
    if body.get("type") == "event_callback" and body.get("event_id"):
        return f"event:{body['event_id']}"
    if body.get("trigger_id"):
        kind = "command" if body.get("command") else str(body.get("type", "interaction"))
        return f"{kind}:{body['trigger_id']}"
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    return f"body:{digest}"


def command_key(command: dict[str, Any]) -> str:
    """What a command's effect is kept once under: its trigger id; where Slack named none, its
    whole body (`request_key`), as the inbox keeps it. Every command without one was keyed
    `cmd:None` before, and a second `/ask` was taken for the first sent again."""
    trigger = command.get("trigger_id")
    return f"cmd:{trigger}" if trigger else f"cmd:{request_key(command)}"


def team_of(context: Any, body: dict[str, Any]) -> str:
    team = context.team_id or context.enterprise_id or body.get("team_id") or ""
    return str(team)


def waited(context: Any) -> timedelta:
    """How long the request being handled waited since it was stored: nothing, unless it is a
    replay (its replica died), which may come long after (every replica down a while). What
    a giver did since it arrived was done in the meantime, however long ago. By the wall
    clock, as the inbox keeps it (`bot.clock.wall_clock`)."""
    at = context.get(REPLAYED)
    return max(timedelta(0), wall_clock() - at) if isinstance(at, datetime) else timedelta(0)


def stored(context: Any) -> tuple[str, str] | None:
    """The inbox entry of the request being handled, if it has one."""
    entry = context.get(STORED)
    return (str(entry[0]), str(entry[1])) if entry else None


async def forget_refused(services: Services, context: Any) -> None:
    """The request being handled is refused to who sent it (`bot.errors.NotAMember`): its
    inbox entry is closed and emptied, the words it carried not kept. A listener that raises
    the refusal has this done for it (`handlers.dispatch.friendly`); one that answers it
    itself (a form's errors, a guest's message) calls this."""
    entry = stored(context)
    if entry is not None:
        await services.inbox.refused(*entry)


def message_of(body: dict[str, Any]) -> tuple[str, str] | None:
    """The message whose words a request carries, (channel, ts), by which its deletion or
    edit finds the entry (`forget_message`): a message or mention event (the deleted one of
    a `message_deleted`, the edited one of a `message_changed`), or a message shortcut's
    message. Dict look-ups on what is at hand: every request is stored with it."""
    event = body.get("event")
    if isinstance(event, dict):
        if event.get("type") not in ("message", "app_mention"):
            return None
        channel = event.get("channel")
        changed, before = event.get("message"), event.get("previous_message")
        ts = (
            event.get("deleted_ts")
            or (changed.get("ts") if isinstance(changed, dict) else None)
            or (before.get("ts") if isinstance(before, dict) else None)
            or event.get("ts")
        )
    elif body.get("type") == "message_action":
        channel = (body.get("channel") or {}).get("id")
        ts = (body.get("message") or {}).get("ts")
    else:
        return None
    return (str(channel), str(ts)) if channel and ts else None


async def forget_message(
    services: Services, context: Any, channel: str, ts: str, *, deleted: bool
) -> None:
    """The message `channel`/`ts` deleted (or edited): the inbox entries carrying its words
    are emptied at once, this request's own among them (`Inbox.forget_message`). Called
    once a deletion's or an edit's work is done."""
    entry = stored(context)
    team = entry[0] if entry is not None else team_of(context, {})
    await services.inbox.forget_message(
        team, (channel, ts), own=entry[1] if entry is not None else None, deleted=deleted
    )


class StoreFirst(AsyncMiddleware):
    """Listener middleware: store the request before anything acks it; a copy of a stored
    request (Slack retrying an event) is answered 200 and goes no further. An
    `AsyncMiddleware`, not a function: Bolt builds a function its arguments every request
    (`handlers.dispatch.middleware.Prepared`)."""

    def __init__(self, services: Services) -> None:
        self._services = services

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        if stored(req.context) is None and not _from_elsewhere(req):  # a replay is stored
            team, key = team_of(req.context, req.body), request_key(req.body)
            message = message_of(req.body)
            if not await self._services.inbox.receive(team, key, req.body, message):
                return BoltResponse(status=200, body="")
            req.context[STORED] = (team, key)
        await next()
        return None

    @property
    def name(self) -> str:
        return "StoreFirst"


def _from_elsewhere(req: AsyncBoltRequest) -> bool:
    """An event of a guest from another organisation (Slack Connect) in a channel shared
    with it: they are only told that askaround is not theirs, and nothing of theirs is
    stored, their words not even here (`handlers.dispatch.workspace.from_elsewhere`)."""
    event = req.body.get("event")
    shared = bool(req.body.get("is_ext_shared_channel"))
    return isinstance(event, dict) and from_elsewhere(event, req.context, shared=shared)


async def replay_orphans(app: AsyncApp, services: Services) -> int:
    """Dispatch the requests of dead replicas again; returns how many."""
    orphans = await services.inbox.adopt_orphans()
    for orphan in orphans:
        log.warning("replaying %s (its replica died before finishing)", orphan.key)
        services.metrics.replays.inc()
        request = AsyncBoltRequest(
            body=orphan.body,
            mode="socket_mode",
            context={STORED: (orphan.team_id, orphan.key), REPLAYED: orphan.received_at},
        )
        response = await app.async_dispatch(request)
        if response.status >= 400:  # no listener took it: nothing will ever finish it
            log.error("replay of %s was refused with %s", orphan.key, response.status)
            await services.inbox.done(orphan.team_id, orphan.key)
    return len(orphans)
