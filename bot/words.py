"""The one way to write a count with its noun: `plural(1, "colleague")` → "1 colleague",
and a list of people in a sentence: `and_list(["@bob", "@carol"])` → "@bob and @carol".

Every message that says how many of something there are goes through here, so that no one
reads "1 colleagues" or "was thanked 1 times". Nouns whose plural is not a plain "s" name it
(`plural(2, "person", "people")`); a few common ones are known without it.
"""

from __future__ import annotations

# How people say a small count in words (`for two weeks`, `wait an hour`).
_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_IRREGULAR = {
    "person": "people",
    "reply": "replies",
    "kudos": "kudos",
    "this": "these",
}


def noun(count: int, singular: str, plural: str | None = None) -> str:
    """The noun alone, in the form that goes with `count` (1 is singular, 0 and 2 are not)."""
    if count == 1:
        return singular
    if plural is not None:
        return plural
    return _IRREGULAR.get(singular, singular + "s")


def plural(count: int, singular: str, plural: str | None = None) -> str:
    """`count` and its noun: "1 colleague", "3 colleagues", "1 person", "2 people"."""
    return f"{count:,} {noun(count, singular, plural)}"


def and_list(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`: one list reads the same in every message."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def first_word(text: str) -> tuple[str, str]:
    """A command's first word and the rest, parted by any whitespace: Slack keeps a newline
    typed with Shift+Enter, and `top⏎week` is two words."""
    parts = text.split(None, 1)
    return (parts[0] if parts else ""), (parts[1].strip() if len(parts) > 1 else "")


def count_in(word: str) -> int | None:
    """How many `3`, `a`, `an` or `three` is; None for other words."""
    word = word.lower()
    if word.isdecimal():
        return int(word)
    if word in ("a", "an"):
        return 1
    return _COUNTS.index(word) + 1 if word in _COUNTS else None
