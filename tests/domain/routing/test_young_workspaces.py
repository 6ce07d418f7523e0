"""The young-workspace benchmark's slices (`benchmarks/routing_young.py`): history only, the
questions to route right after it, and only the slice's own answerers as people."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.routing_young import QUESTIONS, young
from bot.routing.evaluation import read_dataset
from tests.domain.routing.test_eval_command import write_fixture

pytestmark = pytest.mark.database_independent


def test_a_slice_is_the_history_before_the_questions_it_routes(tmp_path: Path) -> None:
    write_fixture(tmp_path)
    dataset = read_dataset(tmp_path)
    size = 40
    chosen = young(dataset, size, 1.0)
    assert chosen is not None
    end = len(dataset.history)
    assert chosen.history == dataset.history[end - QUESTIONS - size : end - QUESTIONS]
    routed = [row["id"] for row in dataset.history[end - QUESTIONS :]]
    assert chosen.questions and {row["id"] for row in chosen.questions} <= set(routed)
    answered = {user for row in chosen.history for user in row["answered_by"]}
    assert {person["user"] for person in chosen.people} == answered
    never = {row["id"] for row in dataset.questions}
    assert never.isdisjoint(row["id"] for row in chosen.history + chosen.questions)


def test_a_history_too_short_for_the_slice_gives_none(tmp_path: Path) -> None:
    write_fixture(tmp_path)
    dataset = read_dataset(tmp_path)
    assert young(dataset, 300, 1.0) is None
