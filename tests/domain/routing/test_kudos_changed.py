"""A kudos undone, or its quoted message edited, is applied in place
(`RoutingIndex.kudos_changed`): the index then scores, explains and introduces exactly as one
built from the ledger as it now is, so neither needs a rebuild."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.routing.engine import RoutingIndex
from bot.routing.loading import index_from_snapshot
from storage.routing import (
    DeclaredSkill,
    KudosEvidence,
    RoutingSnapshot,
    SolvedQuestion,
)
from storage.routing_changes import KudosChanged

TEAM = "T1"
NAMES = {"UASK": "Alice", "UBEN": "Ben", "UCAROL": "Carol", "UDAN": "Dana", "UEVE": "Eve"}
NOW = datetime.now(UTC)
SOLVED = [
    SolvedQuestion("UASK", "terraform state lock stuck", "UCAROL", ("UCAROL", "UBEN"), NOW),
    SolvedQuestion("UBEN", "kubernetes ingress returns 502", "UDAN", (), NOW),
    SolvedQuestion("UEVE", "wombat backup restore failed", "UCAROL", (), NOW),
]
DECLARED = [DeclaredSkill("UEVE", "terraform", 4, "declared")]
# Dana's thanks for the wombat unlock is the one undone; Carol is still thanked for wombat
# backups by Eve, and Dana's other kudos (from Eve, private) still rank her for ingress.
UNDONE = KudosEvidence("UEVE", "UDAN", "unlocked the wombat state, a quokka rescue", (), NOW, id=7)
KEPT = (
    KudosEvidence("UEVE", "UDAN", "ingress quokka fix", ("ownership",), NOW, True, id=3),
    KudosEvidence("UASK", "UDAN", "wombat dashboards", (), NOW, id=9),
)
OTHERS = [KudosEvidence("UEVE", "UCAROL", "wombat backups", ("care",), NOW, id=4)]
QUESTIONS = [
    "how do we unlock the wombat state?",
    "quokka rescue plan",
    "terraform state lock will not release",
    "kubernetes ingress quokka",
    "wombat dashboards are empty",
]


def _index(kudos: list[KudosEvidence]) -> RoutingIndex:
    snapshot = RoutingSnapshot(NAMES, {"terraform": "Terraform"}, {}, DECLARED, SOLVED, kudos, [])
    return index_from_snapshot(TEAM, snapshot)


def _same(taken: RoutingIndex, without: RoutingIndex) -> None:
    for text in QUESTIONS:
        got, want = taken.score(text).scores, without.score(text).scores
        assert got == pytest.approx(want, rel=1e-6, abs=1e-9), text
        for asker in NAMES:
            assert [(s.user_id, s.reason, s.introduction) for s in taken.suggest(text, asker)] == [
                (s.user_id, s.reason, s.introduction) for s in without.suggest(text, asker)
            ], (text, asker)
    for a in NAMES:
        for b in NAMES:
            assert taken.graph.knows(a, b) == without.graph.knows(a, b), (a, b)
    assert taken.topics("quokka wombat") == without.topics("quokka wombat")


def test_a_kudos_taken_back_leaves_the_index_as_if_never_given() -> None:
    """Built with the kudos, then taking it back: the same scores, reasons and ties as an
    index built without it. Dana is no longer "thanked in kudos for wombat, state", Eve no
    longer knows her, and "wombat" stays her reason where another kudos still says it."""
    taken = _index([UNDONE, *KEPT, *OTHERS])
    before = {
        s.user_id: s.reason for s in taken.suggest("how do we unlock the wombat state?", "UASK")
    }
    assert "thanked in kudos for wombat, state" in before["UDAN"], before
    before_knows = taken.graph.knows("UEVE", "UDAN")
    taken.kudos_changed(KudosChanged(UNDONE, False, KEPT))
    without = _index([*KEPT, *OTHERS])
    _same(taken, without)
    assert before_knows and not taken.graph.knows("UEVE", "UDAN")
    dana = next(s for s in taken.suggest("wombat state unlock", "UASK") if s.user_id == "UDAN")
    assert dana.reason.endswith("thanked in kudos for wombat"), dana.reason


def test_recording_then_unrecording_a_kudos_changes_nothing() -> None:
    """`unrecord_kudos` mirrors `record_kudos`: the same weights, so a kudos added in place
    and taken back leaves the index scoring as before."""
    index, untouched = _index([*KEPT, *OTHERS]), _index([*KEPT, *OTHERS])
    for text in QUESTIONS:  # read once, as a live index is before the kudos comes
        index.score(text)
    index.record_kudos("UEVE", "UDAN", UNDONE.message, ("teamwork",))
    asked = "wombat state unlock"
    assert index.score(asked).scores != pytest.approx(untouched.score(asked).scores)
    index.unrecord_kudos("UEVE", "UDAN", UNDONE.message, ("teamwork",), kept=KEPT)
    _same(index, untouched)


def test_a_copy_built_before_the_kudos_takes_nothing_back() -> None:
    """A copy built before the kudos was given never held it: its Undo leaves it as it is,
    where subtracting the words would take away Dana's other evidence."""
    index, untouched = _index([*KEPT, *OTHERS]), _index([*KEPT, *OTHERS])
    index.kudos_changed(KudosChanged(UNDONE, False, KEPT))
    _same(index, untouched)


def test_a_quote_edited_takes_its_old_words_back_and_adds_the_new() -> None:
    """Carol edits the message Eve thanked Dana for: the copy built before the edit scores
    and explains as one built with the edited words; "quokka rescue" is no longer Dana's
    reason, "wombat state" still is, and "pen" (added) now is."""
    quoted = replace(UNDONE, quoted=True)
    edited = replace(quoted, message="unlocked the wombat state pen")
    index = _index([quoted, *KEPT, *OTHERS])
    index.kudos_changed(KudosChanged(edited, True, (edited, *KEPT)))
    _same(index, _index([edited, *KEPT, *OTHERS]))
    index.kudos_changed(KudosChanged(edited, False, KEPT))  # then undone
    _same(index, _index([*KEPT, *OTHERS]))
