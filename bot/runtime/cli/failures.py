"""The one place a CLI failure becomes one line and an exit code.

Each failure a person can cause (a setting, a database that does not answer, Slack out of
reach or refusing the token, a missing file) is matched by its exception type and said in
their words; `askaround --debug …` prints the traceback as well. Anything not matched is a
bug: it still gets one line, naming the exception and `--debug`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.errors import AskaroundError, ConfigError
from bot.reliability.delivery import TOKEN_REFUSED

if TYPE_CHECKING:
    from slack_sdk.errors import SlackApiError

EXIT_FAILED = 1
EXIT_CONFIG = 2
EXIT_USAGE = 2  # argparse's: a command line that does not parse
EXIT_INTERRUPTED = 130  # what a shell reports of a program Ctrl-C stopped
# Standard output closed by its reader (`askaround export … | head`): what a shell reports of
# a program SIGPIPE stopped, so `set -o pipefail` still knows the output was cut short.
EXIT_PIPE_CLOSED = 141


class UsageError(AskaroundError):
    """A command line that parsed but asks for something out of range; exit 2, as argparse's."""


class DatabaseUnavailable(AskaroundError):
    """The database could not be opened or brought up to date (`cli/database.py` raises it)."""

    def __init__(
        self, url: str, error: BaseException, doing: str = "open the database", hint: str = ""
    ) -> None:
        from sqlalchemy.engine import make_url

        where = make_url(url).render_as_string(hide_password=True)
        said = f"cannot {doing} {where}: {reason(error)}"
        super().__init__(f"{said}; {hint}" if hint else said)


def reason(error: BaseException) -> str:
    """The first line of what went wrong, without SQLAlchemy's wrapping or `[Errno N]`."""
    inner = getattr(error, "orig", None) or error
    if isinstance(inner, OSError) and inner.strerror and inner.filename:
        return f"{inner.strerror}: {inner.filename}"
    text = str(inner).strip() or type(inner).__name__
    return re.sub(r"^\[Errno -?\d+\] ", "", text.splitlines()[0])


def one_line(error: BaseException) -> tuple[str, int]:
    """The message (without the `askaround: ` prefix) and the exit code for `error`."""
    if isinstance(error, ConfigError):
        return str(error), EXIT_CONFIG
    if isinstance(error, UsageError):
        return str(error), EXIT_USAGE
    if isinstance(error, AskaroundError):
        return str(error), EXIT_FAILED
    # Imported here: a command that fails in its own words (above) needs none of them.
    import aiohttp
    from slack_sdk.errors import SlackApiError
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(error, SlackApiError):
        return _slack_refused(error)
    if isinstance(error, aiohttp.ClientConnectorError):
        where = f"{error.host}:{error.port}"
        return f"cannot reach Slack at {where} (SLACK_API_URL): {reason(error.os_error)}", 1
    if isinstance(error, aiohttp.ClientError | TimeoutError):
        return f"Slack did not answer: {reason(error)}", EXIT_FAILED
    if isinstance(error, SQLAlchemyError):
        return f"the database failed: {reason(error)}", EXIT_FAILED
    if isinstance(error, OSError):
        return reason(error), EXIT_FAILED
    unexpected = f"{type(error).__name__}: {reason(error)}"
    return f"unexpected {unexpected} (run `askaround --debug …` for the traceback)", EXIT_FAILED


def _slack_refused(error: SlackApiError) -> tuple[str, int]:
    from handlers.client.failures import error_code

    code = error_code(error) or f"HTTP {error.response.status_code}"
    method = str(error.response.api_url).rstrip("/").rsplit("/", 1)[-1]
    if method == "apps.connections.open" and code in TOKEN_REFUSED:
        return (
            f"Slack refused SLACK_APP_TOKEN ({code}): set it to a valid app-level token "
            "(connections:write)",
            EXIT_CONFIG,
        )
    if code in TOKEN_REFUSED:
        return f"Slack refused SLACK_BOT_TOKEN ({code}): set it to a valid bot token", EXIT_CONFIG
    return f"Slack answered {method} with {code}", EXIT_FAILED
