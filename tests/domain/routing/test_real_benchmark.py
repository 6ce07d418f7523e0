"""The engine on the real DBA StackExchange folder, loaded through storage (~20 s)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.routing.engine import RoutingIndex
from bot.routing.evaluation import TEAM_ID, Metrics, evaluate, load_dataset, read_dataset

FOLDER = Path(__file__).parents[4] / "shared" / "data" / "routing-dba"
BM25_REFERENCE_MRR = 0.219
BM25_REFERENCE_R3 = 0.242
_measured: dict[str, Metrics] = {}

pytestmark = pytest.mark.skipif(
    not FOLDER.is_dir() and not os.environ.get("CI"),
    reason=f"the shared benchmark folder is not beside this checkout ({FOLDER})",
)


async def _metrics(sessions: async_sessionmaker[AsyncSession]) -> dict[str, Metrics]:
    if not _measured:
        dataset = read_dataset(FOLDER)
        await load_dataset(sessions, dataset)
        index = await RoutingIndex.load(sessions, TEAM_ID)
        _measured.update({m.method: m for m in evaluate(index, dataset)})
    return _measured


async def test_engine_beats_bm25_reference_and_popularity(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """Above the README's BM25 line and the popularity baseline.

    Speed is measured by the p50/p99 that `askaround eval routing` prints, not asserted here,
    so a loaded machine cannot make this test flaky.
    """
    measured = await _metrics(sessions)
    engine, popularity = measured["engine"], measured["popularity"]
    assert engine.mrr > BM25_REFERENCE_MRR and engine.r_at_3 > BM25_REFERENCE_R3
    assert engine.mrr > 2 * popularity.mrr
    assert abs(popularity.mrr - 0.116) < 0.002  # the README's popularity line, reproduced


async def test_engine_reaches_the_target(sessions: async_sessionmaker[AsyncSession]) -> None:
    """The issue's target: MRR ≥ 0.25 and R@3 ≥ 0.28 on this folder (measured 0.259, 0.311)."""
    engine = (await _metrics(sessions))["engine"]
    assert engine.r_at_3 >= 0.28
    assert engine.mrr >= 0.25
