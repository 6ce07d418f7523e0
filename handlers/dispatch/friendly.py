"""Turning a `UserError` into a friendly reply, for every listener, in one place; Slack
failing us mid-request (after its own retries) is told the same way, not swallowed, and so is
a bug: the person hears that something went wrong, the log gets the traceback (never the
request's text). The request's inbox entry is closed here too, since this is where every
listener ends.

Why not only in `@app.error`: when a listener raises after `ack()`, Bolt (1.30) resets the
recorded ack, and if that happens within its 10 ms polling window the request is answered as
if nobody had acked, so Slack shows "operation_timeout" instead of our message.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from types import CodeType, FunctionType
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.kwargs_injection.async_args import AsyncArgs
from slack_bolt.kwargs_injection.async_utils import build_async_required_kwargs
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import NotAMember, UserError
from handlers.blocks.elements import render_error
from handlers.blocks.message_text import readable_text
from handlers.client.failures import (
    NETWORK_FAILURES,
    error_code,
    explained,
    is_transient,
    method_of,
    out_of_reach,
    refused_for_good,
)
from handlers.client.lookup import post_once
from handlers.client.messages import ephemeral_shown
from handlers.client.respond import shared
from handlers.dispatch.after_ack import ACK_WITHIN_SECONDS, Turn, start
from handlers.dispatch.inbox import stored

SLACK_BUSY = (
    "Slack didn't answer me just now, so I couldn't finish that. Please try again in a minute."
)
TOO_SLOW = (
    "I took too long to answer, and Slack gives me only a few seconds to open that window. "
    "Please try again."
)
SOMETHING_WENT_WRONG = (
    "Something went wrong on my side, so I couldn't finish that. It has been logged for the "
    "people who run me; please try again later."
)


def slack_refused(method: str) -> str:
    """What someone is told when Slack refuses the install or a method outright (no such
    method, a scope the install lacks): true, and no use trying again."""
    return (
        f"Slack refused what I needed for that (`{method}`), so I can't do it in this "
        "workspace for now. The people who run me have it in their log."
    )


# A trigger_id opens one modal within 3 seconds; after that Slack refuses it. A second open
# from the same trigger is refused as used (exchanged): both say "you were too slow".
TRIGGER_SPENT = frozenset({"expired_trigger_id", "exchanged_trigger_id"})
log = logging.getLogger("askaround.errors")


async def tell_user(
    error: UserError, body: dict[str, Any], respond: AsyncRespond | None, client: AsyncWebClient
) -> None:
    await tell(render_error(error), body, respond, client, in_thread=error.in_thread)


async def tell(
    message: dict[str, Any],
    body: dict[str, Any],
    respond: AsyncRespond | None,
    client: AsyncWebClient,
    *,
    in_thread: str | None = None,
) -> None:
    """Show the person behind `body` a message only they see: through its response_url, else
    as an ephemeral where they acted (in `in_thread`, the thread they acted in), else in
    their DM with the bot."""
    if respond is not None and body.get("response_url") and await _responded(respond, message):
        return
    event = body.get("event") or {}
    user = (
        body.get("user_id")
        or (body.get("user") or {}).get("id")
        or event.get("user")
        or _editor(event)
    )
    if not isinstance(user, str):  # `user_change`, `team_join`: a profile, nobody's action
        return
    channel = (
        body.get("channel_id")
        or (body.get("channel") or {}).get("id")
        or event.get("channel")
        or (event.get("item") or {}).get("channel")  # reaction_added
    )
    shown = {**message, "thread_ts": in_thread} if in_thread else message
    if user and channel and await ephemeral_shown(client, channel, user, shown):
        return
    if user:
        dm = await client.conversations_open(users=user)
        await post_once(client, channel=dm["channel"]["id"], **message)


def _editor(event: dict[str, Any]) -> object:
    """Who edited a message: a `message_changed` names them only in the message it carries
    (not a deleted message's tombstone, which Slack names Slackbot's)."""
    changed = event.get("message")
    if event.get("subtype") != "message_changed" or not isinstance(changed, dict):
        return None
    return None if changed.get("subtype") == "tombstone" else changed.get("user")


async def _responded(respond: AsyncRespond, message: dict[str, Any]) -> bool:
    """Whether the response_url took the message; one expired or out of reach leaves it to
    the Web API."""
    try:
        answer = await respond(**{"response_type": "ephemeral", **message})
    except NETWORK_FAILURES as failure:
        log.info("response_url out of reach (%s): telling the person another way", failure)
        return False
    return answer.status_code < 300


def late_message(said: dict[str, Any]) -> dict[str, Any] | None:
    """What an ack sent too late would have shown, as a message: a command's answer, a
    form's errors, the view a form was to become; None for what only an ack can carry (a
    menu's options)."""
    if said.get("errors"):
        return render_error(" ".join(str(e) for e in said["errors"].values()))
    view = said.get("view") if said.get("response_action") in ("update", "push") else None
    if isinstance(view, dict):
        text = readable_text({"blocks": view.get("blocks") or []})
        return {"text": text} if text else None
    if said.get("text") or said.get("blocks"):
        kept = ("text", "blocks", "attachments", "response_type")
        return {key: said[key] for key in kept if said.get(key)}
    return None


