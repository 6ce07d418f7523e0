"""The pooled routing benchmark (`benchmarks/routing_pooled.py`): every site's questions count
alike in the pooled figures, a saved run's ranks are the eval's own, and a difference is called
beyond noise only when the paired bootstrap interval leaves zero out."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.routing_pooled import paired, reciprocal
from bot.routing.blend import FEATURES
from bot.routing.evaluation import read_dataset
from bot.runtime.cli.evaluate import measure
from tests.domain.routing.test_eval_command import write_fixture

pytestmark = pytest.mark.database_independent


def test_a_consistent_gain_is_beyond_noise_and_a_mixed_one_is_not() -> None:
    before: dict[str, list[int | None]] = {"a": [2] * 40, "b": [1, None] * 30}
    risen: dict[str, list[int | None]] = {"a": [1] * 40, "b": [1, None] * 30}
    found = paired(before, risen)
    assert found.delta == pytest.approx(0.5 * 40 / 100)
    assert (found.rose, found.fell) == (40, 0)
    assert 0 < found.low <= found.delta <= found.high
    assert "beyond noise" in found.line() and found.sign_p < 1e-9
    mixed: dict[str, list[int | None]] = {"a": [1, None] * 20, "b": [1, None] * 30}
    either = paired(before, mixed)
    assert (either.rose, either.fell) == (20, 20)
    assert either.low < 0 < either.high and either.sign_p == 1.0
    assert "(noise)" in either.line()


def test_the_sign_test_holds_thousands_of_questions() -> None:
    many: dict[str, list[int | None]] = {"a": [2] * 3000}
    found = paired(many, {"a": [1] * 1600 + [3] * 1400})
    assert (found.rose, found.fell) == (1600, 1400)
    assert 0.0 < found.sign_p < 0.001


def test_the_pooled_run_saves_the_evals_own_ranks(tmp_path: Path) -> None:
    site = tmp_path / "fixture"
    site.mkdir()
    write_fixture(site)
    saved = tmp_path / "ranks.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.routing_pooled", str(site), "--save", str(saved)],
        capture_output=True,
        text=True,
        check=True,
    )
    ranks = json.loads(saved.read_text())["fixture"]
    engine = asyncio.run(measure(read_dataset(site))).results
    assert ranks == list(engine.ranks) and len(ranks) == engine.scored
    assert reciprocal(ranks).mean() == pytest.approx(engine.engine.mrr)
    assert f"pooled         scored={engine.scored:>5} MRR={engine.engine.mrr:.4f}" in done.stdout
    again = subprocess.run(
        [sys.executable, "-m", "benchmarks.routing_pooled", str(site), "--against", str(saved)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "dMRR=+0.0000" in again.stdout and "rose 0 fell 0 sign p=1.00 (noise)" in again.stdout
    compared = subprocess.run(
        [sys.executable, "-m", "benchmarks.routing_pooled", "--compare", str(saved), str(saved)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert compared.stdout.splitlines()[1:] == again.stdout.splitlines()[1:]


def test_the_pooled_run_prints_each_sites_fitted_weights(tmp_path: Path) -> None:
    site = tmp_path / "fixture"
    site.mkdir()
    write_fixture(site)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.routing_pooled", str(site), "--weights"],
        capture_output=True,
        text=True,
        check=True,
    )
    index = asyncio.run(measure(read_dataset(site))).index
    [line] = [line for line in done.stdout.splitlines() if "fitted on" in line]
    blend = ", ".join(
        f"{feature} {weight:.2f}"
        for feature, weight in zip(FEATURES, index.evidence.weights.tolist(), strict=True)
    )
    assert line == f"fixture        fitted on {index.fitted_on:>4}: {blend}"
