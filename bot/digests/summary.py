"""A manager's week, as plain data: what the digest, `/kudos report` and the CLI all show.

Everything is computed here once, from storage queries, so the three surfaces cannot
disagree. Kudos given in private conversations are counted (totals, values, the chart) but
their text, giver and receiver never enter the summary: `visibility.report_shows` decides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import mentions, visibility
from bot.counting import counted_since
from bot.digests.weeks import IsoWeek
from bot.timezone import local_date, zone
from storage import digests as q
from storage import people as people_queries
from storage import team_history as history
from storage.models import Kudos, Person

TREND_WEEKS = 4  # the trend compares the week with the average of the 4 before it
CHART_WEEKS = 8
UNSUNG_WEEKS = 4  # helped in these weeks but received no kudos in them
QUIET_WEEKS = 8  # no kudos for this long: worth a manager's look
TOP = 5
NO_VALUE = "(no value)"


@dataclass(frozen=True)
class Shoutout:
    receiver: str
    giver: str
    message: str
    values: tuple[str, ...]
    given_on: date  # in the manager's time zone

    @classmethod
    def of(cls, kudos: Kudos, names: dict[str, str], tz: str) -> Shoutout:
        """An entry of the ledger, with names where known, dated in time zone `tz`."""
        return cls(
            receiver=names.get(kudos.receiver_user_id, kudos.receiver_user_id),
            giver=names.get(kudos.giver_user_id, kudos.giver_user_id),
            message=mentions.named(kudos.message, names),
            values=tuple(kudos.values or ()),
            given_on=local_date(kudos.created_at, tz),
        )


@dataclass(frozen=True)
class WeekCount:
    """A week's kudos, and each value's share of them: a kudos with two values counts a half
    for each, so the shares add up to the kudos (a stacked bar is as tall as the count)."""

    week: IsoWeek
    total: int
    per_value: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class TeamSummary:
    team_id: str
    manager_user_id: str
    manager_name: str
    week: IsoWeek
    tz: str
    team_size: int
    shoutouts: tuple[Shoutout, ...]  # public ones only, with their text
    private_count: int  # private ones: a number, nothing more
    top_givers: tuple[tuple[str, int], ...]
    helpers: tuple[tuple[str, int], ...]  # (name, questions taken on this week)
    unsung: tuple[str, ...]
    quiet: tuple[tuple[str, date | None], ...]  # (name, last kudos received, None: none)
    values: tuple[tuple[str, int], ...]
    weekly: tuple[WeekCount, ...]  # up to CHART_WEEKS weeks counted, oldest first
    helped_lately: bool = True  # somebody in the team helped in the last UNSUNG_WEEKS weeks
    counting_since: date | None = None  # askaround's first record (install or first kudos)
    quiet_known: bool = True  # askaround has counted for QUIET_WEEKS, so `quiet` can be told
    for_guest: bool = False  # read by a guest of the workspace: `private_count` counts all
    so_far: bool = False  # the week is not over: its count so far is no trend yet

    @property
    def total(self) -> int:
        return len(self.shoutouts) + self.private_count

    @property
    def previous(self) -> tuple[WeekCount, ...]:
        """The TREND_WEEKS weeks before this one that askaround counted: none from before
        the week it started counting in, which would only pull the average down."""
        before = self.weekly[-1 - TREND_WEEKS : -1]
        if self.counting_since is None:
            return before
        started = IsoWeek.of(self.counting_since)
        return tuple(w for w in before if w.week >= started)

    @property
    def previous_average(self) -> float:
        previous = self.previous
        return sum(w.total for w in previous) / len(previous) if previous else 0.0


def _ranked(
    counts: Counter[str], limit: int | None = TOP, names: Mapping[str, str] | None = None
) -> tuple[tuple[str, int], ...]:
    """The most first, each counted by its key (a person's id, read by `names`); the first
    `limit` and everyone tied with the last of them."""
    shown = names if names is not None else {k: k for k in counts}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], shown[item[0]], item[0]))
    if limit is not None and len(ranked) > limit:
        # Whoever has as many as the last one kept is kept too: a name cut from a tie would
        # read as having fewer than those shown.
        ranked = [item for item in ranked if item[1] >= ranked[limit - 1][1]]
    return tuple((shown[key], n) for key, n in ranked)


async def build_summary(
    session: AsyncSession,
    team_id: str,
    manager: Person,
    week: IsoWeek,
    *,
    installed: datetime,
    direct_only: bool = False,
    for_guest: bool = False,
) -> TeamSummary:
    """The summary of `week` for `manager`'s team, in the manager's own time zone.

    Nobody can have gone without kudos for QUIET_WEEKS before askaround had counted that
    long: until then (from `installed`, or the first kudos if older) the quiet list is empty
    and `quiet_known` False, rather than everyone listed as never thanked."""
    tz = manager.tz
    start, end = week.window(tz)
    first_chart_week = week.shifted(-(CHART_WEEKS - 1))
    chart_start, _ = first_chart_week.window(tz)
    # Each kudos and help is counted by the team its person was in when it happened, and the
    # week's team is everyone in it at some moment of the week (`storage.team_history`).
    during = await history.team_during(
        session, team_id, manager.user_id, chart_start, end, direct_only=direct_only
    )
    spans = {person.user_id: held for person, held in during}

    def in_team(user_id: str, at: datetime) -> bool:
        return any(since <= at < until for since, until in spans.get(user_id, ()))

    everyone = list(spans)
    # Whether a helper was thanked is said of the person, whichever team they were in then.
    received_anywhere = await q.kudos_received(session, team_id, everyone, chart_start, end)
    received = [k for k in received_anywhere if in_team(k.receiver_user_id, k.created_at)]
    ties = visibility.report_ties_private_kudos()
    given = Counter(
        giver
        for giver, at in await q.given_at(session, team_id, everyone, start, end, with_private=ties)
        if in_team(giver, at)
    )
    # Local Mondays: `start - timedelta(weeks=…)` is an hour off across a clock change.
    unsung_since, _ = week.shifted(-(UNSUNG_WEEKS - 1)).window(tz)
    quiet_since, _ = week.shifted(-(QUIET_WEEKS - 1)).window(tz)
    helped = await q.help_given(
        session,
        team_id,
        everyone,
        unsung_since,
        end,
        with_private=visibility.report_counts_private_help(),
    )
    helped = [h for h in helped if in_team(h.helper_user_id, h.helped_at)]
    members = [person for person, held in during if any(a < end and start < b for a, b in held)]
    # Someone who has left since was in the team in a week they were thanked, gave or took on
    # a question in (kudos go to nobody deactivated): that week reads as it did; they are not
    # counted in the others. A private kudos keeps nobody in it, which would name its receiver
    # (`visibility.report_ties_private_kudos`); it is counted in that week all the same.
    received_in_week = [k for k in received if start <= k.created_at < end]
    in_week = {k.receiver_user_id for k in received_in_week if ties or not k.is_private}
    in_week |= set(given) | {h.helper_user_id for h in helped if h.helped_at >= start}
    members = [m for m in members if not m.deactivated or m.user_id in in_week]
    ids = [m.user_id for m in members]
    kept = set(ids)
    # The weeks before keep who was in the team then, as their own digests read: the week's
    # members alone made the trend of a team someone left since "0.25 a week" of 0.5.
    given = Counter({g: n for g, n in given.items() if g in kept})
    helped = [h for h in helped if h.helper_user_id in kept]
    this_week = [k for k in received if start <= k.created_at < end]
    shown = [k for k in this_week if visibility.report_shows(k.is_private, guest=for_guest)]
    last = await q.last_received(session, team_id, ids, end, with_private=ties)
    named = {k.giver_user_id for k in shown} | mentioned(shown)
    names = await people_queries.display_names(session, team_id, kept | named | {manager.user_id})
    here = zone(tz)

    thanked_lately = {
        k.receiver_user_id
        for k in received_anywhere
        if k.created_at >= unsung_since and (ties or not k.is_private)
    }
    first = await q.first_kudos(session, team_id)
    counting_since = counted_since(installed, first)
    quiet_known = counting_since <= quiet_since
    return TeamSummary(
        for_guest=for_guest,
        team_id=team_id,
        manager_user_id=manager.user_id,
        manager_name=names[manager.user_id],
        week=week,
        tz=tz,
        team_size=len(members),
        shoutouts=tuple(Shoutout.of(k, names, tz) for k in shown),
        private_count=len(this_week) - len(shown),
        top_givers=_ranked(given, names=names),
        helpers=_ranked(
            Counter(h.helper_user_id for h in helped if h.helped_at >= start), None, names
        ),
        helped_lately=bool(helped),
        unsung=tuple(sorted(names[u] for u in {h.helper_user_id for h in helped} - thanked_lately)),
        counting_since=counting_since.astimezone(here).date(),
        quiet_known=quiet_known,
        quiet=tuple(
            (names[u], last[u].astimezone(here).date() if u in last else None)
            for u in ids
            if quiet_known and (u not in last or last[u] < quiet_since)
        ),
        values=_ranked(_value_counts(this_week), None),
        weekly=_weekly(received, max(first_chart_week, IsoWeek.at(counting_since, tz)), week, tz),
    )


def _value_counts(entries: list[Kudos]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for k in entries:
        counts.update(k.values or [NO_VALUE])
    return counts


def _weekly(entries: list[Kudos], first: IsoWeek, last: IsoWeek, tz: str) -> tuple[WeekCount, ...]:
    """The weeks from `first` to `last` (the chart's), none before askaround counted kudos:
    a bar of 0 there would say nobody was thanked, where nothing is known."""
    weeks = [first.shifted(i) for i in range(CHART_WEEKS) if first.shifted(i) <= last]
    buckets: dict[IsoWeek, list[Kudos]] = {w: [] for w in weeks}
    for k in entries:
        at = IsoWeek.at(k.created_at, tz)
        if at in buckets:
            buckets[at].append(k)
    return tuple(WeekCount(w, len(buckets[w]), _shares(buckets[w])) for w in weeks)


def _shares(entries: list[Kudos]) -> tuple[tuple[str, float], ...]:
    shares: dict[str, float] = {}
    for k in entries:
        values = k.values or [NO_VALUE]
        for value in values:
            shares[value] = shares.get(value, 0.0) + 1 / len(values)
    return tuple(sorted(shares.items(), key=lambda item: (-item[1], item[0])))


def mentioned(entries: Iterable[Kudos]) -> set[str]:
    """The people the entries' reasons mention, whose names the shout-outs show."""
    return {who for k in entries for who in mentions.people(k.message)}
