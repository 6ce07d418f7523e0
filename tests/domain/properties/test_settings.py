"""Properties of reading settings from the environment (`bot/settings.py`): any value is
accepted as documented or refused with a ConfigError that names the variable."""

from __future__ import annotations

import string

from hypothesis import example, given
from hypothesis import strategies as st

from bot.errors import ConfigError
from bot.settings import SETTINGS, Settings
from tests.domain.properties import FEWER, MANY, assert_clear

BASE = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
NAMES = st.sampled_from([s.name for s in SETTINGS])
VALUES = (
    st.text(max_size=40)
    | st.text(string.digits + "²٣ -+", max_size=6)
    | st.builds(
        "{}://{}{}".format,
        st.sampled_from(["http", "https", "postgresql", "sqlite", "mysql", "postgresql+asyncpg"]),
        st.text(string.ascii_letters + string.digits + "[]:@/.%?=-", max_size=20),
        st.sampled_from(["", "/", "/db", ":5432/db", ":x/db", ":99999"]),
    )
)


@MANY
@given(st.dictionaries(NAMES, VALUES, max_size=4))
@example({"ASKAROUND_DATABASE_URL": "0\n0"})  # a path's hint quoted the line break raw
def test_any_environment_is_settings_or_names_the_variable(values: dict[str, str]) -> None:
    """Any values for any documented variables: settings whose numbers are in range, or a
    ConfigError on one short line that starts with the variable's name."""
    environ = {**BASE, **values}
    try:
        settings = Settings.from_env(environ, env_file=None)
    except ConfigError as error:
        message = assert_clear(error, max(environ.values(), key=len))
        assert error.variable in environ or error.variable in BASE or "missing" in message
        assert message.startswith(error.variable)
        return
    assert 0 <= settings.port < 65536
    assert 0 < settings.offers_per_round <= 10_000
    assert settings.api_url.endswith("/")
    assert settings.database_url.startswith(("sqlite+aiosqlite:", "postgresql+asyncpg:"))


@FEWER
@given(st.integers(0, 65535), st.integers(1, 10_000), st.sampled_from(["debug", "Info", "ERROR"]))
def test_generated_numbers_and_levels_read_as_written(port: int, count: int, level: str) -> None:
    """A port, a count and a log level in any case read back as the same number and level."""
    settings = Settings.from_env(
        {
            **BASE,
            "ASKAROUND_PORT": f" {port} ",
            "ASKAROUND_OFFERS_PER_ROUND": str(count),
            "ASKAROUND_LOG_LEVEL": level,
        },
        env_file=None,
    )
    assert (settings.port, settings.offers_per_round, settings.log_level) == (
        port,
        count,
        level.upper(),
    )
