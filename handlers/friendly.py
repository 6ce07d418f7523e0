"""Turning a `UserError` into a friendly reply, for every listener, in one place; Slack
failing us mid-request (after its own retries) is told the same way, not swallowed.

Why not only in `@app.error`: when a listener raises after `ack()`, Bolt (1.30) resets the
recorded ack, and if that happens within its 10 ms polling window the request is answered as
if nobody had acked, so Slack shows "operation_timeout" instead of our message.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from handlers.blocks import render_error
from handlers.slack_failures import is_transient

NEEDED = ("ack", "body", "client", "respond")
SLACK_BUSY = (
    "Slack didn't answer me just now, so I couldn't finish that. Please try again in a minute."
)


async def tell_user(
    error: UserError, body: dict[str, Any], respond: AsyncRespond | None, client: AsyncWebClient
) -> None:
    if respond is not None and body.get("response_url"):
        await respond(**render_error(str(error)), response_type="ephemeral")
        return
    event = body.get("event") or {}
    user = body.get("user_id") or (body.get("user") or {}).get("id") or event.get("user")
    channel = (
        body.get("channel_id")
        or (body.get("channel") or {}).get("id")
        or event.get("channel")
        or (event.get("item") or {}).get("channel")  # reaction_added
    )
    if user and channel:
        await client.chat_postEphemeral(channel=channel, user=user, **render_error(str(error)))
    elif user:
        dm = await client.conversations_open(users=user)
        await client.chat_postMessage(channel=dm["channel"]["id"], **render_error(str(error)))


def friendly(listener: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """Wrap a listener so a UserError is acked (if need be) and shown to the person."""
    signature = inspect.signature(listener)
    own = list(signature.parameters)
    extra = [
        inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        for name in NEEDED
        if name not in own
    ]

    @functools.wraps(listener)
    async def wrapper(**kwargs: Any) -> Any:
        try:
            try:
                return await listener(**{name: kwargs[name] for name in own})
            except SlackApiError as failure:
                if not is_transient(failure):
                    raise
                raise UserError(SLACK_BUSY) from failure
        except UserError as error:
            ack: AsyncAck | None = kwargs.get("ack")
            body: dict[str, Any] = kwargs["body"]
            if ack is not None and ack.response is None:
                if body.get("command"):
                    await ack(**render_error(str(error)))
                    return None
                await ack()
            await tell_user(error, body, kwargs.get("respond"), kwargs["client"])
            return None

    del wrapper.__wrapped__  # Bolt must see the wrapper's signature, not the listener's
    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *extra]
    )
    return wrapper
