"""The workspace's insights cut down to what one viewer may see (`bot.visibility` decides).

Admins see every team; a manager the teams their org is in and the flows touching them. A
person is named only where `may_name_in_insights` allows; otherwise a risk says "one person",
a second person is left out, and so is a connector. Everything else is at team level.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from bot import visibility
from bot.insights.measures import CONNECTORS, Analysis, Connector, Flow, Risk

SHOWN_RISKS = 10


@dataclass(frozen=True)
class InsightsView:
    scope: visibility.InsightsScope
    teams: frozenset[str]  # the teams this view is about
    analysis: Analysis  # only what the viewer may see is left in it
    # Connectors of the view's teams it may not name (a guest's view names nobody): counted.
    unnamed_connectors: int = 0

    @property
    def flows(self) -> tuple[Flow, ...]:
        return self.analysis.flows

    @property
    def risks(self) -> tuple[Risk, ...]:
        return self.analysis.risks

    @property
    def connectors(self) -> tuple[Connector, ...]:
        return self.analysis.connectors

    @property
    def unsung(self) -> tuple[Connector, ...]:
        return tuple(c for c in self.analysis.connectors if c.unsung)


def org_of(analysis: Analysis, manager: str) -> frozenset[str]:
    """Everyone below `manager` in the org chart (a cycle in the chart stops the walk)."""
    below: dict[str, list[str]] = {}
    for person, boss in analysis.managers.items():
        if boss is not None:
            below.setdefault(boss, []).append(person)
    found: set[str] = set()
    todo = list(below.get(manager, ()))
    while todo:
        person = todo.pop()
        if person not in found and person != manager:
            found.add(person)
            todo.extend(below.get(person, ()))
    return frozenset(found)


def _risk_for(risk: Risk, may_name: Callable[[str], bool]) -> Risk:
    """The risk as the viewer may see it: its one person and its second people only where
    they may be named (a manager's second people come from their org only)."""
    person = risk.person if risk.person is None or may_name(risk.person) else ""
    second = tuple(p for p in risk.second if may_name(p))
    return replace(risk, person=person, second=second)


def cut(
    analysis: Analysis, viewer: visibility.Viewer, *, admin: bool, org: Collection[str]
) -> InsightsView | None:
    """What `viewer` sees of `analysis`, or None when they may see none of it."""
    scope = visibility.insights_scope(viewer, admin=admin, org=org)
    if scope is None:
        return None

    def may_name(user_id: str) -> bool:
        return visibility.may_name_in_insights(viewer, user_id, admin=admin, org=org)

    if scope is visibility.InsightsScope.WORKSPACE:
        teams, sizes = frozenset(analysis.sizes), analysis.sizes
    else:
        teams = frozenset(analysis.team_of[p] for p in org if p in analysis.team_of)
        # A team's size here is its people in the org, not the whole workspace's count of it.
        sizes = dict(
            Counter(
                analysis.team_of[p] for p in org if p in analysis.team_of and p not in analysis.left
            )
        )

    def ours(user_id: str) -> bool:
        """Whether the view is about this person: named or not (a guest's view names
        nobody), what rests on them is counted."""
        return (
            scope is visibility.InsightsScope.WORKSPACE
            or user_id in org
            or user_id == viewer.user_id
        )

    risks = [_risk_for(r, may_name) for r in analysis.risks if r.person is None or ours(r.person)]
    covered = [c for c in analysis.connectors if ours(c.user_id)]
    named = [c for c in covered if may_name(c.user_id)]
    shown = replace(
        analysis,
        flows=tuple(f for f in analysis.flows if {f.helper_team, f.helped_team} & teams),
        risks=tuple(risks),
        connectors=tuple(named[:CONNECTORS]),
        silos=tuple(t for t in analysis.silos if t in teams),
        unanswered=tuple(u for u in analysis.unanswered if {u.asking_team, u.offered_team} & teams),
        sizes={t: n for t, n in sizes.items() if t in teams},
        team_of={},
        managers={},
    )
    return InsightsView(scope, teams, shown, unnamed_connectors=len(covered) - len(named))
