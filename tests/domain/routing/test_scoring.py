"""How the evidence signals are put on one scale before they are added up."""

from __future__ import annotations

import pytest

from bot.routing.moments import ZSCORE_SCALE, standardise


def test_standardise_keeps_only_above_average_evidence() -> None:
    """z-scores over the people a signal scores; below-average counts as none, not against."""
    scaled = standardise({"a": 10.0, "b": 2.0, "c": 0.0})
    assert scaled["b"] == scaled["c"] == 0.0
    assert scaled["a"] == pytest.approx(1.3887 / ZSCORE_SCALE, rel=1e-3)


def test_standardise_without_spread() -> None:
    """One person (or everyone equal) gets the same modest weight; an empty signal none."""
    assert standardise({"a": 3.0}) == {"a": 1.0 / ZSCORE_SCALE}
    assert standardise({}) == {}
