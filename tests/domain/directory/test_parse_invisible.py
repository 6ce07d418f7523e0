"""A name that shows nothing (only a soft hyphen, a zero-width space) is refused, not stored
empty: a network entry naming nobody, or a topic of no words (Hypothesis found `\\xad`)."""

from __future__ import annotations

import pytest

from bot.directory.parse import SkillsSyntaxError, parse_network_entry

pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    "line",
    ["\xad", "\u200b\u200b", "CNCF Slack about kubernetes, \u200b", "\xad about helm as personal"],
)
def test_a_network_line_whose_name_or_topic_shows_nothing_is_refused(line: str) -> None:
    with pytest.raises(SkillsSyntaxError, match="shows nothing: name it in words"):
        parse_network_entry(line, slack=True)


def test_a_name_with_an_invisible_character_in_it_keeps_its_words() -> None:
    entry = parse_network_entry("CN\xadCF Slack about kube\u200bnetes")
    assert (entry.contact_name, entry.topics) == ("CNCF Slack", ("kubenetes",))
