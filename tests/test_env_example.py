"""`.env.example` lists every setting askaround reads, with the default `SETTINGS` gives it, so
an admin copying it starts from exactly what the bot would do without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SETTINGS

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

EXAMPLE = Path(__file__).parents[1] / ".env.example"


def test_every_setting_is_in_the_example_once_with_its_default() -> None:
    lines = [line for line in EXAMPLE.read_text().splitlines() if line and line[0] != "#"]
    values = dict(line.split("=", 1) for line in lines)
    assert len(values) == len(lines), "a variable is listed twice"
    assert list(values) == [setting.name for setting in SETTINGS]
    for setting in SETTINGS:
        assert values[setting.name] == (setting.default or ""), setting.name


def test_the_example_holds_no_secret() -> None:
    lines = [line for line in EXAMPLE.read_text().splitlines() if line and line[0] != "#"]
    secrets = {setting.name for setting in SETTINGS if setting.secret}
    assert all(line.endswith("=") for line in lines if line.split("=", 1)[0] in secrets)


def test_each_variable_is_explained_in_the_words_of_the_readme() -> None:
    """The comment above each variable is its help, as the README's table and the start-up
    error give it (the working hours' said otherwise in other words); a required one says it
    has no default."""
    said: dict[str, str] = {}
    comment: list[str] = []
    for line in EXAMPLE.read_text().split("\n\n", 1)[1].splitlines():
        if line.startswith("# "):
            comment.append(line[2:])
        elif "=" in line:
            said[line.split("=", 1)[0]] = " ".join(comment)
            comment = []
    for setting in SETTINGS:
        required = " (no default)" if setting.default is None else ""
        assert said[setting.name] == setting.help + required, setting.name
