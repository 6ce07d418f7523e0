"""Settings fail fast with one line naming the variable, and never print secrets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.runtime.cli import main
from bot.settings import BOT_SCOPES, DEFAULT_API_URL, Settings

# Settings are read from the environment; no database is opened.
pytestmark = pytest.mark.database_independent

GOOD = {"SLACK_BOT_TOKEN": "xoxb-secret-token", "SLACK_SIGNING_SECRET": "very-secret"}


def test_defaults_and_http_mode() -> None:
    """With only the two required secrets, defaults apply and HTTP mode is chosen."""
    settings = Settings.from_env(GOOD, env_file=None)
    assert settings.api_url == DEFAULT_API_URL
    assert settings.database_url == "sqlite+aiosqlite:///askaround.db"
    assert (settings.port, settings.log_level, settings.socket_mode) == (3000, "INFO", False)


def test_socket_mode_and_urls_are_normalised() -> None:
    """An app token turns on Socket Mode; pasted URLs get the async driver and a trailing slash."""
    settings = Settings.from_env(
        GOOD
        | {
            "SLACK_APP_TOKEN": "xapp-1",
            "SLACK_API_URL": "http://127.0.0.1:9000/api",
            "ASKAROUND_DATABASE_URL": "postgresql://postgres@127.0.0.1/askaround",
        },
        env_file=None,
    )
    assert settings.socket_mode
    assert settings.api_url == "http://127.0.0.1:9000/api/"
    assert settings.database_url == "postgresql+asyncpg://postgres@127.0.0.1/askaround"


@pytest.mark.parametrize(
    ("overrides", "variable"),
    [
        ({"SLACK_BOT_TOKEN": ""}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxp-user-token"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_SIGNING_SECRET": " "}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN"),
        ({"SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL"),
        ({"ASKAROUND_DATABASE_URL": "mysql://x/y"}, "ASKAROUND_DATABASE_URL"),
        ({"ASKAROUND_DATABASE_URL": "::not a url::"}, "ASKAROUND_DATABASE_URL"),
        ({"ASKAROUND_PORT": "70000"}, "ASKAROUND_PORT"),
        ({"ASKAROUND_LOG_LEVEL": "loud"}, "ASKAROUND_LOG_LEVEL"),
    ],
)
def test_bad_setting_names_the_variable(overrides: dict[str, str], variable: str) -> None:
    """Each missing or malformed value raises a ConfigError that names its variable."""
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(GOOD | overrides, env_file=None)
    assert caught.value.variable == variable
    assert str(caught.value).startswith(variable)


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("ASKAROUND_OFFER_MINUTES", "999999", "“999999” is not a whole number from 1 to 10000"),
        ("ASKAROUND_OFFERS_PER_ROUND", "0", "“0” is not a whole number from 1 to 10000"),
        (
            "ASKAROUND_QUESTION_TEXT_DAYS",
            "999999",
            "“999999” is not a whole number of days from 0 (keep it) to 100000",
        ),
    ],
)
def test_a_number_out_of_range_says_the_range(variable: str, value: str, said: str) -> None:
    """`ASKAROUND_OFFER_MINUTES=999999` was "not a positive whole number", which it is: the
    line says the range it must be in."""
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(GOOD | {variable: value}, env_file=None)
    assert str(caught.value) == f"{variable} is malformed: {said}"


def test_quotes_docker_keeps_around_a_value_are_not_part_of_it() -> None:
    """`docker run --env-file .env` passes `SLACK_SIGNING_SECRET="very-secret"` on with its
    quotes (dotenv and systemd take them off): the secret was taken with them, so every
    request from Slack failed its signature, and `ASKAROUND_WORKING_HOURS="Mon-Fri …"` was
    told it was "not like 'Mon-Fri 09:00-18:00'". A value in matching quotes is what they
    hold."""
    settings = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": '"xoxb-secret-token"',
            "SLACK_SIGNING_SECRET": '"very-secret"',
            "ASKAROUND_PORT": "'4000'",
            "ASKAROUND_WORKING_HOURS": '"Sun-Thu 08:00-17:00"',
            "ASKAROUND_DATABASE_URL": '"postgresql://ana@db.example.com/askaround"',
        },
        env_file=None,
    )
    assert (settings.bot_token, settings.signing_secret) == ("xoxb-secret-token", "very-secret")
    assert (settings.port, settings.working_hours.first_day) == (4000, 6)
    assert settings.database_url == "postgresql+asyncpg://ana@db.example.com/askaround"
    unmatched = Settings.from_env(GOOD | {"SLACK_SIGNING_SECRET": '"half'}, env_file=None)
    assert unmatched.signing_secret == '"half'


def test_env_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    """`.env` supplies values; the real environment overrides them."""
    env_file = tmp_path / ".env"
    env_file.write_text(
        "SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_SIGNING_SECRET=s\nASKAROUND_PORT=4000\n"
    )
    settings = Settings.from_env({"ASKAROUND_PORT": "5000"}, env_file=env_file)
    assert (settings.bot_token, settings.port) == ("xoxb-from-file", 5000)


def test_secrets_are_not_in_repr() -> None:
    """A logged Settings object shows no token or secret, nor the database's password (it
    showed ASKAROUND_DATABASE_URL whole), and the logs mask that password as they mask the
    tokens."""
    settings = Settings.from_env(
        GOOD
        | {
            "SLACK_APP_TOKEN": "xapp-hidden",
            "ASKAROUND_DATABASE_URL": "postgresql://ana:db-pass%2Fword@db.example.com/askaround",
        },
        env_file=None,
    )
    text = repr(settings)
    assert (
        "xoxb-secret-token" not in text and "very-secret" not in text and "xapp-hidden" not in text
    )
    assert "db-pass" not in text, text
    assert "db-pass/word" in settings.secrets and "db-pass%2Fword" in settings.secrets


def test_cli_missing_token_prints_one_line_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`askaround serve` without a bot token: exit code 2 and one line naming the variable.
    Through the command line's `main`: no setting in the environment, no `.env` to read."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "ASKAROUND_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["serve"]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == "" and len(lines) == 1 and "SLACK_BOT_TOKEN" in lines[0], err


OAUTH = {
    "SLACK_CLIENT_ID": "123.456",
    "SLACK_CLIENT_SECRET": "client-secret-value",
    "SLACK_SIGNING_SECRET": "very-secret",
}


def test_oauth_mode_needs_no_bot_token_and_asks_for_the_manifest_scopes() -> None:
    """Client id and secret without a bot token: OAuth mode, the default scopes, the client
    secret masked in logs and hidden from repr."""
    settings = Settings.from_env(OAUTH, env_file=None)
    assert settings.oauth and settings.bot_token == ""
    assert settings.scopes == BOT_SCOPES
    assert "client-secret-value" in settings.secrets
    assert "client-secret-value" not in repr(settings)
    assert not Settings.from_env(GOOD, env_file=None).oauth


def test_oauth_scopes_can_be_narrowed() -> None:
    settings = Settings.from_env(OAUTH | {"SLACK_SCOPES": "chat:write, commands"}, env_file=None)
    assert settings.scopes == ("chat:write", "commands")


@pytest.mark.parametrize(
    ("overrides", "variable"),
    [
        ({"SLACK_CLIENT_SECRET": ""}, "SLACK_CLIENT_SECRET"),
        ({"SLACK_CLIENT_ID": ""}, "SLACK_CLIENT_ID"),
        ({"SLACK_SCOPES": "chat:write commands"}, "SLACK_SCOPES"),
        ({"SLACK_SCOPES": " , "}, "SLACK_SCOPES"),
        ({"SLACK_BOT_TOKEN": "xoxp-user-token"}, "SLACK_BOT_TOKEN"),
    ],
)
def test_bad_oauth_setting_names_the_variable(overrides: dict[str, str], variable: str) -> None:
    """Half a client id/secret pair, unreadable scopes, or a malformed bot token given anyway:
    one ConfigError naming the variable."""
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(OAUTH | overrides, env_file=None)
    assert caught.value.variable == variable


def test_missing_bot_token_says_oauth_is_the_alternative() -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"SLACK_SIGNING_SECRET": "s"}, env_file=None)
    assert caught.value.variable == "SLACK_BOT_TOKEN" and "SLACK_CLIENT_ID" in str(caught.value)
