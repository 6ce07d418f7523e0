"""What people must be told when kudos are given, written to the outbox in the same
transaction as the ledger entries: a crash after the giver's request was acknowledged can
neither lose the shout-out and the recipients' DMs nor send them for entries rolled back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import home, visibility
from bot.kudos.records import Entry, Given, Giving
from bot.kudos.rules import KudosRules, undo_over_at
from storage import outbox


def shoutout_place(giving: Giving, kudos_channel_id: str | None) -> tuple[str | None, str | None]:
    """Where the shout-out goes, and how it links back to where kudos were given.

    Public kudos go to the workspace's kudos channel when one is set; private ones, and a
    seconding (which answers in the shout-out's thread), stay in their conversation.
    """
    said = giving.announcement
    leaves = visibility.shoutout_leaves_conversation(is_private=giving.is_private)
    if not leaves or not kudos_channel_id or said.thread_ts is not None:
        return giving.channel_id, None
    if kudos_channel_id == giving.channel_id:
        return giving.channel_id, None
    if said.message_link and _plain_link(said.message_link):
        return kudos_channel_id, f"<{said.message_link}|in this conversation>"
    if giving.channel_id:
        return kudos_channel_id, f"in <#{giving.channel_id}>"
    return kudos_channel_id, None


def _plain_link(link: str) -> bool:
    """A permalink as Slack gives it; anything with markup in it would act in the shout-out
    (a `|`, `<` or `>` could hide a link or ping a channel), so it is not linked."""
    return link.startswith("https://") and not any(c in link for c in "<>| \n")


async def kudos_given(
    s: AsyncSession,
    giving: Giving,
    entries: Sequence[Entry],
    rules: KudosRules,
    at: datetime,
) -> None:
    """One shout-out for the act of giving, one DM to each recipient, and the giver's and
    recipients' Home tabs rebuilt (`on_their_tabs`). With a shout-out on its way, the DMs are
    queued once it is posted or has failed (`recipients_told`), so they can say where it is.

    `entries` are what this transaction wrote: a worker in this process that takes the
    delivery at once sends from them instead of reading them back (`outbox.enqueue`'s memo)."""
    channel, link_back = shoutout_place(giving, rules.kudos_channel_id)
    said = giving.announcement
    if channel or said.reply_url:
        await outbox.enqueue(
            s,
            giving.team_id,
            "kudos.shoutout",
            {
                "batch_key": giving.key,
                "channel": channel,
                "thread_ts": said.thread_ts,
                # The thread they were given in, where a shout-out posted in their channel
                # goes (`shoutout` may move it there from a kudos channel shared since);
                # in a kudos channel, it is a message of its own, linking back.
                "in_thread": said.in_thread,
                "link_back": link_back,
                "reaction": said.reaction or rules.reactions[0],  # one that seconds it
                "reply_url": said.reply_url,
                "group_dm": giving.group_dm,
            },
            key=_shoutout_key(giving.team_id, giving.key),
            at=at,
            memo=tuple(entries),
        )
    else:
        await recipients_told(s, giving.team_id, entries, at)
    await on_their_tabs(s, giving.team_id, entries, at)


async def on_their_tabs(
    s: AsyncSession, team_id: str, entries: Sequence[Entry], at: datetime
) -> None:
    """The Home tabs of these kudos' giver, whose allowance left today they change, and of
    each recipient, whose tab lists the kudos they received, rebuilt: given, undone or taken
    back (those they opened, `home.changed`). Everyone's tab ranks the month's leaderboard
    too; a kudos rebuilds no bystander's, which catch up when opened. The managers above the
    recipients count them in their team's week, so theirs are rebuilt as well."""
    receivers = {e.receiver for e in entries}
    await home.changed_among(
        s, team_id, {e.giver for e in entries} | receivers, at, managers_of=receivers
    )


def _shoutout_key(team_id: str, batch_key: str) -> str:
    return f"kudos.shoutout:{team_id}:{batch_key}"


def is_shoutout_delivery(team_id: str, key: str) -> bool:
    """Whether the outbox delivery `key` posts a shout-out (or a seconding under one) of this
    workspace's: what such a message still says of itself once its kudos are purged."""
    return key.startswith(_shoutout_key(team_id, ""))


def shoutout_batch(team_id: str, key: str) -> str | None:
    """The act of giving the shout-out (or seconding) outbox delivery `key` announced; None
    for any other delivery's."""
    return (
        key.removeprefix(_shoutout_key(team_id, "")) if is_shoutout_delivery(team_id, key) else None
    )


async def given_in_group_dm(s: AsyncSession, team_id: str, batch_key: str) -> bool:
    """Whether these kudos were given in a group DM (`Giving.group_dm`), as their shout-out's
    delivery was queued: Slack tells one only by its name, when they are given, and the
    texts sent later about them (the shout-out could not be posted; Undo could not remove
    it) name it as the confirmation did."""
    posted = await outbox.payload_of(s, team_id, _shoutout_key(team_id, batch_key))
    return bool(posted and posted.get("group_dm"))


async def quote_changed(
    s: AsyncSession, team_id: str, batch_keys: Sequence[str], change: str, at: datetime
) -> None:
    """The shout-out and DMs already posted for each of these acts of giving, rendered
    again: the message they quote was edited or deleted (`change` names which edit, so a
    later one is sent too, the same one told twice is not). The shout-out is rendered as
    its own delivery rendered it, with its link back and emoji; a seconding's reply in the
    shout-out's thread quotes nothing, so it is left."""
    for batch_key in batch_keys:
        posted = await outbox.payload_of(s, team_id, _shoutout_key(team_id, batch_key))
        shoutout = None
        if posted is not None and not posted.get("thread_ts"):
            shoutout = {"link_back": posted.get("link_back"), "reaction": posted["reaction"]}
        await outbox.enqueue(
            s,
            team_id,
            "kudos.requoted",
            {"batch_key": batch_key, "shoutout": shoutout},
            key=f"kudos.requoted:{team_id}:{batch_key}:{change}",
            at=at,
        )


async def recipients_told(
    s: AsyncSession, team_id: str, entries: Sequence[Entry], at: datetime
) -> None:
    """One DM to each recipient of these entries (as this transaction leaves them); the same
    entry twice is one DM."""
    for entry in entries:
        await outbox.enqueue(
            s,
            team_id,
            "kudos.received",
            {"kudos_id": entry.id},
            key=f"kudos.received:{entry.id}",
            at=at,
            memo=entry,
        )


async def shoutout_unposted(
    s: AsyncSession,
    team_id: str,
    batch_key: str,
    channel_id: str | None,
    error: str,
    at: datetime,
    posted_in: str | None = None,
) -> None:
    """The giver was told the shout-out would be posted in `channel_id`; it could not be
    (nowhere, or only in `posted_in` instead), so they are told."""
    await outbox.enqueue(
        s,
        team_id,
        "kudos.unposted",
        {
            "batch_key": batch_key,
            "channel": channel_id,
            "error": error,
            "posted_in": posted_in,
            "group_dm": await given_in_group_dm(s, team_id, batch_key),
        },
        key=_unposted_key(team_id, batch_key),
        at=at,
    )


async def unposted_told(s: AsyncSession, team_id: str, batch_key: str) -> bool:
    """Whether the giver was told the shout-out could not be posted: from then on it is not
    (a retried delivery would contradict what they were told, kudos made private in public)."""
    return await outbox.payload_of(s, team_id, _unposted_key(team_id, batch_key)) is not None


def _unposted_key(team_id: str, batch_key: str) -> str:
    return f"kudos.unposted:{team_id}:{batch_key}"


# The outbox gives a delivery up after about an hour of Slack failing it; as long again,
# and Slack may answer.
SOUGHT_AFTER = timedelta(hours=1)


async def shoutout_sought(
    s: AsyncSession, team_id: str, batch_key: str, at: datetime, *, why: str
) -> None:
    """The giver was told the shout-out could not be posted, yet an attempt whose answer was
    lost may have posted it: a delivery looks for it by the shout-out's mark where it would
    have gone, and removes it (`handlers.outbox.kudos.sought`). Once per `why` ("given_up",
    at `at` + SOUGHT_AFTER; "taken_back", at `at`)."""
    key = _shoutout_key(team_id, batch_key)
    posted = await outbox.payload_of(s, team_id, key)
    if posted is None:
        return
    later = why == "given_up"
    await outbox.enqueue(
        s,
        team_id,
        "kudos.shoutout_sought",
        {**posted, "sought": key},
        key=f"kudos.shoutout_sought:{team_id}:{batch_key}:{why}",
        at=at + SOUGHT_AFTER if later else at,
        quiet=later,
    )


async def undo_ends(
    s: AsyncSession,
    team_id: str,
    given: Given,
    *,
    group_dm: bool,
    reply_url: str | None = None,
    posted: tuple[str, str] | None = None,
) -> None:
    """The giver's confirmation of `given`, answered through `reply_url` (a command's) or
    `posted` as a message of its own (its channel and ts), drawn again without its Undo button
    once Undo no longer works (`undo_over_at`). It keeps what it said when given (the
    allowance left then, where the shout-out was going), which the ledger does not. Once
    per act of giving: a replayed request queues nothing more."""
    await outbox.enqueue(
        s,
        team_id,
        "kudos.undo_ended",
        {
            "batch_key": given.batch_key,
            "reply_url": reply_url,
            "channel": posted[0] if posted else None,
            "ts": posted[1] if posted else None,
            "remaining": given.remaining,
            "allowance": given.allowance,
            "shoutout_channel": given.shoutout_channel,
            "announced": given.announced,
            "group_dm": group_dm,
        },
        key=f"kudos.undo_ended:{team_id}:{given.batch_key}",
        at=undo_over_at(given.first.created_at),
        quiet=True,
    )


async def undone(
    s: AsyncSession, team_id: str, batch_key: str, reply_url: str | None, at: datetime
) -> None:
    """The giver undid these kudos: the shout-out and the recipients' DMs are deleted, others'
    seconds under the shout-out drawn again as their own, and the giver answered through
    `reply_url` (`handlers.outbox.kudos_undone`). Queued by the press that undid them, once;
    Slack failing any of it, it is tried again."""
    await outbox.enqueue(
        s,
        team_id,
        "kudos.undone",
        {"batch_key": batch_key, "reply_url": reply_url},
        key=f"kudos.undone:{team_id}:{batch_key}",
        at=at,
    )


async def undo_unfinished(s: AsyncSession, team_id: str, batch_key: str, at: datetime) -> None:
    """The `undone` delivery was given up: its giver is told in a DM that the shout-out may
    still show, and that `askaround outbox retry` finishes it (`kudos_undone.unfinished`)."""
    await outbox.enqueue(
        s,
        team_id,
        "kudos.undo_unfinished",
        {"batch_key": batch_key},
        key=f"kudos.undo_unfinished:{team_id}:{batch_key}",
        at=at,
    )


async def taken_back(s: AsyncSession, team_id: str, entries: Sequence[Entry], at: datetime) -> None:
    """An admin took these kudos (one act of giving) back: their shout-out and the recipients'
    DMs already posted are redrawn to say so, and the giver and each recipient are told in a
    DM of their own, with the admin's reason (read from the ledger when it is sent: the
    outbox keeps its rows, and the reason is kept once). Queued once per act and person: the
    take-back that marked them is the only one that queues."""
    first = entries[0]
    await outbox.enqueue(
        s,
        team_id,
        "kudos.taken_back",
        {"batch_key": first.batch_key},
        key=f"kudos.taken_back:{team_id}:{first.batch_key}",
        at=at,
    )
    for user in dict.fromkeys((first.giver, *(e.receiver for e in entries))):
        await outbox.enqueue(
            s,
            team_id,
            "kudos.taken_back_told",
            {"batch_key": first.batch_key, "user": user},
            key=f"kudos.taken_back_told:{team_id}:{first.batch_key}:{user}",
            at=at,
        )
    await on_their_tabs(s, team_id, entries, at)
    if not (first.shoutout_ts or first.shoutout_reply_url):
        # Not recorded, so not redrawn: one posted all the same, its answer lost, is removed.
        if await unposted_told(s, team_id, first.batch_key):
            await shoutout_sought(s, team_id, first.batch_key, at, why="taken_back")
