"""The pooled routing benchmark (`benchmarks/routing_pooled.py`): every site's questions count
alike in the pooled figures, a saved run's ranks are the eval's own, and a difference is called
beyond noise only when the paired bootstrap interval leaves zero out."""

from __future__ import annotations

import asyncio
import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from benchmarks.routing_pooled import fitted, main, paired, reciprocal
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


def pooled(monkeypatch: pytest.MonkeyPatch, *argv: str) -> str:
    """`python -m benchmarks.routing_pooled ARGV`, in this process: what it printed."""
    monkeypatch.setattr(sys, "argv", ["routing_pooled", *argv])
    out = io.StringIO()
    with redirect_stdout(out):
        main()
    return out.getvalue()


def test_the_pooled_run_saves_the_evals_own_ranks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "fixture"
    site.mkdir()
    write_fixture(site)
    saved = tmp_path / "ranks.json"
    done = pooled(monkeypatch, str(site), "--save", str(saved))
    ranks = json.loads(saved.read_text())["fixture"]
    engine = asyncio.run(measure(read_dataset(site))).results
    assert ranks == list(engine.ranks) and len(ranks) == engine.scored
    assert reciprocal(ranks).mean() == pytest.approx(engine.engine.mrr)
    assert f"pooled         scored={engine.scored:>5} MRR={engine.engine.mrr:.4f}" in done
    again = pooled(monkeypatch, str(site), "--against", str(saved))
    assert "dMRR=+0.0000" in again and "rose 0 fell 0 sign p=1.00 (noise)" in again
    compared = pooled(monkeypatch, "--compare", str(saved), str(saved))
    assert compared.splitlines()[1:] == again.splitlines()[1:]


def test_the_pooled_run_prints_each_sites_fitted_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "fixture"
    site.mkdir()
    write_fixture(site)
    done = pooled(monkeypatch, str(site), "--weights")
    index = asyncio.run(measure(read_dataset(site))).index
    [line] = [line for line in done.splitlines() if "fitted on" in line]
    blend = ", ".join(
        f"{feature} {weight:.2f}"
        for feature, weight in zip(FEATURES, index.evidence.weights.tolist(), strict=True)
    )
    assert line == f"fixture        fitted on {index.fitted_on:>4}: {blend}"


def test_the_weights_of_a_column_a_scratch_setting_adds_are_printed_by_position() -> None:
    """A candidate switched on with `--set` (a 15th fitted column) gives one weight more than
    the blend names: `--weights` prints it as the column it is instead of stopping."""
    weights = [0.5] * len(FEATURES) + [0.25]
    line = fitted("site", 12, weights)
    named = ", ".join(f"{feature} 0.50" for feature in FEATURES)
    assert line == f"site           fitted on   12: {named}, column {len(FEATURES) + 1} 0.25"