def _named(failure: BaseException) -> str:
    """A network failure in one line: its type, and what it says if anything (a timeout
    says nothing)."""
    said = " ".join(str(failure).split())
    return f"{type(failure).__name__} ({said})" if said else type(failure).__name__


Done = Callable[[str, str], Awaitable[None]]
# What Bolt's `AsyncArgs` holds of the arguments a listener may name (not a context key).
ARGS_HELD = frozenset(
    {
        "logger", "client", "req", "request", "resp", "response", "context", "body",
        "payload", "options", "shortcut", "action", "view", "command", "event", "message",
        "ack", "say", "respond", "complete", "fail",
    }
)  # fmt: skip


# What every wrapper takes (`args`), ready made: Bolt reads each listener's signature when it
# is registered (`getfullargspec`, which takes a `__signature__` as it is), so at every build.
_TAKES_ARGS = inspect.Signature(
    [inspect.Parameter("args", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
)
_NAMES: dict[CodeType, tuple[str, ...]] = {}  # a listener's code: the arguments it names


def _parameter_names(listener: Callable[..., Any]) -> tuple[str, ...]:
    """The arguments `listener` names. A surface's listeners are closures made again at every
    build, of the same code each time, so a plain function's are read once per code: with
    the ready-made `_TAKES_ARGS`, `build` went from 4.0 to 3.3 ms of CPU (docs/testing-log.md),
    paid by every test that starts the bot."""
    by_code = (
        type(listener) is FunctionType
        and not hasattr(listener, "__wrapped__")
        and getattr(listener, "__signature__", None) is None
    )
    if not by_code:
        return tuple(inspect.signature(listener).parameters)
    code = listener.__code__
    if code not in _NAMES:
        _NAMES[code] = tuple(inspect.signature(listener).parameters)
    return _NAMES[code]


async def answer(args: AsyncArgs, error: UserError) -> None:
    """Ack the request if nobody has (a command's ack carries the message), then tell."""
    if args.ack.response is None:
        if args.body.get("command"):
            await args.ack(**render_error(error))
            return
        await args.ack()
    await tell_user(error, args.body, shared(args.respond, args.client.session), args.client)


def friendly(
    listener: Callable[..., Awaitable[Any]],
    done: Done | None,
    turns: asyncio.Semaphore,
    refused: Done | None = None,
    ack_within: float = ACK_WITHIN_SECONDS,
) -> Callable[..., Awaitable[Any]]:
    """Wrap a listener so a UserError (or, for a bug, "something went wrong") is acked if
    need be and shown to the person, and its request's inbox entry is closed by `done` when
    the work ends, whichever way it ends — except by cancellation: a replica stopping before
    the work ran leaves it to be replayed. A request refused as `NotAMember` is closed and
    emptied by `refused` first, its words kept nowhere.

    The wrapper asks Bolt for one documented argument, `args` (every argument Bolt knows),
    and calls the listener with the ones it names, picked by Bolt's own kwargs injection: the
    listener's signature is left as written, and its `ack` also takes a turn after answering.
    (A listener middleware could not do this: Bolt runs it to the end before the listener.)

    Bolt runs the app with `process_before_response`, so it answers Slack when this returns;
    this returns as soon as the listener has acked (events: at once, Bolt acks them) and the
    rest of the listener goes on in a task of its own (`after_ack.start`). Bolt's other mode
    noticed an ack by polling every 10 ms, which was most of every ack's latency. One that
    has not acked by `ack_within` (`ACK_WITHIN_SECONDS`) is acked empty, and its later ack
    told as a message.
    """
    names = _parameter_names(listener)
    # Bolt has built `args` already: a listener taking only what it holds is given those, and
    # Bolt's injection (every argument built again) runs only for one that names another.
    plain = set(names) <= ARGS_HELD

    async def run(args: AsyncArgs) -> Any:
        turn = Turn(turns)
        arguments = (
            {name: getattr(args, name) for name in names}
            if plain
            else build_async_required_kwargs(
                logger=args.logger,
                required_arg_names=list(names),
                request=args.req,
                response=args.resp,
                this_func=listener,
            )
        )
        late = asyncio.Event()
        if "ack" in arguments:
            arguments["ack"] = turn.after(in_time(args, late))
        else:
            turn.take_at_start()  # Bolt acks the request once this returns
        if "respond" in arguments:
            arguments["respond"] = shared(args.respond, args.client.session)
        work = start(work_through(args, arguments, turn), listener.__name__)
        await turn.answered_or(work, ack_within)
        if "ack" in arguments and args.ack.response is None and not work.done():
            # Still waiting on Slack (a Retry-After) or the database: Slack would show the
            # person an error and Bolt answer 404, so the ack goes now, empty.
            late.set()
            log.warning("%s acked empty after %.1f s", listener.__name__, ack_within)
            await args.ack()
        return None

    def in_time(args: AsyncArgs, late: asyncio.Event) -> Callable[..., Awaitable[Any]]:
        """The listener's `ack`; once Slack has been answered without it, what it says is
        shown to the person as a message instead (`late_message`)."""

        async def ack(**said: Any) -> Any:
            if not late.is_set():
                return await args.ack(**said)
            message = late_message(said)
            if message is not None:
                await tell(
                    message, args.body, shared(args.respond, args.client.session), args.client
                )
            return args.ack.response

        return ack

    async def work_through(args: AsyncArgs, arguments: dict[str, Any], turn: Turn) -> None:
        cancelled = False
        turn.mine()
        try:
            await turn.take_if_first()
            try:
                await listener(**arguments)
            except SlackApiError as failure:
                if error_code(failure) in TRIGGER_SPENT:
                    log.info("%s in %s", error_code(failure), listener.__name__)
                    raise UserError(TOO_SLOW) from failure
                if refused_for_good(failure):
                    method = method_of(failure)
                    log.warning(
                        "Slack refused %s in %s: %s", method, listener.__name__, explained(failure)
                    )
                    raise UserError(slack_refused(method)) from failure
                if not is_transient(failure):
                    raise
                raise UserError(SLACK_BUSY) from failure
            except NETWORK_FAILURES as failure:
                if not out_of_reach(failure):
                    raise
                log.warning("Slack out of reach in %s: %s", listener.__name__, _named(failure))
                raise UserError(SLACK_BUSY) from failure
        except UserError as error:
            try:
                await answer(args, error)  # first: the answer may be the ack Slack waits for
            except SlackApiError as telling:  # nowhere left to say it; not a bug of ours
                log.warning("could not tell the person: %s", error_code(telling))
            except NETWORK_FAILURES as telling:  # Slack out of reach
                log.warning("could not tell the person: %s", type(telling).__name__)
            entry = stored(args.context)
            if isinstance(error, NotAMember) and refused is not None and entry is not None:
                await refused(*entry)
        except asyncio.CancelledError:
            cancelled = True
            raise
        except Exception as error:  # a bug: logged here, since Bolt would lose our ack
            log.error(
                "unexpected %s in %s", type(error).__name__, listener.__name__, exc_info=error
            )
            try:
                await answer(args, UserError(SOMETHING_WENT_WRONG))
            except Exception as telling:
                log.warning("could not tell the person: %s", type(telling).__name__)
        finally:
            turn.give_back()
            entry = stored(args.context)
            if done is not None and entry is not None and not cancelled:
                await done(*entry)

    # Bolt names a listener's logger after its function: keep the listener's name.
    run.__name__, run.__qualname__ = listener.__name__, listener.__qualname__
    run.__module__, run.__doc__ = listener.__module__, listener.__doc__
    run.__signature__ = _TAKES_ARGS  # type: ignore[attr-defined]
    return run
