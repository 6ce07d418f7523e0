"""Each setting's value checked and parsed, so a bad deployment fails at start-up with one line
naming the variable (a `ConfigError`), instead of on the first Slack request."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.errors import ConfigError
from bot.safe_text import quoted
from bot.worktime import WorkingHours

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def bot_token(value: str, oauth: bool, one_workspace: bool = False) -> str:
    """Required in token mode; with OAuth the server takes each workspace's token from its
    installation, and a token given anyway is what the admin CLI commands act on (a command
    on `one_workspace` asks for it alone, not for OAuth's settings as the server does)."""
    if not value and one_workspace and not oauth:
        raise ConfigError(
            "SLACK_BOT_TOKEN",
            "is missing: set it to the bot token (xoxb-…) of the workspace to act on, from "
            "OAuth & Permissions",
        )
    if not value and not oauth:
        raise ConfigError(
            "SLACK_BOT_TOKEN",
            "is missing: set it to the bot token (xoxb-…) from OAuth & Permissions, or set "
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install the app through OAuth",
        )
    return token(value, "SLACK_BOT_TOKEN", "xoxb-", optional=oauth)


def oauth_credentials(client_id: str, client_secret: str) -> tuple[str, str]:
    """Both or neither: half a pair would fail only when the first workspace installs."""
    if client_id and not client_secret:
        raise ConfigError(
            "SLACK_CLIENT_SECRET", "is missing: OAuth needs it along with SLACK_CLIENT_ID"
        )
    if client_secret and not client_id:
        raise ConfigError(
            "SLACK_CLIENT_ID", "is missing: OAuth needs it along with SLACK_CLIENT_SECRET"
        )
    return client_id, client_secret


def scopes(value: str) -> tuple[str, ...]:
    scopes = tuple(s.strip() for s in value.split(",") if s.strip())
    if not scopes or not all(re.fullmatch(r"[a-z_]+(:[a-z_.]+)*", s) for s in scopes):
        raise ConfigError(
            "SLACK_SCOPES",
            f"is malformed: {quoted(value, one_line=True)} is not a comma-separated list of scopes",
        )
    return scopes


# The tokens Slack's app pages show, by prefix: which one was pasted where the other belongs
# (the user token sits right above the bot token on OAuth & Permissions).
_TOKENS = {
    "xoxb-": "the bot token, which belongs in SLACK_BOT_TOKEN",
    "xapp-": "an app-level token, which belongs in SLACK_APP_TOKEN",
    "xoxp-": "a user token: askaround needs the Bot User OAuth Token (xoxb-…) below it",
    "xoxe": "a token rotation's token: askaround's app has token rotation off",
}


def token(value: str, name: str, prefix: str, optional: bool = False) -> str:
    if optional and not value:
        return ""
    if not value.startswith(prefix):
        pasted = next((kind for start, kind in _TOKENS.items() if value.startswith(start)), "")
        said = f"; this one is {pasted}" if pasted else ""
        raise ConfigError(
            name, f"is malformed: it should start with {quoted(prefix, one_line=True)}{said}"
        )
    return value


def api_url(value: str) -> str:
    try:
        parts = urlsplit(value)
        web = parts.scheme in ("http", "https") and bool(parts.netloc)
    except ValueError:  # `http://[` and other hosts urlsplit cannot read
        web = False
    if not web:
        raise ConfigError(
            "SLACK_API_URL", f"is malformed: {quoted(value, one_line=True)} is not an http(s) URL"
        )
    return value if value.endswith("/") else value + "/"


def port(value: str) -> int:
    if not _digits(value) or not 0 <= int(value) < 65536:
        raise ConfigError(
            "ASKAROUND_PORT", f"is malformed: {quoted(value, one_line=True)} is not a port number"
        )
    return int(value)


MAX_COUNT = 10_000
MAX_DAYS = 100_000


def count(value: str, name: str) -> int:
    if not _digits(value) or not 0 < int(value) <= MAX_COUNT:
        raise ConfigError(
            name,
            f"is malformed: {quoted(value, one_line=True)} is not a whole number from 1 to "
            f"{MAX_COUNT}",
        )
    return int(value)


def days(value: str, name: str) -> int:
    """A number of days where 0 means "no limit"."""
    if not _digits(value) or int(value) > MAX_DAYS:
        raise ConfigError(
            name,
            f"is malformed: {quoted(value, one_line=True)} is not a whole number of days from 0 "
            f"(keep it) to {MAX_DAYS}",
        )
    return int(value)


def _digits(value: str) -> bool:
    """Plain 0-9 digits: `isdigit()` alone is also true of `²`, which int() refuses."""
    return value.isascii() and value.isdigit()


def working_hours(value: str) -> WorkingHours:
    try:
        return WorkingHours.parse(value)
    except ValueError as error:
        raise ConfigError("ASKAROUND_WORKING_HOURS", f"is malformed: {error}") from None


def choice(value: str, name: str, choices: tuple[str, ...]) -> str:
    if value.lower() not in choices:
        raise ConfigError(name, f"is malformed: use one of {', '.join(choices)}")
    return value.lower()


def log_level(value: str) -> str:
    level = value.upper()
    if level not in LOG_LEVELS:
        raise ConfigError(
            "ASKAROUND_LOG_LEVEL", f"is malformed: use one of {', '.join(LOG_LEVELS)}"
        )
    return level
