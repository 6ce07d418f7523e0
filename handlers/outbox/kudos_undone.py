"""How what the giver's Undo queued (`bot.kudos.tell.undone`) is sent: every message the kudos
caused deleted, others' seconds left under the shout-out drawn again as their own, and the
giver answered in place of their confirmation. Slack failing any call in a way that passes
(a rate limit, a 5xx, a timeout) raises, and the outbox tries it all again: a message deleted
already counts as gone, a seconding is drawn to the same words, the answer says the same."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.kudos.records import Entry, Given
from bot.services import Services
from handlers.blocks.kudos import place, render_shoutout, render_undone
from handlers.client.messages import delete_message, update_message
from handlers.outbox.kudos import by_reply_url, delete_by_reply_url, tell_giver


async def undone(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    entries = tuple(await services.kudos.batch(team_id, str(payload["batch_key"])))
    if not entries:
        return  # forgotten with the workspace's data since
    group_dm = await services.kudos.given_in_group_dm(team_id, entries[0].batch_key)
    kept = await _remove_messages(client, entries, group_dm=group_dm)
    await _seconds_stand_alone(client, services, team_id, entries[0])
    reply_url = payload.get("reply_url")
    if reply_url:
        message = render_undone(entries, kept)
        await by_reply_url(str(reply_url), {"replace_original": True, **message}, "Undo's answer")


async def _remove_messages(
    client: AsyncWebClient, entries: tuple[Entry, ...], *, group_dm: bool
) -> list[str]:
    """Delete the shout-out and each recipient's DM; what Slack refuses for good to delete,
    named for the giver (`group_dm`: given in one, `place`)."""
    kept: list[str] = []
    first = entries[0]
    if first.shoutout_channel_id and first.shoutout_ts:
        gone = await delete_message(
            client, first.shoutout_channel_id, first.shoutout_ts, retried=True
        )
    elif first.shoutout_reply_url:
        gone = await delete_by_reply_url(first.shoutout_reply_url)
    else:
        gone = True
    if not gone:
        kept.append(
            f"the shout-out in {place(first.shoutout_channel_id, first, group_dm=group_dm)}"
        )
    for entry in entries:
        if entry.dm_channel_id and entry.dm_ts:
            if not await delete_message(client, entry.dm_channel_id, entry.dm_ts, retried=True):
                kept.append(f"<@{entry.receiver}>'s DM")
    return kept


async def _seconds_stand_alone(
    client: AsyncWebClient, services: Services, team_id: str, first: Entry
) -> None:
    """Others' seconds of the removed shout-out stay theirs, and their replies, left under a
    deleted message, are drawn again as their own shout-outs ("@maria seconds this" would
    second nothing anyone can read); one undone meanwhile was removed by its own Undo."""
    seconds = await services.kudos.seconds_left(team_id, first.batch_key)
    if not seconds:
        return
    reaction = (await services.kudos.reactions(team_id))[0]
    for act in seconds:
        posted = act[0]
        if not (posted.shoutout_channel_id and posted.shoutout_ts):
            continue  # not posted yet: its delivery draws it from the ledger as it is then
        message = render_shoutout(Given(act), None, reaction)
        await update_message(client, posted.shoutout_channel_id, posted.shoutout_ts, message)


async def given_up(services: Services, team_id: str, payload: dict[str, Any]) -> None:
    await services.kudos.undo_given_up(team_id, str(payload["batch_key"]))


async def unfinished(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The giver's Undo, given up, was never answered (its reply_url lasts half an hour, the
    outbox tries for about an hour): a DM says the shout-out may still show, and how an
    admin finishes removing it."""
    entries = tuple(await services.kudos.batch(team_id, str(payload["batch_key"])))
    if not entries:
        return  # forgotten with the workspace's data since
    first = entries[0]
    group_dm = await services.kudos.given_in_group_dm(team_id, first.batch_key)
    shown = [f"the shout-out in {place(first.shoutout_channel_id, first, group_dm=group_dm)}"]
    message = render_undone(entries, shown if first.shoutout_ts else [], given_up=True)
    await tell_giver(client, first, message, "their Undo was given up")


DELIVERIES = {"kudos.undone": undone, "kudos.undo_unfinished": unfinished}
# What a delivery the outbox gives up on does instead, to keep what its words promised.
GIVEN_UP = {"kudos.undone": given_up}
