"""Who is in which team for the insights, with teams under `MIN_TEAM` people merged
into their parent team so that nobody is singled out by a team of one or two.

A person's team is their `team_name` (from the people import), else their manager's, up the
chart. A team's parent is the team most of its members' managers from outside it are in. A
small team without a parent goes to `OTHERS`; when that is small too, its people are left
out of every team-level figure (`team_of` has no entry for them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from storage.insights import PersonRow

MIN_TEAM = 3
OTHERS = "Other teams"


@dataclass(frozen=True)
class Teams:
    team_of: dict[str, str]  # user id → shown team
    sizes: dict[str, int]  # shown team → active people

    def of(self, user_id: str) -> str | None:
        return self.team_of.get(user_id)


def _own_team(people: dict[str, PersonRow], user_id: str) -> str:
    seen = set()
    current: str | None = user_id
    while current is not None and current in people and current not in seen:
        seen.add(current)
        if people[current].team_name:
            return people[current].team_name
        current = people[current].manager_user_id
    return OTHERS


def _parents(people: dict[str, PersonRow], own: dict[str, str]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for row in people.values():
        manager = row.manager_user_id
        if manager in own and own[manager] != own[row.user_id]:
            votes.setdefault(own[row.user_id], Counter())[own[manager]] += 1
    return {team: counts.most_common(1)[0][0] for team, counts in votes.items()}


def group_teams(rows: Iterable[PersonRow]) -> Teams:
    people = {row.user_id: row for row in rows}
    own = {user_id: _own_team(people, user_id) for user_id in people}
    parents = _parents(people, own)
    sizes = Counter(own[u] for u, row in people.items() if row.active)
    merged: dict[str, str] = {}
    for team in sizes | Counter(set(own.values())):
        target, seen = team, {team}
        while sizes[target] < MIN_TEAM:
            parent = parents.get(target, OTHERS)
            if parent in seen:
                target = OTHERS
                break
            seen.add(parent)
            target = parent
            if target == OTHERS:
                break
        merged[team] = target
    team_of = {u: merged[own[u]] for u in people}
    shown = Counter(team_of[u] for u, row in people.items() if row.active)
    small = {team for team, n in shown.items() if n < MIN_TEAM}
    return Teams(
        team_of={u: t for u, t in team_of.items() if t not in small},
        sizes={t: n for t, n in shown.items() if t not in small},
    )
