import pytest

from bot.words import first_word, noun, plural

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent


def test_one_is_singular_and_every_other_count_is_plural() -> None:
    assert plural(1, "colleague") == "1 colleague"
    assert plural(0, "colleague") == "0 colleagues"
    assert plural(3, "time") == "3 times"


def test_irregular_nouns_are_known_or_named() -> None:
    assert plural(1, "person") == "1 person"
    assert plural(2, "person") == "2 people"
    assert plural(5, "kudos") == "5 kudos"
    assert plural(2, "cactus", "cacti") == "2 cacti"
    assert noun(2, "reply") == "replies"


def test_large_counts_are_grouped() -> None:
    assert plural(5000, "person") == "5,000 people"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("top week", ("top", "week")),
        ("top\nweek", ("top", "week")),
        ("withdraw\t 12 ", ("withdraw", "12")),
        ("mine", ("mine", "")),
        ("", ("", "")),
    ],
)
def test_a_command_word_ends_at_any_whitespace(text: str, parts: tuple[str, str]) -> None:
    assert first_word(text) == parts
