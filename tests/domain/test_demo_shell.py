"""The demo's line language parses what the README shows and rejects the rest with a hint."""

from __future__ import annotations

import pytest

from bot.runtime.demo.shell import BadLine, Line, parse_line, to_slack_text

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "@alice: /kudos @bob thanks #teamwork",
            Line("alice", "command", "/kudos @bob thanks #teamwork"),
        ),
        ("@carol: who knows terraform?", Line("carol", "say", "who knows terraform?")),
        ("@carol in #platform: anyone?", Line("carol", "say", "anyone?", "platform")),
        ("@bob dm: hello", Line("bob", "dm", "hello")),
        ("@bob react :kudos:", Line("bob", "react", ":kudos:")),
        ("@alice click Undo", Line("alice", "click", "Undo")),
        ("@maria home", Line("maria", "home", "")),
    ],
)
def test_lines_parse(raw: str, expected: Line) -> None:
    """Each documented form becomes the person, the verb, the text and the channel."""
    assert parse_line(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "# a comment"])
def test_blank_lines_and_comments_are_skipped(raw: str) -> None:
    """Scripts may hold comments and blank lines."""
    assert parse_line(raw) is None


@pytest.mark.parametrize("raw", ["alice: hi", "@alice", "@alice:", "@alice click", "@Alice: hi"])
def test_unclear_lines_get_a_hint(raw: str) -> None:
    """Anything else is refused with a message saying what to type."""
    with pytest.raises(BadLine):
        parse_line(raw)


def test_mentions_become_slack_mentions_for_known_people_only() -> None:
    """`@bob` becomes `<@U2|bob>`; unknown names and e-mail addresses stay as typed."""
    users = {"bob": "U2"}
    assert to_slack_text("thanks @bob and @zed, mail bob@x.io", users) == (
        "thanks <@U2|bob> and @zed, mail bob@x.io"
    )
