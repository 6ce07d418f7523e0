"""Fit the blend's weights (`bot.routing.blend`) on the workspace's own solved questions.

A time split inside the history: an index of the earlier solved questions routes the latest
ones (QUERIES of them, or the latest QUERY_FRACTION of a shorter history), and the weights
are those that make each one's helper most likely under a softmax over the EXAMPLE_POOL
people of the question's pool the prior ranks best (a listwise logistic model, maximised by
Newton's method; a question whose helper is not among them is left out), with a Gaussian
prior centred on the hand-set engine (`blend.PRIOR`, scaled to its best fit). The prior's
pull is PRIOR_STRENGTH questions' worth, so a workspace with little history keeps close to
the hand-set engine, and a larger one moves as far as its own answers say. A new workspace
(fewer than MIN_QUERIES usable questions) keeps the prior. Nothing here looks at the
questions being routed.

Each past question is routed with only what was known when it was asked: skills declared
and kudos given before the first question fitted on (`known_before`). A skill is often declared
because of the questions someone helped with, and a thank-you follows the help it thanks for;
seen beside those very questions they look like foresight, and the fit learned to trust them
more than they deserve on new questions. On five StackExchange communities (two shared, three
others), whose declared skills are each person's most-answered tags over the whole history,
the fit with them weighed the profile's match of declared skill names most of all and ranked
one community's questions below plain popularity (issue 15's thirteenth round,
docs/routing-rounds.md).

A young workspace's fit is short of examples before it is short of evidence: on 35 slices
of 150 to 800 solved questions of both benchmark sites (`benchmarks/routing_young.py`),
fitting on the latest half instead of the latest fifth raised the engine's MRR on 22 (mean
0.220 → 0.224), while a history of 800 or more gives QUERIES examples either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from bot.routing.blend import Matrix, prior
from bot.routing.scoring import Scored
from storage.routing import SolvedQuestion

QUERY_FRACTION = 0.5
QUERIES = 400
MIN_QUERIES = 20
PRIOR_STRENGTH = 20.0
NEWTON_STEPS = 30
EXAMPLE_POOL = 300


@dataclass
class Example:
    """One past question as the model sees it: its pool's features and where the helper is."""

    rows: Matrix
    helper: int


@dataclass
class TimeSplit:
    """Receives the history oldest first: the earlier part goes to `learn` (the training
    index), the latest part is kept as questions to fit on."""

    total: int
    learn: Callable[[list[SolvedQuestion], int, int], None]
    queries: list[SolvedQuestion] = field(default_factory=list)

    @property
    def cut(self) -> int:
        return self.total - min(QUERIES, int(QUERY_FRACTION * self.total))

    def add(self, rows: Sequence[SolvedQuestion], first: int) -> None:
        cut = self.cut
        earlier = list(rows[: max(0, cut - first)])
        if earlier:
            self.learn(earlier, first, cut)
        self.queries.extend(rows[len(earlier) :])


def known_before(moment: datetime | None, cutoff: datetime | None) -> bool:
    """Whether a fact (a skill's last change, a kudos) was known before `cutoff`, the time the
    first question fitted on was asked; a fact or question of unknown time is not."""
    return moment is not None and cutoff is not None and moment < cutoff


def examples(queries: Iterable[SolvedQuestion], score: Callable[[str], Scored]) -> list[Example]:
    """The questions whose helper is among the best the prior ranks in the pool the engine
    would have scored (`example`)."""
    return [found for query in queries if (found := example(query, score)) is not None]


def example(query: SolvedQuestion, score: Callable[[str], Scored]) -> Example | None:
    """One question as an example: the EXAMPLE_POOL people the prior ranks best, in single
    precision (400 examples of a 2,000-person pool would hold 70 MB while the index loads).
    None when its helper is its asker, or not among them. A helper the prior ranks below
    them has less evidence than all of them, and kept beside them teaches the fit that less
    evidence is better: in `benchmarks/routing_scale.py`'s company of 100,000 people, whose
    helpers are any of a skill's thousands of declarers, the fitted weights turned against
    the declared skills and 14% of the top 3 had declared the question's skill (91% now)."""
    if query.helper_user_id == query.asker_user_id:
        return None
    scored = score(query.text)
    if scored.features is None or query.helper_user_id not in scored.scores:
        return None
    rows, pool = scored.features, scored.pool
    helper = pool.index(query.helper_user_id)
    order = np.argsort(-(rows @ prior()), kind="stable")[:EXAMPLE_POOL].tolist()
    if helper not in order:
        return None
    keep = [i for i in dict.fromkeys((helper, *order)) if pool[i] != query.asker_user_id]
    return Example(rows[keep].astype(np.float32), 0)


def _fit(found: list[Example], centre: Matrix, strength: float) -> Matrix:
    """Newton's method on the (concave) log-likelihood minus the Gaussian prior's penalty."""
    weights = centre.copy()
    for _ in range(NEWTON_STEPS):
        gradient = -strength * (weights - centre)
        hessian = -strength * np.eye(len(weights))
        for example in found:
            rows = example.rows
            values = rows @ weights
            chance = np.exp(values - values.max())
            chance /= chance.sum()
            mean = chance @ rows
            gradient += rows[example.helper] - mean
            hessian -= (rows * chance[:, None]).T @ rows - np.outer(mean, mean)
        step = np.linalg.solve(hessian, gradient)
        weights = weights - step
        if float(np.abs(step).max()) < 1e-6:
            break
    return weights


def _scale(found: list[Example], direction: Matrix) -> float:
    """How far along the hand-set direction the history's answers are best explained."""
    best, best_value = 1.0, -np.inf
    for scale in (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0):
        value = 0.0
        for example in found:
            values = example.rows @ (scale * direction)
            top = values.max()
            value += values[example.helper] - top - np.log(np.exp(values - top).sum())
        if value > best_value:
            best, best_value = scale, value
    return best


def worth_fitting(total: int) -> bool:
    """Whether a history of `total` solved questions can give MIN_QUERIES to fit on."""
    return min(QUERIES, int(QUERY_FRACTION * total)) >= MIN_QUERIES


def fit(found: list[Example]) -> Matrix:
    """The blend's weights for these examples (the prior when there are too few)."""
    direction = prior()
    if len(found) < MIN_QUERIES:
        return direction
    centre = _scale(found, direction) * direction
    return _fit(found, centre, PRIOR_STRENGTH)
