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
