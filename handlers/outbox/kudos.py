"""How each kudos message in the outbox is sent: rendered from the ledger as it is now, so
kudos undone while their shout-out waited are never announced, and where each message landed
is recorded, so Undo can remove it (a message posted just as the kudos were undone is removed
at once)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot import visibility
from bot.kudos.records import Entry, Given
from bot.services import Services
from handlers.blocks.kudos import (
    UNPOSTED_GAVE_UP,
    render_received,
    render_seconded,
    render_shoutout,
    render_undo_ended,
    render_unposted,
)
from handlers.client import marks
from handlers.client.conversations import conversation, is_private
from handlers.client.failures import (
    INSTALL_REFUSED,
    ReplyFailed,
    error_code,
    explained,
    is_transient,
    method_of,
    refused_for_good,
)
from handlers.client.lookup import posted_before
from handlers.client.messages import delete_message, update_message
from handlers.client.paced import PacedClient
from handlers.outbox.earlier import posted_earlier

log = logging.getLogger("askaround.kudos")


async def shoutout(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """In the chosen channel; where the bot may not post, through the command's reply_url;
    where neither works, the kudos become private and the giver is told. Recording either
    outcome queues the recipients' DMs."""
    batch_key = str(payload["batch_key"])
    # Handed over by the giving transaction: its entries, not read back. Undone meanwhile,
    # the shout-out is deleted when it is recorded.
    entries = marks.memo()
    told_unposted = False
    if not isinstance(entries, tuple):
        entries = await services.kudos.to_shoutout(team_id, batch_key)
        if told_unposted := entries is None:
            # Given up on (`given_up`): the kudos were made private and all told so. An
            # earlier attempt may have posted it all the same, its answer lost: removed.
            entries = await services.kudos.batch(team_id, batch_key)
    if not entries:
        return  # nothing of this act of giving is left to announce
    live = () if told_unposted else tuple(e for e in entries if not e.undone)
    if live and (live[0].shoutout_ts or live[0].shoutout_reply_url):
        return  # posted by an earlier attempt that recorded it
    if payload.get("thread_ts") and not await services.kudos.shoutout_stands(
        team_id, str(payload["channel"]), str(payload["thread_ts"])
    ):
        # A seconding whose shout-out was undone before it was posted: its own shout-out,
        # as Undo redraws one posted (`kudos_undone`), not a reply under a deleted message.
        payload = {**payload, "thread_ts": None}
    thread_ts = payload.get("thread_ts")
    where_posted, link_back = await _where(client, services, team_id, payload, entries[0])
    channel = where_posted["channel"]
    if channel and (earlier := await posted_earlier(client, where_posted)):
        # Posted by an earlier attempt whose answer was lost; undone or given up since
        # (told it was not posted, its kudos private), it is removed.
        if told_unposted:
            await delete_message(client, earlier["channel"], earlier["ts"])
        else:
            await _shoutout_posted(client, services, team_id, batch_key, earlier)
        return
    if not live:
        return  # undone meanwhile, or given up
    given = Given(live)
    if thread_ts:
        message = render_seconded(given)
    else:
        message = render_shoutout(given, link_back, str(payload["reaction"]))
    error = "no_channel"
    if channel:
        try:
            posted = await client.chat_postMessage(**where_posted, **message)
        except SlackApiError as failure:
            if is_transient(failure) or error_code(failure) in INSTALL_REFUSED:
                raise  # passes, or waits for the install to be fixed: no refusal of the channel
            error = str(error_code(failure))
            log.info("shout-out not posted in %s: %s", channel, error)
        else:
            await _shoutout_posted(client, services, team_id, batch_key, posted)
            return
    reply_url = payload.get("reply_url")
    if reply_url:
        if await _reply_in_channel(str(reply_url), message):
            where = live[0].channel_id or str(channel)
            moved = (str(channel), error) if channel and channel != where else None
            if not await services.kudos.record_shoutout(
                team_id, batch_key, where, None, str(reply_url), instead_of=moved
            ):
                await delete_by_reply_url(str(reply_url))
            return
        error = "expired_url"
    await services.kudos.shoutout_failed(team_id, batch_key, channel or live[0].channel_id, error)


async def _where(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    payload: dict[str, Any],
    first: Entry,
) -> tuple[dict[str, Any], str | None]:
    """Where the shout-out goes (a chat.postMessage's `channel` and `thread_ts`), and how it
    links back: a kudos channel shared with another organisation since is not posted in,
    but where the kudos were given; nor is one whose kudos are private now (the channel they
    were given in made private or shared before Slack took the shout-out: `first` as read
    now, and that channel as it is now)."""
    thread_ts = payload.get("thread_ts")
    channel, link_back = payload.get("channel"), payload.get("link_back")
    given_in = first.channel_id
    if channel and not thread_ts and channel != given_in:  # the kudos channel
        known = services.conversations.of(team_id)
        kept = await conversation(client, str(channel), known)
        private = first.is_private or await is_private(client, given_in, known)
        if not (
            visibility.may_post_in_kudos_channel(shared=kept.shared)
            and visibility.shoutout_leaves_conversation(is_private=private)
        ):
            channel, link_back = given_in, None  # where they were given, as without
    in_thread = payload.get("in_thread") if channel == given_in else None
    return {"channel": channel, "thread_ts": thread_ts or in_thread}, link_back


