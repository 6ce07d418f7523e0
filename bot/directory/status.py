"""A person's availability for questions: available, away until a date, or opted out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storage.models import Person

AVAILABLE = "available"
AWAY = "away"
OPTED_OUT = "opted_out"


@dataclass(frozen=True)
class Status:
    kind: str
    until: date | None = None
    deactivated: bool = False

    @property
    def routable(self) -> bool:
        """Whether questions may be routed to this person today."""
        return self.kind == AVAILABLE and not self.deactivated

    def describe(self) -> str:
        if self.deactivated:
            return "no longer in the workspace"
        if self.kind == AWAY and self.until:
            return f"away until {self.until.isoformat()}"
        if self.kind == OPTED_OUT:
            return "not taking questions"
        return "available"


def status_of(person: Person, today: date) -> Status:
    """An away period that has ended counts as available, without anyone having to say so."""
    kind = person.routing_status or AVAILABLE
    until = person.away_until
    if kind == AWAY and (until is None or until <= today):
        kind, until = AVAILABLE, None
    return Status(kind, until if kind == AWAY else None, person.deactivated)
