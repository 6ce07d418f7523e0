"""The engine against both baselines on the small community in tests/data/routing: loaded
through storage as `askaround eval routing` loads it, at every history fraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.evaluation import (
    TEAM_ID,
    evaluate,
    keep_history,
    load_dataset,
    read_dataset,
)
from bot.routing.loading import load_index

FIXTURE = Path(__file__).parents[2] / "data" / "routing"


async def test_the_engine_beats_both_baselines(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """With the whole history the weights are fitted on it, and the engine's MRR and R@3 are
    above popularity's and the BM25 vote's; the similar solved questions shown often have the
    gold answerer as their helper."""
    dataset = read_dataset(FIXTURE)
    await load_dataset(sessions, dataset)
    index = await load_index(sessions, TEAM_ID)
    results = evaluate(index, dataset)
    engine, popularity, bm25 = results.methods
    assert index.fitted_on >= 20
    for baseline in (popularity, bm25):
        assert engine.mrr > baseline.mrr, (engine, baseline)
        assert engine.r_at_3 >= baseline.r_at_3, (engine, baseline)
    assert 0.2 < results.solved_reuse <= 1.0


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5])
async def test_never_below_popularity_with_less_history(
    fraction: float, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """A younger workspace (the latest fraction of the history): the engine stays above
    popularity; with no history at all it routes on declared skills alone."""
    dataset = keep_history(read_dataset(FIXTURE), fraction)
    assert len(dataset.history) == round(fraction * 200)
    await load_dataset(sessions, dataset)
    index = await load_index(sessions, TEAM_ID)
    engine, popularity, _ = evaluate(index, dataset).methods
    assert engine.mrr > popularity.mrr, (fraction, engine, popularity)
    if fraction == 0.0:
        assert index.fitted_on == 0