async def sought(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """A shout-out its giver was told could not be posted (given up, `tell.shoutout_sought`),
    looked for by its own delivery's mark where it would have been posted: one Slack posted
    all the same, its answer lost, is removed. Recorded since, it was posted and stands."""
    entries = await services.kudos.batch(team_id, str(payload["batch_key"]))
    if not entries or entries[0].shoutout_ts or entries[0].shoutout_reply_url:
        return  # forgotten with the workspace's data, or recorded by `askaround outbox retry`
    where, _link_back = await _where(client, services, team_id, payload, entries[0])
    if where["channel"] and (found := await posted_before(client, where, str(payload["sought"]))):
        await delete_message(client, found["channel"], found["ts"])


async def _shoutout_posted(
    client: AsyncWebClient,
    services: Services,
    team_id: str,
    batch_key: str,
    posted: Any,
) -> None:
    """Where the shout-out was posted, recorded; the kudos undone meanwhile, it is deleted."""
    where, ts = posted["channel"], posted["ts"]
    delivery = marks.recorded_with()
    if not await services.kudos.record_shoutout(team_id, batch_key, where, ts, delivery=delivery):
        await delete_message(client, where, ts)


async def given_up(services: Services, team_id: str, payload: dict[str, Any]) -> None:
    """Slack kept failing the shout-out (rate limits, its errors, timeouts) until the outbox
    gave it up: the giver was promised they would hear if it could not be posted, so it is
    treated as refused. Slack may have posted it all the same, its answer lost: it is looked
    for later and removed (`sought`). Retried (`askaround outbox retry`), it posts nothing."""
    channel = payload.get("channel")
    batch_key = str(payload["batch_key"])
    await services.kudos.shoutout_failed(
        team_id, batch_key, channel, UNPOSTED_GAVE_UP, given_up=True
    )


async def _reply_in_channel(url: str, message: dict[str, Any]) -> bool:
    return await by_reply_url(url, {"response_type": "in_channel", **message}, "shout-out")


async def by_reply_url(url: str, body: dict[str, Any], what: str) -> bool:
    """Send `body` to a command's reply_url; False once it has expired (Slack's 30 minutes
    or 5 uses), when `what` is left as it is."""
    answer = await AsyncWebhookClient(url).send_dict(body)
    if answer.status_code == 404:
        log.info("%s not sent: the reply_url has expired", what)
        return False
    if answer.status_code >= 300:
        raise ReplyFailed(answer.status_code)
    return True


async def delete_by_reply_url(url: str) -> bool:
    """Delete what a command's reply_url posted in the channel; True when Slack took it."""
    try:
        answer = await AsyncWebhookClient(url).send_dict({"delete_original": True})
    except (aiohttp.ClientError, TimeoutError):
        return False
    return answer.status_code < 300


def _shoutout_place(entry: Entry) -> str | None:
    """Where the recipient may be told their kudos were posted: only where they were."""
    posted = entry.shoutout_ts or entry.shoutout_reply_url
    shown = visibility.may_point_to_shoutout(is_private=entry.is_private)
    if not shown or not entry.shoutout_channel_id or not posted:
        return None
    return f"<#{entry.shoutout_channel_id}>"


async def received(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    entry = marks.memo()  # handed over by the transaction that recorded the shout-out
    if not isinstance(entry, Entry):
        entry = await services.kudos.entry(team_id, int(payload["kudos_id"]))
    if entry is None or entry.undone or entry.dm_ts:
        return
    dm = await client.conversations_open(users=entry.receiver)
    posted = await client.chat_postMessage(
        channel=dm["channel"]["id"], **render_received(entry, _shoutout_place(entry))
    )
    delivery = marks.recorded_with()
    kind, dms = marks.dms_posted()
    live = await services.kudos.record_dm(
        team_id, entry.id, posted["channel"], posted["ts"], delivery=delivery, dms=(kind, dms)
    )
    marks.dms_recorded(dms)
    if not live:
        await delete_message(client, posted["channel"], posted["ts"])


def _received_turn(paced_client: AsyncWebClient, memo: Any) -> tuple[float, Callable[[], None]]:
    """How long the DM's `conversations.open` would wait for Slack's pace: a recipient the
    bot has not written to, in a burst (Tier 3, 50 a minute)."""
    if not isinstance(memo, Entry) or not isinstance(paced_client, PacedClient):
        return 0.0, lambda: None
    return paced_client.dm_turn(memo.receiver)


async def requoted(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The message these kudos quote was edited or deleted: their shout-out and DMs already
    posted are rendered again from the ledger, as first rendered but for the quote. One
    posted through a command's reply_url cannot be updated; one not posted yet renders the
    ledger as it is when it goes. A retry updates to the same text."""
    entries = await services.kudos.batch(team_id, str(payload["batch_key"]))
    live = tuple(e for e in entries if not e.undone)
    if not live:
        return  # undone: its messages were removed
    first, shoutout = live[0], payload.get("shoutout")
    if shoutout and first.shoutout_channel_id and first.shoutout_ts:
        message = render_shoutout(Given(live), shoutout["link_back"], str(shoutout["reaction"]))
        await update_message(client, first.shoutout_channel_id, first.shoutout_ts, message)
    for entry in live:
        if entry.dm_channel_id and entry.dm_ts:
            message = render_received(entry, _shoutout_place(entry))
            await update_message(client, entry.dm_channel_id, entry.dm_ts, message)


async def unposted(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """Tell the giver their shout-out could not be posted, and what to do about it."""
    entries = await services.kudos.batch(team_id, str(payload["batch_key"]))
    live = tuple(e for e in entries if not e.undone)
    if not live:
        return
    message = render_unposted(
        Given(live),
        payload.get("channel"),
        str(payload.get("error")),
        payload.get("posted_in"),
        group_dm=bool(payload.get("group_dm")),
    )
    await tell_giver(client, live[0], message, "the shout-out was not posted")


async def tell_giver(
    client: AsyncWebClient, entry: Entry, message: dict[str, Any], news: str
) -> None:
    """In a DM, what the giver was promised they would hear of (`news`, for the log)."""
    try:
        dm = await client.conversations_open(users=entry.giver)
        await client.chat_postMessage(channel=dm["channel"]["id"], **message)
    except SlackApiError as failure:
        if is_transient(failure) or not refused_for_good(failure):
            raise
        await _where_given(client, entry, message, failure, news)


async def _where_given(
    client: AsyncWebClient,
    entry: Entry,
    message: dict[str, Any],
    refused: SlackApiError,
    news: str,
) -> None:
    """Slack refusing the giver's DM for good (a Slack refusing every chat.postMessage
    refused the shout-out too) leaves an ephemeral where they gave the kudos, or one line in
    the log."""
    also = ""
    if entry.channel_id is not None:
        try:
            await client.chat_postEphemeral(channel=entry.channel_id, user=entry.giver, **message)
            return
        except SlackApiError as failure:
            if is_transient(failure):
                raise
            also = f", then {method_of(failure)}: {explained(failure)}"
    log.warning(
        "kudos %s: the giver could not be told %s: Slack refused %s: %s%s",
        entry.batch_key,
        news,
        method_of(refused),
        explained(refused),
        also,
    )


async def undo_ended(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The giver's confirmation once Undo no longer works (queued for that moment,
    `tell.undo_ends`), drawn again without its button: through the command's response_url
    that answered it, or by chat.update of its DM. Kudos undone meanwhile are left to Undo's
    own answer, never drawn over; a retry draws the same message again, never the button."""
    entries = await services.kudos.batch(team_id, str(payload["batch_key"]))
    live = tuple(e for e in entries if not e.undone)
    if not live:
        return  # undone (its answer stays), or forgotten with the workspace's data
    given = Given(
        live,
        remaining=int(payload["remaining"]),
        allowance=int(payload["allowance"]),
        shoutout_channel=payload.get("shoutout_channel"),
        announced=bool(payload.get("announced")),
    )
    message = render_undo_ended(given, group_dm=bool(payload.get("group_dm")))
    reply_url, channel, ts = payload.get("reply_url"), payload.get("channel"), payload.get("ts")
    if reply_url:
        # A shout-out posted through the same URL may be what it would replace.
        if live[0].shoutout_reply_url != reply_url:
            await by_reply_url(
                str(reply_url), {"replace_original": True, **message}, "confirmation update"
            )
    elif channel and ts:
        await update_message(client, str(channel), str(ts), message)


DELIVERIES = {
    "kudos.shoutout": shoutout,
    "kudos.received": received,
    "kudos.requoted": requoted,
    "kudos.unposted": unposted,
    "kudos.undo_ended": undo_ended,
    "kudos.shoutout_sought": sought,
}
FIRST_TURNS = {"kudos.received": _received_turn}
# What a delivery the outbox gives up on does instead, to keep what its words promised.
GIVEN_UP = {"kudos.shoutout": given_up}
