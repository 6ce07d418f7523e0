"""How the evidence signals are put on one scale before they are added up, and how recent
help is measured."""

from __future__ import annotations

import pytest

from bot.routing.blend import FEATURES
from bot.routing.history import PastQuestion
from bot.routing.moments import ZSCORE_SCALE, standardise
from bot.routing.scoring import LAST_HELPED_HALF_LIFE_FRACTION, MIN_HALF_LIFE, Evidence
from bot.routing.text import tokens

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_standardise_keeps_only_above_average_evidence() -> None:
    """z-scores over the people a signal scores; below-average counts as none, not against."""
    scaled = standardise({"a": 10.0, "b": 2.0, "c": 0.0})
    assert scaled["b"] == scaled["c"] == 0.0
    assert scaled["a"] == pytest.approx(1.3887 / ZSCORE_SCALE, rel=1e-3)


def test_standardise_without_spread() -> None:
    """One person (or everyone equal) gets the same modest weight; an empty signal none."""
    assert standardise({"a": 3.0}) == {"a": 1.0 / ZSCORE_SCALE}
    assert standardise({}) == {}


def test_last_helped_halves_as_the_help_ages() -> None:
    """The `last helped` feature is 1 for whoever helped with the latest solved question and
    halves every LAST_HELPED_HALF_LIFE_FRACTION of the history (at least MIN_HALF_LIFE)."""
    evidence = Evidence()
    for n in range(100):
        helper = "UOLD" if n == 59 else "UNEW" if n == 99 else f"U{n}"
        evidence.add_solved(PastQuestion("UASK", helper, (helper,), None), f"vacuum q{n}")
    scored = evidence.score(tokens("vacuum"), ())
    assert scored.features is not None
    column = scored.features[:, FEATURES.index("last helped")]
    last = dict(zip(scored.pool, column.tolist(), strict=True))
    half_life = max(MIN_HALF_LIFE, LAST_HELPED_HALF_LIFE_FRACTION * 100)
    assert last["UNEW"] == 1.0
    assert last["UOLD"] == pytest.approx(0.5 ** (40 / half_life))
    assert last["U0"] < last["UOLD"] < last["UNEW"]


def test_a_long_profile_is_evidence_not_verbosity() -> None:
    """A person's profile grows with every question they help with, so its length is
    discounted only a little (PROFILE_B): someone who helped with two questions on the topic
    among five others scores above someone who helped with one alone."""
    evidence = Evidence()

    def helped(helper: str, text: str) -> None:
        evidence.add_solved(PastQuestion("UASK", helper, (helper,), None), text)

    helped("USPECIALIST", "vacuum freeze wraparound")
    for _ in range(2):
        helped("UVETERAN", "vacuum freeze wraparound")
    for n in range(5):
        helped("UVETERAN", f"index bloat on table t{n} after bulk update")
    for n in range(10):
        helped(f"UOTHER{n}", f"replication slot lag on replica r{n}")
    scored = evidence.score(tokens("vacuum freeze wraparound"), ())
    assert scored.features is not None
    column = scored.features[:, FEATURES.index("profile")]
    profile = dict(zip(scored.pool, column.tolist(), strict=True))
    assert profile["UVETERAN"] > profile["USPECIALIST"]


def test_the_index_defaults_are_read_when_an_index_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--set bot.routing.index.K1=…` (routing_validation, routing_pooled) sets the module's
    constants; an index bound them at import and silently kept 1.2 and 0.75."""
    from bot.routing import index

    monkeypatch.setattr(index, "K1", 2.0)
    monkeypatch.setattr(index, "B", 0.4)
    made = index.BM25Index()
    assert (made.k1, made.b) == (2.0, 0.4)
    assert index.BM25Index(b=0.15).b == 0.15


def test_the_profile_has_its_own_k1(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--set bot.routing.index.K1=…` is the past-question index's k1 alone, and
    `bot.routing.scoring.PROFILE_K1` the profile's: the profile followed the index's, so
    a grid over one moved both (issue 15's twenty-second round)."""
    from bot.routing import index, scoring

    monkeypatch.setattr(index, "K1", 2.0)
    evidence = Evidence()
    assert (evidence.questions.k1, evidence.profiles.k1) == (2.0, scoring.PROFILE_K1)
    monkeypatch.setattr(scoring, "PROFILE_K1", 0.8)
    assert Evidence().profiles.k1 == 0.8


def test_a_yes_no_setting_reads_true_as_true(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--set MODULE.FLAG=true` read as False (only `1` was true), silently running the
    round's candidate switched off."""
    import benchmarks.routing_validation as validation

    monkeypatch.setattr(validation, "FLAG", False, raising=False)
    validation.override("benchmarks.routing_validation.FLAG=true")
    assert validation.FLAG is True  # type: ignore[attr-defined]
    validation.override("benchmarks.routing_validation.FLAG=0")
    assert validation.FLAG is False  # type: ignore[attr-defined]
    with pytest.raises(SystemExit, match="yes/no"):
        validation.override("benchmarks.routing_validation.FLAG=maybe")


def test_the_activity_floor_is_read_by_the_fit_and_the_index_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`--set bot.routing.blend.ACTIVITY_FLOOR=…` moves the fit's feature rows and the
    index's ordering of long posting lists (`activity_factor`) together: scoring imported
    the constants by name, so a benchmark's setting changed only the first (issue 15's
    twenty-ninth round)."""
    from bot.routing import blend

    evidence = Evidence()
    evidence.add_solved(PastQuestion("UASK", "UHELP", ("UHELP",), None), "vacuum freeze")
    helper = evidence.people.id("UHELP")
    never = evidence.people.id("UASK")
    assert evidence.activity_factor(never) == pytest.approx(
        blend.ACTIVITY_FLOOR**blend.ACTIVITY_EXPONENT
    )
    monkeypatch.setattr(blend, "ACTIVITY_FLOOR", 0.5)
    assert evidence.activity_factor(never) == pytest.approx(0.5**blend.ACTIVITY_EXPONENT)
    assert evidence.activity_factor(helper) == pytest.approx(1.5**blend.ACTIVITY_EXPONENT)
