"""How many kudos a giver has left today: the largest allowance among their roles (else the
workspace's), less what they gave since midnight in their time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.kudos import rules as r
from storage import kudos as ledger
from storage import people as people_queries


@dataclass(frozen=True)
class Room:
    allowance: int
    used: int

    @property
    def left(self) -> int:
        return max(self.allowance - self.used, 0)

    def take(self, wanted: int) -> int:
        """What is left after giving `wanted` more; refuses when that is past the allowance."""
        return r.check_allowance(self.used, wanted, self.allowance)


async def room(
    s: AsyncSession,
    team_id: str,
    user_id: str,
    rules: r.KudosRules,
    now: datetime,
    tz: str | None = None,
) -> Room:
    """The giver's room today; their day is in `tz`, else in the time zone stored for them."""
    person = await people_queries.get_person(s, team_id, user_id)
    allowance = r.allowance_for(rules, person.roles if person else ())
    start, end = r.local_day(now, tz or (person.tz if person else "UTC"))
    return Room(allowance, await ledger.count_given(s, team_id, user_id, start, end))
