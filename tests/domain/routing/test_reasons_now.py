"""A reason drawn again names only the skills its colleague declares now, at today's level."""

from __future__ import annotations

import pytest

from bot.routing.reasons import as_declared_now

pytestmark = pytest.mark.database_independent

FIRST = "declared Terraform, level 5; declared AWS, level 3; helped with 2 similar questions"


def test_a_removed_skill_is_left_out_and_a_changed_level_redrawn() -> None:
    now = as_declared_now(FIRST, {"AWS": 4, "Kafka": 2})
    assert now == "declared AWS, level 4; helped with 2 similar questions"


def test_a_reason_left_with_nothing_true_is_a_close_match() -> None:
    assert as_declared_now("declared Terraform, level 5", {}) == "a close match"


def test_a_name_slack_would_read_as_markup_matches_as_escaped() -> None:
    assert as_declared_now("declared R&amp;D, level 2", {"R&D": 3}) == "declared R&amp;D, level 3"


def test_a_merged_skill_is_named_as_the_one_it_was_merged_into_once() -> None:
    merged = {"Terraform": "OpenTofu", "AWS": "OpenTofu"}
    now = as_declared_now(FIRST, {"OpenTofu": 5}, merged)
    assert now == "declared OpenTofu, level 5; helped with 2 similar questions"


def test_a_skill_an_edit_took_out_of_the_question_is_said_to_be_of_its_first_words() -> None:
    now = as_declared_now(FIRST, {"Terraform": 5, "AWS": 3}, about={"AWS"})
    assert now == (
        "declared Terraform, level 5, which the question named before it was edited; "
        "declared AWS, level 3; helped with 2 similar questions"
    )
