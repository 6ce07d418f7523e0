"""Who should be asked right now: the engine's ranking adjusted for people, not just skills.

Away, opted-out, deactivated and overloaded people are skipped, and guests of the workspace
(`visibility.may_be_asked`); people outside their working
hours and people who rarely answer move down, but are not excluded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Protocol

from bot import visibility
from bot.directory.status import back_by
from bot.routing.suggestion import Suggestion
from bot.worktime import OFFICE, WorkingHours, is_working_time

# Told to the asker beside a reason; the colleague's own DM says it to them (`render_offer`).
OFF_HOURS = "; outside their working hours now"
# Why someone was asked, once they deleted the profile it quoted (`/skills forget me`).
FORGOTTEN_REASON = "a profile deleted since"


class PersonState(Protocol):
    tz: str
    is_bot: bool
    deactivated: bool
    is_guest: bool
    routing_status: str
    away_until: date | None


@dataclass(frozen=True)
class Limits:
    max_open_offers: int = 3
    off_hours_factor: float = 0.5


@dataclass(frozen=True)
class RoutingConfig:
    """How a question is routed: how many are asked at once, for how many working minutes
    before the next are, the limits on what one person is asked, and when people work."""

    offers_per_round: int = 3
    offer_minutes: float = 30.0
    limits: Limits = field(default_factory=Limits)
    hours: WorkingHours = OFFICE


def available(person: PersonState | None, now: datetime) -> bool:
    """Unknown people are available: they exist in Slack even before a directory sync. Someone
    away is back on the day they said, in their own time zone."""
    if person is None:
        return True
    if person.is_bot or person.deactivated or person.routing_status == "opted_out":
        return False
    if not visibility.may_be_asked(is_guest=person.is_guest):
        return False
    if person.routing_status == "away":
        return person.away_until is not None and back_by(person.away_until, now, person.tz)
    return True


def not_asked(person: PersonState) -> str:
    """Why someone not `available` is not: for good (an app, gone, a guest), or for now."""
    if person.is_bot:
        return "is an app"
    if person.deactivated:
        return "is no longer in this workspace"
    if not visibility.may_be_asked(is_guest=person.is_guest):
        return (
            "is a guest of this workspace, and guests are never asked about colleagues' questions"
        )
    return "isn't taking questions right now"


def adjust(
    suggestions: Sequence[Suggestion],
    people: Mapping[str, PersonState],
    load: Mapping[str, int],
    answered: Mapping[str, tuple[int, int]],
    now: datetime,
    limits: Limits = Limits(),
    hours: WorkingHours = OFFICE,
) -> list[Suggestion]:
    """Reorder and filter the engine's suggestions; each keeps its reason, with notes added."""
    kept: list[Suggestion] = []
    for suggestion in suggestions:
        person = people.get(suggestion.user_id)
        if not available(person, now):
            continue
        if load.get(suggestion.user_id, 0) >= limits.max_open_offers:
            continue
        score = suggestion.score
        reason = suggestion.reason
        accepted, total = answered.get(suggestion.user_id, (0, 0))
        score *= 0.7 + 0.3 * (accepted + 1) / (total + 2)
        if person is not None and not is_working_time(now, person.tz, hours):
            score *= limits.off_hours_factor
            reason = f"{reason}{OFF_HOURS}"
        kept.append(replace(suggestion, score=score, reason=reason))
    return sorted(kept, key=lambda s: -s.score)
