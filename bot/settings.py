"""Settings, read once from the environment (and an optional `.env`) by the composition root.

One table (`SETTINGS`) names and defaults every variable; each value is validated up front
(`bot.setting_validators`, and `bot.database_url` for the database's), so a bad deployment
fails at start-up with one line naming the variable, instead of on the first Slack request.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from dotenv import dotenv_values

from bot import setting_validators as validate
from bot.database_url import normalise_database_url
from bot.errors import ConfigError
from bot.worktime import WorkingHours

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///askaround.db"
# The bot scopes of manifest.yml (a test keeps them equal): what an OAuth install asks for.
BOT_SCOPES: tuple[str, ...] = (
    "app_mentions:read",
    "channels:history",
    "channels:read",
    "chat:write",
    "chat:write.public",
    "commands",
    "files:write",
    "groups:history",
    "groups:read",
    "im:history",
    "im:read",
    "im:write",
    "mpim:history",
    "mpim:write",
    "mpim:read",
    "reactions:read",
    "users:read",
    "users:read.email",
)


@dataclass(frozen=True)
class Setting:
    """One documented variable; the README's configuration table is checked against these."""

    name: str
    default: str | None
    help: str
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("SLACK_BOT_TOKEN", None, "the bot token (xoxb-…) from OAuth & Permissions", True),
    Setting("SLACK_SIGNING_SECRET", None, "the signing secret from Basic Information", True),
    Setting(
        "SLACK_CLIENT_ID",
        "",
        "the Client ID from Basic Information; with SLACK_CLIENT_SECRET, workspaces install "
        "the app through OAuth and SLACK_BOT_TOKEN is not needed",
    ),
    Setting("SLACK_CLIENT_SECRET", "", "the Client Secret from Basic Information", True),
    Setting(
        "SLACK_SCOPES",
        ",".join(BOT_SCOPES),
        "the bot scopes an OAuth install asks for, comma-separated",
    ),
    Setting(
        "SLACK_APP_TOKEN",
        "",
        "an app-level token (xapp-…, scope connections:write); when set, Socket Mode is used",
        True,
    ),
    Setting(
        "SLACK_API_URL",
        DEFAULT_API_URL,
        "the Slack Web API base URL (a proxy or the local emulator)",
    ),
    Setting(
        "ASKAROUND_DATABASE_URL",
        DEFAULT_DATABASE_URL,
        "a SQLite file (sqlite:///askaround.db) or PostgreSQL (postgresql://user@host/db)",
    ),
    Setting("ASKAROUND_HOST", "0.0.0.0", "the address the HTTP server listens on"),
    Setting(
        "ASKAROUND_PORT",
        "3000",
        "the HTTP port for /slack/events and /healthz (0 picks a free one)",
    ),
    Setting("ASKAROUND_LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING, ERROR or CRITICAL"),
    Setting("ASKAROUND_LOG_FORMAT", "text", "text, or json for one JSON object a line"),
    Setting("ASKAROUND_OFFERS_PER_ROUND", "3", "how many colleagues are asked at once"),
    Setting(
        "ASKAROUND_OFFER_MINUTES",
        "30",
        "working minutes (in the asked colleague's time zone) before the next people are asked",
    ),
    Setting("ASKAROUND_MAX_OPEN_OFFERS", "3", "most unanswered requests one person gets at once"),
    Setting(
        "ASKAROUND_WORKING_HOURS",
        "Mon-Fri 09:00-18:00",
        "everyone's working days and hours (Sun-Thu 08:00-17:00 for a week from Sunday), each "
        "in their own time zone: a request to someone whose day is over waits for their next "
        "one, and only these hours count towards ASKAROUND_OFFER_MINUTES",
    ),
    Setting(
        "ASKAROUND_UNINSTALLED_RETENTION_DAYS",
        "30",
        "days a workspace's data is kept after it uninstalls the app, in case it installs "
        "again; then it is deleted",
    ),
    Setting(
        "ASKAROUND_QUESTION_TEXT_DAYS",
        "0",
        "days a closed question's text is kept after it closed, then blanked (who asked, who "
        "helped and its topics stay); 0 keeps it",
    ),
)
_NAMES = frozenset(setting.name for setting in SETTINGS)


