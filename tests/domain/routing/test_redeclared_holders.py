"""A skill with more holders than a question reads whole (`postings.HEAD`) is read at its best
few, chosen at the load: a declaration changed in place chooses them again, as a load of the
same rows would, so a merge moving thousands of holders onto a skill reads the same people as
a rebuild would, not every one moved besides."""

from __future__ import annotations

from bot.routing.engine import RoutingIndex
from bot.routing.loading import index_from_snapshot
from bot.routing.postings import HEAD
from storage.routing import DeclaredSkill, RoutingSnapshot

PEOPLE = [f"U{n:04d}" for n in range(HEAD + 100)]


def built(levels: dict[str, int]) -> RoutingIndex:
    return index_from_snapshot(
        "T1",
        RoutingSnapshot(
            people={user_id: user_id for user_id in PEOPLE},
            skill_names={"terraform": "Terraform"},
            skill_aliases={},
            person_skills=[
                DeclaredSkill(user_id, "terraform", level, "declared")
                for user_id, level in sorted(levels.items())
            ],
            solved=[],
            kudos=[],
            network=[],
        ),
    )


def read_first(index: RoutingIndex) -> set[str]:
    """Whom a question about Terraform reads of its holders when they are too many."""
    declared = index.evidence.declared
    names = index.evidence.people.names
    return {names[p] for p in declared.skills["terraform"].best(declared.impacts)}


def test_holders_changed_in_place_are_read_as_a_load_reads_them() -> None:
    """Two people in three declare Terraform at 1 to 5; the last one declares it at 1, and
    one at 5 takes it away: the best few read are those a fresh load reads (the copy read the
    newcomer besides, and one fewer at 5)."""
    levels = {user_id: 1 + n % 5 for n, user_id in enumerate(PEOPLE[:-1])}
    index = built(levels)
    assert len(read_first(index)) == HEAD
    newcomer, leaving = PEOPLE[-1], next(u for u, level in levels.items() if level == 5)
    index.redeclare(newcomer, {"terraform": 1})
    index.redeclare(leaving, {})
    levels[newcomer] = 1
    del levels[leaving]
    assert read_first(index) == read_first(built(levels))
