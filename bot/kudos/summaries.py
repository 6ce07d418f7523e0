"""What people see of the ledger: the leaderboard, their own summary, what someone was
thanked for (as far as the reader may see), the Home tab's kudos, and the export."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import mentions, visibility
from bot.conversations import MadePrivate, PrivateNow
from bot.errors import KudosRefused
from bot.kudos import rules as r
from bot.kudos.allowance import room
from bot.kudos.giving import Clock
from bot.kudos.parse import PERIODS
from bot.kudos.records import (
    AboutSomeone,
    Entry,
    HomeKudos,
    Leaderboard,
    LedgerLine,
    MySummary,
    Standing,
)
from bot.kudos.workspace_rules import rules_and_giver
from storage import kudos as ledger
from storage import kudos_summaries, workspaces
from storage import people as people_queries
from storage.models import Kudos

SHOWN_ABOUT = 10  # the kudos `/kudos @someone` quotes
MEMBERS_ONLY = (
    "Leaderboards are for the workspace's members: they rank its people, and Slack shows "
    "its guests only the channels they were invited to. `/kudos me` shows your own kudos."
)


async def ranks_for(s: AsyncSession, team_id: str, user_id: str) -> bool:
    """Whether `user_id` may read leaderboards, figures of the whole workspace."""
    guest = await people_queries.is_guest(s, team_id, user_id)
    return visibility.sees_workspace_figures(visibility.person(user_id, guest=guest))


async def leaderboard(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    team_id: str,
    period: str,
    value: str | None,
    tz: str,
    limit: int = 10,
    *,
    viewer: str,
) -> Leaderboard:
    """The `limit` people who received the most kudos in `period`, for `viewer`, who may be
    refused it (`ranks_for`)."""
    if period not in PERIODS:
        raise KudosRefused(f"Pick a period: {', '.join(PERIODS)}.")
    since, until = r.period_window(period, clock(), tz)
    async with sessions() as s, s.begin():
        if not await ranks_for(s, team_id, viewer):
            raise KudosRefused(MEMBERS_ONLY)
        rules, _giver = await rules_and_giver(s, team_id)
        value = value if value is None else r.known_value(value, rules.values) or value
        retired = value is not None and value not in rules.values
        if value is not None and retired:
            # A retired value still ranks the kudos given with it before it was retired.
            if value not in await workspaces.value_names(s, team_id, retired=True):
                raise KudosRefused(r.unknown_value_message(value, rules.values))
        rows, beyond = await _ranked(s, team_id, since, until, value, limit)
        names = await people_queries.display_names(s, team_id, [u for u, _n in rows])
    return _board(period, value, rows, beyond, names, rules, retired=retired)


async def _ranked(
    s: AsyncSession,
    team_id: str,
    since: datetime | None,
    until: datetime | None,
    value: str | None,
    limit: int,
) -> tuple[list[tuple[str, int]], int]:
    """The `limit` people most thanked in [since, until), with how many more the limit cut
    who are tied with the last of them."""
    rows = list(await kudos_summaries.leaderboard(s, team_id, since, until, value, limit))
    beyond = 0
    if rows and len(rows) == limit:  # the limit may cut people tied with the last
        last = rows[-1][1]
        tied = await kudos_summaries.tied_with(s, team_id, last, since, until, value)
        beyond = tied - sum(n == last for _u, n in rows)
    return rows, beyond


def _board(
    period: str,
    value: str | None,
    rows: Sequence[tuple[str, int]],
    beyond: int,
    names: dict[str, str],
    rules: r.KudosRules,
    *,
    retired: bool = False,
) -> Leaderboard:
    standings = tuple(Standing(u, names.get(u, u), n) for u, n in rows)
    return Leaderboard(
        period,
        value,
        standings,
        has_values=bool(rules.values),
        retired=retired,
        tied_beyond=beyond,
    )


async def mine(
    sessions: async_sessionmaker[AsyncSession], clock: Clock, team_id: str, user_id: str, tz: str
) -> MySummary:
    now = clock()
    async with sessions() as s:
        received = await kudos_summaries.received(s, team_id, user_id)
        given = await kudos_summaries.count_for(s, team_id, giver=user_id)
        times = await kudos_summaries.given_times(s, team_id, user_id)
        recent = tuple(Entry.of(row) for row in received[:5])
        names = await people_queries.display_names(s, team_id, _named(recent))
    return MySummary(
        user_id=user_id,
        received=len(received),
        given=given,
        top_values=_top_values(received),
        streak_weeks=r.week_streak(times, now, tz),
        recent=recent,
        names=names,
    )


async def about(
    sessions: async_sessionmaker[AsyncSession],
    team_id: str,
    user_id: str,
    viewer: str,
    private_now: PrivateNow | None = None,
) -> AboutSomeone:
    """What someone was thanked for, as far as `viewer` may see (`bot.visibility`).

    A public kudos's shout-out may be in a channel made private since (Slack tells the app
    nothing of it); `private_now` says whether a channel is private now. The kudos shown
    are checked against the channel their shout-out is in, newest first, and those found
    private are stored as private from now on (the counts of older ones go by what is
    stored)."""
    async with sessions() as s, s.begin():
        rules, _giver = await rules_and_giver(s, team_id)
        guest = await people_queries.is_guest(s, team_id, viewer)
        reader = visibility.person(viewer, guest=guest)
        every = await kudos_summaries.received(s, team_id, user_id)
        made = MadePrivate(private_now)
        made_private: set[int] = set()
        seen: list[Kudos] = []
        for row in every:
            is_private = row.is_private
            if len(seen) < SHOWN_ABOUT:
                posted_in = row.shoutout_channel_id or row.channel_id
                is_private = await made.is_private(row.is_private, posted_in)
                if is_private and not row.is_private:
                    made_private.add(row.id)
            if visibility.may_see_kudos(
                reader, row.giver_user_id, row.receiver_user_id, is_private=is_private
            ):
                seen.append(row)
        await ledger.mark_channels_private(s, team_id, made.found)
        recent = tuple(
            replace(entry, is_private=entry.is_private or entry.id in made_private)
            for entry in map(Entry.of, seen[:SHOWN_ABOUT])
        )
        names = await people_queries.display_names(s, team_id, [user_id, *_named(recent)])
    public = [row for row in seen if not (row.is_private or row.id in made_private)]
    return AboutSomeone(
        user_id=user_id,
        name=names.get(user_id, user_id),
        public_count=len(public),
        top_values=_top_values(seen),
        recent=recent,
        names=names,
        shared_private=len(seen) - len(public),
        unseen_private=len(every) - len(seen),
        for_guest=guest,
        has_values=bool(rules.values),
    )


async def home(
    sessions: async_sessionmaker[AsyncSession], clock: Clock, team_id: str, user_id: str
) -> HomeKudos:
    now = clock()
    # One unit of work: the month's board is read with the rules and standing read here.
    async with sessions() as s, s.begin():
        rules, giver = await rules_and_giver(s, team_id, user_id)
        tz = giver.tz or "UTC"
        left = await room(s, team_id, user_id, rules, giver, now)
        recent = tuple(
            Entry.of(row) for row in await kudos_summaries.received(s, team_id, user_id, limit=3)
        )
        ranked = None
        if visibility.sees_workspace_figures(visibility.person(user_id, guest=giver.guest)):
            ranked = await _ranked(s, team_id, *r.period_window("month", now, tz), None, 5)
        ranked_ids = [u for u, _n in ranked[0]] if ranked is not None else []
        names = await people_queries.display_names(s, team_id, [*_named(recent), *ranked_ids])
    return HomeKudos(
        user_id=user_id,
        allowance=left.allowance,
        remaining=left.left,
        recent=recent,
        names=names,
        leaderboard=_board("month", None, *ranked, names, rules) if ranked is not None else None,
    )


async def export(
    sessions: async_sessionmaker[AsyncSession], since: datetime, until: datetime | None
) -> list[LedgerLine]:
    """Every workspace's live entries in [since, until), oldest first, private included."""
    async with sessions() as s:
        found = await kudos_summaries.export(s, since, until)
    return [LedgerLine(k.team_id, Entry.of(k), giver, receiver) for k, giver, receiver in found]


def _named(recent: Sequence[Entry]) -> list[str]:
    """Whose names the entries show: their givers, and the people their reasons mention (a
    reacted message's `<@U…>` carries no name of its own)."""
    return [who for e in recent for who in (e.giver, *mentions.people(e.message))]


def _top_values(entries: Sequence[Kudos], limit: int = 3) -> tuple[tuple[str, int], ...]:
    counts = Counter(v for e in entries for v in e.values or ())
    return tuple(counts.most_common(limit))
