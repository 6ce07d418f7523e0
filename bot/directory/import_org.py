"""The org chart an import would leave: each row's manager found, and loops refused.

A manager is named by handle, email or user id, of someone in the file or already in the
workspace. A row is refused when its manager is unknown, is the person, or leads back to the
person (`@ana → @bob → @ana`), counting the managers the workspace already records for the
people the file leaves alone; every row of such a loop is refused, so none of it is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.directory.import_rows import PersonRow
from bot.people import Profile


def plan_managers(
    rows: Sequence[tuple[PersonRow, Profile]],
    handles: Mapping[str, str],
    recorded: Mapping[str, str | None],
    names: Mapping[str, str],
) -> tuple[dict[int, str], dict[int, str]]:
    """(line → its manager's user id, line → why its manager is refused).

    `handles`: lowercased handle, email or id → user id; `recorded`: user id → the manager the
    workspace has now; `names`: user id → how to show them in a loop."""
    managers: dict[int, str] = {}
    problems: dict[int, str] = {}
    for row, profile in rows:
        if not row.manager:
            continue
        manager = handles.get(row.manager.lower().lstrip("@"))
        if manager is None:
            problems[row.line] = f"manager {row.manager!r} is not in the file or the workspace"
        elif manager == profile.user_id:
            problems[row.line] = "a person cannot be their own manager"
        else:
            managers[row.line] = manager
    chart = dict(recorded)
    for row, profile in rows:
        if row.line in managers:
            chart[profile.user_id] = managers[row.line]
    for row, profile in rows:
        if row.line in managers:
            loop = _loop_from(profile.user_id, chart)
            if loop:
                shown = " → ".join(f"@{names.get(u) or u}" for u in loop)
                problems[row.line] = f"manager loop: {shown}"
    return managers, problems


def _loop_from(person: str, chart: Mapping[str, str | None]) -> list[str]:
    """The chain of managers from `person` back to them, or [] when it ends elsewhere."""
    chain = [person]
    boss = chart.get(person)
    while boss and boss not in chain:
        chain.append(boss)
        boss = chart.get(boss)
    return [*chain, person] if boss == person else []
