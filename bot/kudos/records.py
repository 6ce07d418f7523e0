"""What the kudos service takes and gives back: plain values, free of Slack and SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row

from bot.profile import Profile
from storage.models import Kudos


@dataclass(frozen=True)
class Announcement:
    """How the shout-out for an act of giving is told, decided when it is given.

    `message_link` points back to the message kudos were given on; `thread_ts` puts a
    seconding in the shout-out's thread; `in_thread` is the thread of the reply kudos were
    given on, where a shout-out posted in their conversation answers; `reply_url` is Slack's
    address for answering in a conversation the bot is not a member of, where it cannot post
    by itself.
    """

    message_link: str | None = None
    thread_ts: str | None = None
    in_thread: str | None = None
    reaction: str | None = None  # the emoji that seconds it; None: the workspace's first
    reply_url: str | None = None


@dataclass(frozen=True)
class Giving:
    """One act of giving, to one or more people, from any surface.

    `key` identifies the act (a command's trigger id, a reaction, a modal's view id); each
    recipient's entry gets the idempotency key `key:receiver`, so a repeat adds nothing.
    """

    team_id: str
    giver: Profile
    recipients: tuple[Profile, ...]
    reason: str
    key: str
    source: str  # command | reaction | shortcut | modal | second
    tags: tuple[str, ...] = ()
    channel_tags: tuple[str, ...] = ()
    channel_id: str | None = None
    is_private: bool = False
    values: tuple[str, ...] | None = None  # already chosen from the list (modal), not typed
    question_id: int | None = None  # kudos for help with a question
    announcement: Announcement = Announcement()
    seconds: str | None = None  # the act of giving a reaction seconds: refused once undone
    quoted: tuple[str, str] | None = None  # (channel, ts) of the message that is the reason
    group_dm: bool = False  # `channel_id` is a group DM, which texts name "this conversation"
    # Where the giver's confirmation is answered when that is known before giving (the
    # command's response_url): it loses its Undo button through it when Undo ends.
    confirm_url: str | None = None
    # How long the request giving it waited to be worked (a replay, its replica dead): the
    # same kudos given since it arrived (the giver sending it again) is its retry.
    waited: timedelta = timedelta(0)


@dataclass(frozen=True)
class Entry:
    id: int
    giver: str
    receiver: str
    message: str
    values: tuple[str, ...]
    channel_id: str | None
    is_private: bool
    source: str
    created_at: datetime
    batch_key: str
    shoutout_channel_id: str | None = None
    shoutout_ts: str | None = None
    shoutout_reply_url: str | None = None
    dm_channel_id: str | None = None
    dm_ts: str | None = None
    quoted_channel_id: str | None = None
    quoted_ts: str | None = None
    undone: bool = False

    @classmethod
    def of(cls, row: Kudos | Row[Any]) -> Entry:
        """From a ledger entry, or a row of its columns (`storage.kudos.ENTRY`)."""
        return cls(
            id=row.id,
            giver=row.giver_user_id,
            receiver=row.receiver_user_id,
            message=row.message,
            values=tuple(row.values or ()),
            channel_id=row.channel_id,
            is_private=row.is_private,
            source=row.source,
            created_at=row.created_at,
            batch_key=row.batch_key,
            shoutout_channel_id=row.shoutout_channel_id,
            shoutout_ts=row.shoutout_ts,
            shoutout_reply_url=row.shoutout_reply_url,
            dm_channel_id=row.dm_channel_id,
            dm_ts=row.dm_ts,
            quoted_channel_id=row.quoted_channel_id,
            quoted_ts=row.quoted_ts,
            undone=row.undone_at is not None,
        )


@dataclass(frozen=True)
class Given:
    """What one act of giving wrote; `duplicate` when it had been recorded already."""

    entries: tuple[Entry, ...]
    duplicate: bool = False
    remaining: int = 0
    allowance: int = 0
    kudos_channel_id: str | None = None
    # Where the shout-out is going: a channel, the command's conversation (through its
    # reply_url: `shoutout_channel` is None), or nowhere (`announced` False).
    shoutout_channel: str | None = None
    announced: bool = True

    @property
    def first(self) -> Entry:
        return self.entries[0]

    @property
    def batch_key(self) -> str:
        return self.first.batch_key

    @property
    def recipients(self) -> tuple[str, ...]:
        return tuple(e.receiver for e in self.entries)


@dataclass(frozen=True)
class Undone:
    entries: tuple[Entry, ...]
    already: bool = False
    group_dm: bool = False  # given in a group DM (`Giving.group_dm`)
    taken_back: bool = False  # `already`, by an admin (`bot.kudos.taking_back`)


@dataclass(frozen=True)
class Standing:
    user_id: str
    name: str
    count: int


@dataclass(frozen=True)
class Leaderboard:
    period: str
    value: str | None
    standings: tuple[Standing, ...]  # most kudos first
    has_values: bool = True  # the workspace has company values a kudos may name
    retired: bool = False  # `value` is no longer a company value: no new kudos can name it
    # People tied with the last standing whom the board's limit left out: counted, so
    # that the place shown is not read as theirs alone.
    tied_beyond: int = 0

    def places(self) -> list[tuple[int, Standing]]:
        """Each standing with its place: people tied share one, and the next place is one
        more than the people ahead (2, 2, then 3 is taken: 1, 1, 3)."""
        placed: list[tuple[int, Standing]] = []
        for i, standing in enumerate(self.standings):
            tied = placed and placed[-1][1].count == standing.count
            placed.append((placed[-1][0] if tied else i + 1, standing))
        return placed


@dataclass(frozen=True)
class MySummary:
    user_id: str
    received: int
    given: int
    top_values: tuple[tuple[str, int], ...]
    streak_weeks: int
    recent: tuple[Entry, ...]
    names: dict[str, str]


@dataclass(frozen=True)
class AboutSomeone:
    user_id: str
    name: str
    public_count: int
    top_values: tuple[tuple[str, int], ...]
    recent: tuple[Entry, ...]
    names: dict[str, str]
    shared_private: int = 0  # private kudos the viewer may see (they gave or received them)
    unseen_private: int = 0  # the others' private kudos: counted (leaderboards), never shown
    # The viewer is a guest of the workspace: `unseen_private` counts public kudos too.
    for_guest: bool = False
    has_values: bool = True  # the workspace has company values a kudos may name


@dataclass(frozen=True)
class HomeKudos:
    user_id: str
    allowance: int
    remaining: int
    recent: tuple[Entry, ...]
    names: dict[str, str]
    leaderboard: Leaderboard | None  # None for a guest (`visibility.sees_workspace_figures`)


@dataclass(frozen=True)
class LedgerLine:
    """One live entry of the ledger as an admin exports it: with its workspace and names."""

    team_id: str
    entry: Entry
    giver_name: str
    receiver_name: str
