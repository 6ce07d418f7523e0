"""The detector's learned phrasing (`bot/questions/phrasing.py`): what it learns, that a
language it never saw leaves the verdict to the phrase lists, and that the shipped weights are
exactly what the shipped labelled set fits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.questions import phrasing, phrasing_refit
from bot.questions.detect import LEARNED, explain, words_of

pytestmark = pytest.mark.database_independent

SHIPPED = Path(__file__).parents[2] / "data" / "questions.jsonl"


def test_the_fit_learns_which_words_ask_and_which_do_not() -> None:
    labelled = [
        *((words_of(f"why does the build{n} fail on deploy"), True) for n in range(6)),
        *((words_of(f"please send me the deck{n} today"), False) for n in range(6)),
    ]
    weights = phrasing.fit(labelled)["weights"]
    assert isinstance(weights, dict)
    assert weights["w:why"] > 0 > weights["w:send"]
    assert "w:build0" not in weights, "a word in one message is no evidence"


def test_words_it_never_saw_lean_neither_way() -> None:
    finnish = "Miten haen vanhempainvapaata henkilostoportaalissa"
    shipped = json.loads(phrasing.WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"]
    assert not phrasing.cues(words_of(finnish)) & set(shipped), "a language it was shown"
    assert phrasing.lean(words_of(finnish)) == 0.0
    assert explain(finnish) == {LEARNED: 0.0}


def test_the_shipped_weights_are_what_the_shipped_set_fits(tmp_path: Path) -> None:
    """Refitting with `python -m bot.questions.phrasing_refit` reproduces the shipped file, so the
    weights are the labelled set's and nobody's hand-edits (to within what another CPU's `exp`
    could change in the last place over 3,000 steps)."""
    out = tmp_path / "weights.json"
    phrasing_refit.main([str(SHIPPED), "--out", str(out)])
    refitted = json.loads(out.read_text(encoding="utf-8"))["weights"]
    shipped = json.loads(phrasing.WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"]
    assert len(refitted) > 1000
    differ = {c for c in refitted.keys() | shipped.keys() if c not in refitted or c not in shipped}
    assert all(abs(refitted.get(c, 0.0)) < 2e-3 and abs(shipped.get(c, 0.0)) < 2e-3 for c in differ)
    assert max(abs(refitted.get(c, 0.0) - shipped.get(c, 0.0)) for c in shipped) < 2e-3
