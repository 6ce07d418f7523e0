"""The org chart an import would leave: each row's manager found, and loops refused.

A manager is named by handle, email or user id, of someone in the file or already in the
workspace. A row is refused when its manager is unknown, is the person, or leads back to the
person (`@ana → @bob → @ana`), counting the managers the workspace already records for the
people the file leaves alone; every row of such a loop is refused, so none of it is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.directory.import_files import typed


def plan_managers(
    rows: Sequence[tuple[int, str, str]],
    handles: Mapping[str, str],
    recorded: dict[str, str | None],
    names: Mapping[str, str],
) -> tuple[dict[int, str], dict[int, str]]:
    """(line → its manager's user id, line → why its manager is refused).

    `rows`: (line, the person's user id, the manager as the row names them), for the rows
    that name one (only these, so a company-sized file is planned without holding its rows);
    `handles`: lowercased handle, email or id → user id; `recorded`: user id → the manager the
    workspace has now, made the chart the import would leave (in place: it is company-sized);
    `names`: user id → how to show them in a loop."""
    managers: dict[int, str] = {}
    problems: dict[int, str] = {}
    for line, user_id, named in rows:
        manager = handles.get(named.lower().lstrip("@"))
        if manager is None:
            problems[line] = f"manager {typed(named)} is not in the file or the workspace"
        elif manager == user_id:
            problems[line] = "a person cannot be their own manager"
        else:
            managers[line] = manager
    chart = recorded
    for line, user_id, _ in rows:
        if line in managers:
            chart[user_id] = managers[line]
    for line, user_id, _ in rows:
        if line in managers:
            loop = _loop_from(user_id, chart)
            if loop:
                shown = " → ".join(f"@{names.get(u) or u}" for u in loop)
                problems[line] = f"manager loop: {shown}"
    return managers, problems


def _loop_from(person: str, chart: Mapping[str, str | None]) -> list[str]:
    """The chain of managers from `person` back to them, or [] when it ends elsewhere."""
    chain = [person]
    boss = chart.get(person)
    while boss and boss not in chain:
        chain.append(boss)
        boss = chart.get(boss)
    return [*chain, person] if boss == person else []
