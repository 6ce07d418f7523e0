"""How many kudos a giver has left today: the largest allowance among their roles (else the
workspace's), less what they gave since midnight in their time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.kudos import rules as r
from storage import kudos as ledger


@dataclass(frozen=True)
class Room:
    allowance: int
    used: int
    tz: str | None = None  # the zone the day is counted in (`day_zone`)

    @property
    def left(self) -> int:
        return max(self.allowance - self.used, 0)

    def take(self, wanted: int) -> int:
        """What is left after giving `wanted` more; refuses when that is past the allowance."""
        return r.check_allowance(self.used, wanted, self.allowance, self.tz)


@dataclass(frozen=True)
class Giver:
    """What is stored of a giver that their allowance depends on; None: nothing is stored.
    `guest`: stored as a guest of the workspace (the Home tab's leaderboard is not theirs)."""

    roles: tuple[str, ...] = ()
    tz: str | None = None
    guest: bool = False


def day_zone(giver: Giver, tz: str | None = None) -> str:
    """The zone the giver's day is counted in: `tz` (Slack's, as they give), else the one
    stored for them, else UTC."""
    return tz or giver.tz or "UTC"


def today(
    rules: r.KudosRules, giver: Giver, now: datetime, tz: str | None = None
) -> tuple[int, tuple[datetime, datetime]]:
    """The giver's allowance and their day [start, end) in UTC; their day is in `tz`, else in
    the time zone stored for them."""
    return r.allowance_for(rules, giver.roles), r.local_day(now, day_zone(giver, tz))


async def room(
    s: AsyncSession,
    team_id: str,
    user_id: str,
    rules: r.KudosRules,
    giver: Giver,
    now: datetime,
    tz: str | None = None,
) -> Room:
    """The giver's room today, by what they gave."""
    allowance, (start, end) = today(rules, giver, now, tz)
    used = await ledger.count_given(s, team_id, user_id, start, end)
    return Room(allowance, used, day_zone(giver, tz))
