"""`/skills remove` reads names as `/skills add` writes them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.directory.parse import RemoveSkills, parse_command

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_remove_takes_a_name_typed_as_add_wants_it() -> None:
    """`remove R&D!:5` (a forced new skill with its level, as it was added, with Slack's
    escaping) names the skill R&D: the `!` is dropped after the level is split off."""
    removed = parse_command("remove R&amp;D!:5, k8s:3, terraform!", date(2026, 12, 4))
    assert removed == RemoveSkills(("R&D", "k8s", "terraform"))


def test_remove_reads_a_number_after_a_space_as_the_names() -> None:
    """`add terraform 4` is Terraform at level 4, but `remove java 8` names Java 8: a number
    after a space is not dropped as a level, so Java is not removed in its place."""
    removed = parse_command("remove java 8, terraform 4, go:2", date(2026, 12, 4))
    assert removed == RemoveSkills(("java 8", "terraform 4", "go"))
