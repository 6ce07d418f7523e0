"""An admin takes back kudos (an inappropriate or mistaken recognition) after Undo's 5 minutes,
from the shout-out in Slack or from the command line: the one way kudos are taken back,
Undo's own. Its entries are marked undone, so the leaderboards, `/kudos` views, Home, digests,
reports, insights and the export leave them out as they leave out Undo's; the routing index
of every replica takes them back before its next question (`kudos_version`, as Undo counts);
the shout-out is redrawn to say an admin took it back, and the giver and the receivers are
told privately, once: a second take-back (a double click, a retry) finds nothing live and
tells nobody. Who took them back and why stay on the entries, for admins only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot import mentions
from bot.errors import KudosRefused
from bot.kudos import tell
from bot.kudos.records import Entry
from storage import kudos as ledger
from storage import kudos_taken_back as q
from storage import people, routing_changes, workspaces

REASON_CHARS = 500
GONE = "I no longer have these kudos, so there is nothing to take back."
NOT_A_SHOUTOUT = (
    "That message is not a kudos shout-out. Use *Take back kudos* on the shout-out itself "
    "(or on a seconding's reply under it)."
)

UNMATCHED = (
    "I can't tell which kudos this message announced. If it is a shout-out, it was posted "
    "through the `/kudos` command's own reply (I couldn't post in this channel myself), which "
    "leaves me no way to find it again. Take those kudos back from the command line: "
    "`askaround kudos take-back KUDOS_ID`, with the `kudos_id` that "
    "`askaround export kudos --since {since}` lists for them."
)


@dataclass(frozen=True)
class TakenBack:
    """An act of giving's entries; `already`: nothing was live to take back (undone by the
    giver, or taken back before), and nobody was told anything."""

    entries: tuple[Entry, ...]
    already: bool = False


@dataclass(frozen=True)
class TakenBackLine:
    """One entry an admin took back, as the audit shows it to admins."""

    entry: Entry
    by: str
    at: datetime
    reason: str | None


def checked_reason(reason: str | None) -> str | None:
    """The admin's reason, optional; refused past REASON_CHARS, with why."""
    said = (reason or "").strip()
    if len(said) > REASON_CHARS:
        raise KudosRefused(
            f"Keep the reason within {REASON_CHARS} characters (it has {len(said)}).", "reason"
        )
    return said or None


async def take_back(
    s: AsyncSession, team_id: str, batch_key: str, by: str, reason: str | None, at: datetime
) -> TakenBack:
    """In the caller's unit of work; the locks in Undo's order (the workspace, the entries,
    the workspace's counter)."""
    said = checked_reason(reason)
    await workspaces.ensure_workspace(s, team_id)
    rows = await ledger.batch(s, team_id, batch_key)
    if not rows:
        raise KudosRefused(GONE)
    marked = await q.take_back(s, team_id, batch_key, by, said, at)
    if not marked:
        return TakenBack(tuple(Entry.of(row) for row in rows), already=True)
    entries = tuple(Entry.of(row) for row in marked)
    await routing_changes.kudos_undone(s, team_id, batch_key)
    await tell.taken_back(s, team_id, entries, at)
    return TakenBack(entries)


async def batch_of_entry(s: AsyncSession, team_id: str, kudos_id: int) -> str:
    row = await ledger.entry(s, team_id, kudos_id)
    if row is None:
        raise KudosRefused(f"There are no kudos {kudos_id} in this workspace.")
    return str(row.batch_key)


async def of_shoutout(
    s: AsyncSession,
    team_id: str,
    channel_id: str,
    ts: str,
    *,
    ours: bool = False,
    marked: str | None = None,
) -> TakenBack:
    """The act of giving this message announced, to be taken back: `already` when nothing of
    it is live. One Slack posted though its answer was lost, recorded nowhere, is found by
    its outbox delivery's mark, `marked`. Refused for any other message; for one of the bot's
    own (`ours`) in a channel where a shout-out was posted through its command's reply_url,
    saying it may be one that cannot be matched, and how to take its kudos back all the same."""
    batch_key = await q.batch_of_shoutout(s, team_id, channel_id, ts)
    if batch_key is None and ours and marked is not None:
        batch_key = tell.shoutout_batch(team_id, marked)
    if batch_key is None:
        if ours and await q.posted_through_reply(s, team_id, channel_id):
            posted = datetime.fromtimestamp(float(ts), UTC).date()
            raise KudosRefused(UNMATCHED.format(since=posted - timedelta(days=1)))
        raise KudosRefused(NOT_A_SHOUTOUT)
    entries = tuple(Entry.of(row) for row in await ledger.batch(s, team_id, batch_key))
    if not entries:
        raise KudosRefused(GONE)
    return TakenBack(entries, already=all(e.undone for e in entries))


async def audit(
    s: AsyncSession, team_id: str, limit: int
) -> tuple[list[TakenBackLine], dict[str, str]]:
    """The newest entries taken back, and the names of the people they name, their messages'
    mentions too (`storage.people.display_names`)."""
    rows = await q.taken_back(s, team_id, limit)
    lines = [
        TakenBackLine(Entry.of(row), str(row.taken_back_by), row.undone_at, row.taken_back_reason)
        for row in rows
    ]
    named = {u for line in lines for u in (line.entry.giver, line.entry.receiver, line.by)}
    named |= {u for line in lines for u in mentions.people(line.entry.message)}
    return lines, await people.display_names(s, team_id, named)
