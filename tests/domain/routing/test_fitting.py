"""The blend's weights follow the workspace's answers, and stay at the prior without them."""

from __future__ import annotations

import numpy as np
import pytest

from bot.routing.blend import FEATURES, prior
from bot.routing.fitting import (
    EXAMPLE_POOL,
    MIN_QUERIES,
    QUERIES,
    Example,
    TimeSplit,
    example,
    fit,
    worth_fitting,
)
from bot.routing.loading import index_from_snapshot
from storage.routing import DeclaredSkill, RoutingSnapshot, SolvedQuestion

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def _examples(count: int, telling: int) -> list[Example]:
    """Pools of five where only feature `telling` marks the helper (the others are noise)."""
    rng = np.random.default_rng(3)
    found = []
    for n in range(count):
        rows = rng.random((5, len(FEATURES)))
        helper = n % 5
        rows[:, telling] = 0.0
        rows[helper, telling] = 1.0
        found.append(Example(rows, helper))
    return found


def test_a_feature_that_names_the_helper_gains_weight() -> None:
    """A similar question's share is worth nothing in the prior; where it names the helper it
    becomes the heaviest weight."""
    share = FEATURES.index("similar share")
    assert prior()[share] == 0.0
    weights = fit(_examples(200, share))
    assert int(np.argmax(weights)) == share


def test_too_little_history_keeps_the_prior() -> None:
    weights = fit(_examples(MIN_QUERIES - 1, FEATURES.index("popularity")))
    assert weights.tolist() == prior().tolist()


@pytest.mark.parametrize(("total", "cut"), [(100, 50), (600, 300), (3000, 3000 - QUERIES)])
def test_the_split_keeps_the_latest_questions_to_fit_on(total: int, cut: int) -> None:
    """Batches arrive oldest first; the earlier part is learned, the latest kept: half of a
    short history (a young workspace needs examples more than evidence), QUERIES of a long
    one."""
    learned: list[tuple[str, int, int]] = []
    split = TimeSplit(
        total, lambda rows, first, at: learned.extend((r.text, first, at) for r in rows)
    )
    rows = [SolvedQuestion("UA", f"q{n}", "UB", ("UB",), None) for n in range(total)]
    for first in range(0, total, 30):
        split.add(rows[first : first + 30], first)
    assert [text for text, _, _ in learned] == [f"q{n}" for n in range(cut)]
    assert {at for _, _, at in learned} == {cut}
    assert [q.text for q in split.queries] == [f"q{n}" for n in range(cut, total)]


def test_a_young_history_is_fitted_once_it_gives_enough_examples() -> None:
    """Forty solved questions give twenty to fit on (the latest half)."""
    assert not worth_fitting(2 * MIN_QUERIES - 1)
    assert worth_fitting(2 * MIN_QUERIES)


def test_a_helper_the_prior_ranks_below_the_example_pool_teaches_nothing() -> None:
    """More people declared kafka at level 5 than an example holds; one who declared it at
    level 1 helped. Beside them, that helper would teach the fit that less evidence is better
    (a large company's fit turned against declared skills so): the question is no example.
    The same question helped by a level-5 declarer is one."""
    experts = [f"U{n}" for n in range(EXAMPLE_POOL + 20)]
    people = {user: user for user in (*experts, "ULOW", "UASK")}
    declared = [DeclaredSkill(user, "kafka", 5, "declared") for user in experts]
    declared.append(DeclaredSkill("ULOW", "kafka", 1, "declared"))
    snapshot = RoutingSnapshot(people, {"kafka": "Kafka"}, {}, declared, [], [], [])
    index = index_from_snapshot("T1", snapshot)
    asked = "kafka consumer lag keeps growing"
    low = SolvedQuestion("UASK", asked, "ULOW", ("ULOW",), None)
    assert "ULOW" in index.score(asked).scores
    assert example(low, index.score) is None
    expert = example(SolvedQuestion("UASK", asked, "U7", ("U7",), None), index.score)
    assert expert is not None and len(expert.rows) == EXAMPLE_POOL
