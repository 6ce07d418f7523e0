"""`about` with nothing after it is refused, but a topic may itself be called `about`: the
network entry `CNCF about about as personal` is written back as it was read (Hypothesis
found it refused: the last `about` was taken for the keyword with no topics)."""

from __future__ import annotations

import pytest

from bot.directory.parse import SkillsSyntaxError, parse_network_entry

pytestmark = pytest.mark.database_independent


def test_a_topic_called_about_is_a_topic() -> None:
    entry = parse_network_entry("CNCF about about as personal")
    assert (entry.contact_name, entry.topics, entry.relationship) == (
        "CNCF",
        ("about",),
        "personal",
    )


@pytest.mark.parametrize("line", ["CNCF about", "CNCF about as personal", "@bob about"])
def test_about_with_no_topics_is_refused(line: str) -> None:
    with pytest.raises(SkillsSyntaxError, match="Say which topics after `about`"):
        parse_network_entry(line)
