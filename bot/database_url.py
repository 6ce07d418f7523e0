"""ASKAROUND_DATABASE_URL as people paste it, made the URL of an async driver.

`postgresql://`, `postgres://`, libpq's `sslmode=require` and `sqlite:///` are accepted and
become asyncpg's and aiosqlite's; what the driver would refuse only on its first connection
is refused at start-up, naming the setting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.errors import ConfigError
from bot.safe_text import quoted

# libpq's `sslmode` (what managed PostgreSQL services print) is asyncpg's `ssl`.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
# What asyncpg.connect takes as text from a URL's query (SQLAlchemy passes the query on as
# keyword arguments); anything else failed on the first connection as a TypeError.
_ASYNCPG_QUERY = frozenset(
    {"ssl", "target_session_attrs", "passfile", "service", "servicefile", "krbsrvname", "gsslib"}
)
# libpq's certificate settings in a URL: asyncpg reads them from the environment instead.
_FROM_ENVIRONMENT = {"sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY"}
_PASSWORD = re.compile(r"(//[^/:@]*:)[^/@]*@")
_URL_SHAPE = "sqlite:///askaround.db or postgresql://user:password@host:5432/database"


def normalise_database_url(value: str) -> str:
    """Accept the URLs people paste (`postgresql://`, `postgres://`, `sslmode=require`,
    `sqlite:///`) and pick the async driver."""
    # Imported here, not above: `askaround --help` and the settings of the Slack side need
    # none of SQLAlchemy (0.3 s to import).
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(value)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        shown = _PASSWORD.sub(r"\1***@", value)
        said = f"is malformed: {quoted(shown, one_line=True)} is not like {_URL_SHAPE}"
        if "://" not in value and value.strip().isprintable():  # a file's path, as it is
            said += f" (a file is named sqlite:///{value.strip()})"
        raise ConfigError("ASKAROUND_DATABASE_URL", said) from None
    if url.host and "@" in url.host:
        # `user:p@ss@host`: the password's "@" ended it, and the rest read as the host (and
        # was shown as such, half the password with it, when it could not be reached).
        raise ConfigError(
            "ASKAROUND_DATABASE_URL",
            "is malformed: an “@” in its password (or user name) ends it early: write it as "
            "%40, as in postgresql://user:p%40ss@host/database",
        )
    backend = url.get_backend_name()
    if backend == "sqlite" and url.host:
        # `sqlite://askaround.db` reads the name as a host, and the database as in memory.
        raise ConfigError(
            "ASKAROUND_DATABASE_URL",
            f"is malformed: {quoted(value, one_line=True)} puts the file where a host goes: "
            f"a file takes three slashes, sqlite:///{value.strip().split('://', 1)[1]}",
        )
    if backend == "sqlite":
        url = url.set(drivername="sqlite+aiosqlite")
    elif backend in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+asyncpg", query=_asyncpg_query(url.query))
    else:
        raise ConfigError(
            "ASKAROUND_DATABASE_URL",
            f"uses {quoted(backend, one_line=True)}; only sqlite and postgresql are supported",
        )
    return url.render_as_string(hide_password=False)


def _asyncpg_query(query: Mapping[str, str | tuple[str, ...]]) -> dict[str, str]:
    """A PostgreSQL URL's query as asyncpg takes it: `sslmode` becomes `ssl`; what asyncpg
    does not take is refused, naming what to do instead."""
    taken: dict[str, str] = {}
    for key, value in query.items():
        text = value if isinstance(value, str) else ",".join(value)
        if key == "sslmode":
            if text not in SSL_MODES:
                raise ConfigError(
                    "ASKAROUND_DATABASE_URL",
                    f"is malformed: sslmode {quoted(text, one_line=True)} is not one of "
                    f"{', '.join(SSL_MODES)}",
                )
            key = "ssl"
        elif key in _FROM_ENVIRONMENT:
            raise ConfigError(
                "ASKAROUND_DATABASE_URL",
                f"is malformed: {key} is not taken in the URL: set {_FROM_ENVIRONMENT[key]} in "
                "the environment instead",
            )
        elif key not in _ASYNCPG_QUERY:
            raise ConfigError(
                "ASKAROUND_DATABASE_URL",
                f"is malformed: {key} is not taken in the URL (it takes sslmode and "
                f"{', '.join(sorted(_ASYNCPG_QUERY - {'ssl'}))})",
            )
        taken[key] = text
    return taken
