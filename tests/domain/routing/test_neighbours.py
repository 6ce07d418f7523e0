"""Skill neighbours: a question's words find people, their declared skills find others."""

from __future__ import annotations

import numpy as np
import pytest

from bot.routing.blend import FEATURES
from bot.routing.declared import Declarations
from bot.routing.history import PastQuestion
from bot.routing.neighbours import skill_neighbours
from bot.routing.scoring import Evidence
from bot.routing.text import tokens

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_each_person_s_skills_are_the_holders_lists_the_other_way_round() -> None:
    """`of` after the bulk load, and after a skill is added or dropped in place."""
    declared = Declarations()
    declared.declare(0, "postgresql", 4)
    declared.declare(2, "postgresql", 1)
    declared.declare(0, "replication", 5)
    declared.declare(0, "postgresql", 3)  # a later declaration replaces the level
    declared.freeze()
    assert sorted(declared.of(0)) == [("postgresql", 3), ("replication", 5)]
    assert declared.of(1) == [] and declared.of(2) == [("postgresql", 1)]
    assert declared.of(7) == []
    declared.undeclare(0, "postgresql")
    declared.declare(7, "vacuum", 2)
    assert declared.of(0) == [("replication", 5)]
    assert declared.of(7) == [("vacuum", 2)]
    spread = declared.spread([0, 2, 7], [1.0, 2.0, 0.5])
    assert spread == {"replication": 1.0, "postgresql": 2.0, "vacuum": 0.5}
    assert declared.within("postgresql", np.array([0, 1, 2, 5])).tolist() == [0, 0, 1, 0]


def test_holders_of_the_matched_people_s_skills_are_neighbours() -> None:
    """Ben's evidence points at replication (his main skill); Dana, who declared it, is his
    neighbour though she has no evidence of her own; Eve, with an unrelated skill, is not."""
    declared = Declarations()
    for person, key, level in ((1, "replication", 5), (1, "mysql", 1), (3, "replication", 4)):
        declared.declare(person, key, level)
    declared.declare(4, "excel", 5)
    declared.freeze()
    found = skill_neighbours(declared, {1: 1.0, 4: 0.0}, np.array([1, 3, 4]))
    assert found[3] > 0.0 and found[1] > found[3]
    assert 4 not in found


def test_a_question_s_neighbours_are_features_of_the_blend() -> None:
    """Carol helped with autovacuum questions and declared postgresql; Dana declared
    postgresql at level 5 and Eve excel, and each helped with one question sharing a word
    (so they are in the pool, with below-average text evidence): only Dana is a neighbour."""
    evidence = Evidence()
    evidence.declare("UCAROL", "postgresql", 4, "postgresql")
    evidence.declare("UDAN", "postgresql", 5, "postgresql")
    evidence.declare("UEVE", "excel", 5, "excel")
    for n in range(3):
        question = PastQuestion("UASK", "UCAROL", ("UCAROL",), None)
        evidence.add_solved(question, f"autovacuum stuck on table {n}")
    evidence.add_solved(PastQuestion("UASK", "UDAN", ("UDAN",), None), "printer stuck again")
    evidence.add_solved(PastQuestion("UASK", "UEVE", ("UEVE",), None), "stuck pivot in excel")
    for _ in evidence.freezing():
        pass
    scored = evidence.score(tokens("autovacuum stuck"), ())
    assert scored.features is not None
    rows = dict(zip(scored.pool, scored.features.tolist(), strict=True))
    for name in ("profile's skills", "votes' skills"):
        column = FEATURES.index(name)
        assert rows["UDAN"][column] > 0.0
        assert rows["UEVE"][column] == 0.0


def test_a_new_workspace_ranks_the_neighbours_of_the_declared_skills_it_matched() -> None:
    """Nobody has answered yet. Ann and Bob declared postgresql beside pgbackrest; Dana and
    Eve backup at the same level, beside pgbackrest and excel; six others backup at a lower
    level, beside sql, which Ann and Bob also hold. The question names postgresql and
    backups: Dana, whose other skill is the one the postgresql people declared, comes
    before Eve (the prior weighs the skill neighbours; without them both score nothing)."""
    evidence = Evidence()
    people = [
        ("UANN", (("postgresql", 5), ("pgbackrest", 5), ("sql", 1))),
        ("UBOB", (("postgresql", 4), ("pgbackrest", 4), ("sql", 1))),
        ("UDAN", (("backup", 2), ("pgbackrest", 5))),
        ("UEVE", (("backup", 2), ("excel", 5))),
        *((f"UF{n}", (("backup", 1), ("sql", 1))) for n in range(6)),
    ]
    for user, skills in people:
        for key, level in skills:
            evidence.declare(user, key, level, key)
    for _ in evidence.freezing():
        pass
    scored = evidence.score(tokens("postgresql backup restore is slow"), ("postgresql", "backup"))
    assert scored.scores["UDAN"] > scored.scores["UEVE"]