@dataclass(frozen=True)
class Settings:
    """The validated values. Their defaults live once, in `SETTINGS`: build one with
    `from_env` (or `dataclasses.replace` an existing one), never field by field."""

    bot_token: str = field(repr=False)
    signing_secret: str = field(repr=False)
    app_token: str = field(repr=False)
    api_url: str
    database_url: str = field(repr=False)  # it may hold the database's password
    host: str
    port: int
    log_level: str
    log_format: str
    offers_per_round: int
    offer_minutes: int
    max_open_offers: int
    working_hours: WorkingHours
    client_id: str
    client_secret: str = field(repr=False)
    scopes: tuple[str, ...]
    uninstalled_retention_days: int
    question_text_days: int

    @property
    def secrets(self) -> tuple[str, ...]:
        """What the logs mask: the tokens, and the database's password as the URL writes it
        and as it is sent."""
        password = urlsplit(self.database_url).password or ""
        return (
            self.bot_token,
            self.signing_secret,
            self.app_token,
            self.client_secret,
            password,
            unquote(password),
        )

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    @property
    def oauth(self) -> bool:
        """Workspaces install the app through OAuth and each has its own bot token, kept in
        the database; otherwise one workspace's SLACK_BOT_TOKEN serves every request."""
        return bool(self.client_id)

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        env_file: Path | None = Path(".env"),
        *,
        one_workspace: bool = False,
    ) -> Settings:
        """Environment variables win over `.env`; `.env` wins over defaults. `one_workspace`:
        for an admin command acting on the workspace whose SLACK_BOT_TOKEN it is given, which
        OAuth does not stand in for."""
        values = _environment(environ, env_file)

        def get(name: str) -> str:
            spec = next(s for s in SETTINGS if s.name == name)
            raw = values.get(name, "").strip()
            if raw:
                return raw
            if spec.default is None:
                raise ConfigError(name, f"is missing: set it to {spec.help}")
            return spec.default

        client_id, client_secret = validate.oauth_credentials(
            get("SLACK_CLIENT_ID"), get("SLACK_CLIENT_SECRET")
        )
        return cls(
            bot_token=validate.bot_token(
                values.get("SLACK_BOT_TOKEN", "").strip(), bool(client_id), one_workspace
            ),
            signing_secret=get("SLACK_SIGNING_SECRET"),
            app_token=validate.token(
                get("SLACK_APP_TOKEN"), "SLACK_APP_TOKEN", "xapp-", optional=True
            ),
            api_url=validate.api_url(get("SLACK_API_URL")),
            database_url=normalise_database_url(get("ASKAROUND_DATABASE_URL")),
            host=get("ASKAROUND_HOST"),
            port=validate.port(get("ASKAROUND_PORT")),
            log_level=validate.log_level(get("ASKAROUND_LOG_LEVEL")),
            log_format=validate.choice(
                get("ASKAROUND_LOG_FORMAT"), "ASKAROUND_LOG_FORMAT", ("text", "json")
            ),
            offers_per_round=validate.count(
                get("ASKAROUND_OFFERS_PER_ROUND"), "ASKAROUND_OFFERS_PER_ROUND"
            ),
            offer_minutes=validate.count(get("ASKAROUND_OFFER_MINUTES"), "ASKAROUND_OFFER_MINUTES"),
            max_open_offers=validate.count(
                get("ASKAROUND_MAX_OPEN_OFFERS"), "ASKAROUND_MAX_OPEN_OFFERS"
            ),
            working_hours=validate.working_hours(get("ASKAROUND_WORKING_HOURS")),
            client_id=client_id,
            client_secret=client_secret,
            scopes=validate.scopes(get("SLACK_SCOPES")),
            uninstalled_retention_days=validate.count(
                get("ASKAROUND_UNINSTALLED_RETENTION_DAYS"), "ASKAROUND_UNINSTALLED_RETENTION_DAYS"
            ),
            question_text_days=validate.days(
                get("ASKAROUND_QUESTION_TEXT_DAYS"), "ASKAROUND_QUESTION_TEXT_DAYS"
            ),
        )


# Slack's credentials: the commands that only touch the database neither need nor read them.
_SLACK_CREDENTIALS = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
)


def database_settings(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> Settings:
    """Settings for the commands that only touch the database: every value is read and
    validated as usual except Slack's credentials, which stay empty whatever is set."""
    values = _environment(environ, env_file)
    offline = {k: v for k, v in values.items() if k not in _SLACK_CREDENTIALS}
    stand_ins = {"SLACK_BOT_TOKEN": "xoxb-", "SLACK_SIGNING_SECRET": "-"}
    return replace(Settings.from_env(offline | stand_ins, None), bot_token="", signing_secret="")


def database_url_from_env(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> str:
    """ASKAROUND_DATABASE_URL alone, for the admin commands that need nothing else."""
    raw = _environment(environ, env_file).get("ASKAROUND_DATABASE_URL", "").strip()
    return normalise_database_url(raw or DEFAULT_DATABASE_URL)


def unknown_settings(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> list[str]:
    """One line for each variable that looks meant for askaround but is none of its settings
    (`ASKAROUND_DATABASE`), with the one most likely meant: such a variable is ignored, and
    a mistyped database URL left the bot on `askaround.db` in its working folder, saying
    nothing. Looked for among the environment's `ASKAROUND_…` variables (not the test
    suite's `ASKAROUND_TEST_…`) and the `.env` file's `ASKAROUND_…` and `SLACK_…` ones (the
    file may hold others', `POSTGRES_PASSWORD` for compose)."""
    from difflib import get_close_matches

    given = os.environ if environ is None else environ
    names = {n for n in given if n.startswith("ASKAROUND_") and not n.startswith("ASKAROUND_TEST_")}
    if env_file is not None and env_file.is_file():
        names |= {
            n for n in dotenv_values(env_file) if n.upper().startswith(("ASKAROUND_", "SLACK_"))
        }
    lines = []
    for name in sorted(names - _NAMES):
        meant = get_close_matches(name.upper(), sorted(_NAMES), n=1, cutoff=0.6)
        guess = f" (did you mean {meant[0]}?)" if meant else ""
        lines.append(f"{name} is not a setting askaround reads{guess}: it is ignored")
    return lines


def _environment(environ: Mapping[str, str] | None, env_file: Path | None) -> dict[str, str]:
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    given = os.environ if environ is None else environ
    values.update({name: _unquoted(given[name]) for name in _NAMES if name in given})
    return values


def _unquoted(value: str) -> str:
    """A value in matching quotes is what they hold: `docker run --env-file` passes
    `KEY="value"` on with its quotes, where dotenv (a `.env` here) and systemd take them off."""
    text = value.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return value
