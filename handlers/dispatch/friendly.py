"""Turning a `UserError` into a friendly reply, for every listener, in one place; Slack
failing us mid-request (after its own retries) is told the same way, not swallowed. The
request's inbox entry is closed here too, since this is where every listener ends.

Why not only in `@app.error`: when a listener raises after `ack()`, Bolt (1.30) resets the
recorded ack, and if that happens within its 10 ms polling window the request is answered as
if nobody had acked, so Slack shows "operation_timeout" instead of our message.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import UserError
from handlers.blocks.elements import render_error
from handlers.client.failures import is_transient
from handlers.dispatch.after_ack import Turn
from handlers.dispatch.inbox import stored

NEEDED = ("ack", "body", "client", "context", "respond")
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


Done = Callable[[str, str], Awaitable[None]]


def friendly(
    listener: Callable[..., Awaitable[Any]],
    done: Done | None,
    turns: asyncio.Semaphore,
) -> Callable[..., Awaitable[Any]]:
    """Wrap a listener so a UserError is acked (if need be) and shown to the person, and its
    request's inbox entry is closed by `done` when the work ends, whichever way it ends —
    except by cancellation: a replica stopping before the work ran leaves it to be replayed."""
    signature = inspect.signature(listener)
    own = list(signature.parameters)
    extra = [
        inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        for name in NEEDED
        if name not in own
    ]

    @functools.wraps(listener)
    async def wrapper(**kwargs: Any) -> Any:
        turn = Turn(turns)
        cancelled = False
        acked: AsyncAck | None = kwargs.get("ack")
        arguments = {name: kwargs[name] for name in own}
        if acked is not None and "ack" in arguments:
            arguments["ack"] = turn.after(acked)
        try:
            if acked is not None and acked.response is not None:
                await turn.take()  # Bolt acked events already
            try:
                return await listener(**arguments)
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
        except asyncio.CancelledError:
            cancelled = True
            raise
        finally:
            turn.give_back()
            entry = stored(kwargs["context"])
            if done is not None and entry is not None and not cancelled:
                await done(*entry)

    del wrapper.__wrapped__  # Bolt must see the wrapper's signature, not the listener's
    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *extra]
    )
    return wrapper
