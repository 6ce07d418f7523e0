"""Directory sync: what Slack's `users.list` says about everyone, recorded in one transaction.

Names, time zones and deactivations come from Slack; org data (title, team, manager) and
profiles are askaround's own and are left alone. A deactivated person stops being routed to
(`Status.routable`) and drops out of `/skills who`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tqdm import tqdm

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
    pages: int = 0

    def summary(self) -> str:
        return (
            f"{plural(self.seen, 'Slack user')} in {plural(self.pages, 'page')}: "
            f"{len(self.added)} new, "
            f"{len(self.updated)} updated, {len(self.deactivated)} deactivated, "
            f"{len(self.reactivated)} reactivated."
        )


def progress_bar(desc: str, unit: str, enabled: bool = True, total: int | None = None) -> Any:
    """The bar `askaround import` and `sync` draw on standard error while Slack is read: a
    count and a rate (`users.list` tells no total), or a percentage when the total is known.
    Only on a terminal: piped or written to a log, standard error gets no bar (tqdm's None)."""
    return tqdm(
        total=total, desc=desc, unit=unit, file=sys.stderr, disable=None if enabled else True
    )


async def record_directory(
    s: AsyncSession,
    team_id: str,
    profiles: Iterable[Profile],
    report: SyncReport | None = None,
) -> SyncReport:
    """Record everyone in `s` (the caller's unit of work: `PeopleService.record_directory`)."""
    report = report or SyncReport()
    known = await people_queries.all_people(s, team_id)
    # Rows are written in user-id order, as every writer does, so PostgreSQL never deadlocks.
    for profile in sorted(profiles, key=lambda p: p.user_id):
        report.seen += 1
        before = known.get(profile.user_id)
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
        await people_queries.upsert_profiles(s, team_id, [row])
    return report
