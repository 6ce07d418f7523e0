"""Directory sync: what Slack's `users.list` says about everyone, recorded in one transaction.

Names, time zones and deactivations come from Slack; org data (title, team, manager) and
profiles are askaround's own and are left alone. A deactivated person stops being routed to
(`Status.routable`) and drops out of `/skills who`. So does someone a whole `users.list` no
longer names (`SyncReport.left`): removed from this workspace of an Enterprise Grid org, or
erased by Slack, without ever being listed as deactivated.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.profile import Profile
from bot.words import plural
from storage import people as people_queries


@dataclass
class SyncReport:
    seen: int = 0
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    reactivated: list[str] = field(default_factory=list)
    # Described by Slack before, not in the whole list now: recorded as deactivated.
    left: list[str] = field(default_factory=list)
    pages: int = 0

    def summary(self) -> str:
        """Each listed account counted once, for what happened to it, so the figures add up
        to those listed; those no longer listed after them."""
        added = set(self.added)
        first_seen_gone = [u for u in self.deactivated if u in added]
        changed = {*self.added, *self.deactivated, *self.reactivated}
        updated = [u for u in self.updated if u not in changed]
        figures = [f"{len(self.added) - len(first_seen_gone)} new"]
        if first_seen_gone:
            figures.append(f"{len(first_seen_gone)} already deactivated when first seen")
        figures += [
            f"{len(updated)} updated",
            f"{len(self.deactivated) - len(first_seen_gone)} deactivated",
            f"{len(self.reactivated)} reactivated",
            f"{self.seen - len(changed) - len(updated)} unchanged",
        ]
        return (
            f"{plural(self.seen, 'Slack user')} in {plural(self.pages, 'page')}: "
            f"{', '.join(figures)}; {len(self.left)} no longer in the workspace "
            "(not listed: recorded as deactivated)."
        )

    @property
    def changed(self) -> list[str]:
        """Everyone whose stored profile this sync changed: joined, updated (left or came
        back among them), no longer listed."""
        return [*self.added, *self.updated, *self.left]

    @property
    def leavers(self) -> list[str]:
        """Everyone who left the workspace by this sync's word: deactivated, or no longer
        listed."""
        return [*self.deactivated, *self.left]


async def record_directory(
    s: AsyncSession,
    team_id: str,
    profiles: Iterable[Profile],
    report: SyncReport | None = None,
    *,
    listed: Collection[str] | None = None,
) -> SyncReport:
    """Record everyone in `s` (the caller's unit of work: `PeopleService.record_directory`).
    `listed`: every user id `users.list` named, read to its end, so someone Slack described
    before whom it does not name is no longer in the workspace (`SyncReport.left`). None: a
    list read in part, which says nothing of who is missing from it. One the list names as
    another organisation's is left as stored: a misread team must not take a whole workspace
    for having left."""
    report = report or SyncReport()
    members = {profile.user_id: profile for profile in profiles}
    left: set[str] = set()
    # A list naming nobody, not even the bot itself, is a Slack answering without its members,
    # not a workspace everyone left.
    if listed:
        named = _Either(members, frozenset(listed))  # a frozenset as it is: not copied
        left = await people_queries.unlisted_members(s, team_id, named)
    # Rows are written in user-id order, as every writer does, so PostgreSQL never deadlocks;
    # a run of them at a time (`upsert_profiles_in_order`), made as they are written, each
    # compared with what is stored of its people read a chunk at a time just before.
    rows = _rows(s, team_id, sorted(members.keys() | left), members, left, report)
    await people_queries.upsert_profiles_in_order(s, team_id, rows)
    return report


@dataclass(frozen=True)
class _Either:
    """Whoever the list names: as a profile, or among the ids it listed."""

    members: Mapping[str, Profile]
    listed: Collection[str]

    def __contains__(self, user_id: object) -> bool:
        return user_id in self.members or user_id in self.listed


async def _rows(
    s: AsyncSession,
    team_id: str,
    user_ids: Sequence[str],
    members: Mapping[str, Profile],
    left: Collection[str],
    report: SyncReport,
) -> AsyncIterator[dict[str, Any]]:
    """The row to write of each person, in order, each counted in `report` as it is made.
    What is stored of them is read PROFILES_AT_ONCE people at a time, ahead of their rows:
    rows written before are of earlier ids, so what is read is still as the sync found it."""
    for at in range(0, len(user_ids), people_queries.PROFILES_AT_ONCE):
        chunk = user_ids[at : at + people_queries.PROFILES_AT_ONCE]
        known = await people_queries.stored_profiles(
            s, team_id, [u for u in chunk if u not in left]
        )
        for user_id in chunk:
            if user_id in left:
                report.left.append(user_id)
                yield {"user_id": user_id, "deactivated": True}
                continue
            yield _row(members[user_id], known.get(user_id), report)


def _row(profile: Profile, before: Any, report: SyncReport) -> dict[str, Any]:
    """The row of someone `users.list` describes, `before` what is stored of them (None:
    nothing yet), counted in `report`."""
    report.seen += 1
    kept = profile.left_as_stored(before.name if before else None)
    row = profile.columns(kept)
    if before is None:
        report.added.append(profile.user_id)
    elif any(getattr(before, k) != v for k, v in row.items() if k != "slack_updated"):
        report.updated.append(profile.user_id)
        deactivated = row.get("deactivated", before.deactivated)
        if deactivated and not before.deactivated:
            report.deactivated.append(profile.user_id)
        elif before.deactivated and not deactivated:
            report.reactivated.append(profile.user_id)
    if before is None and profile.deactivated:
        report.deactivated.append(profile.user_id)
    return row
