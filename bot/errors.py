"""The errors askaround raises on purpose.

Services raise one of these; handlers turn a `UserError` into a friendly ephemeral reply and
the CLI turns a `ConfigError` into one line and exit code 2. Anything else is a bug and is
logged with its traceback by the app's single error handler.
"""


class AskaroundError(Exception):
    """Base class, so callers can tell our deliberate errors from bugs."""


class ConfigError(AskaroundError):
    """A setting is missing or malformed; the message names the variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable} {problem}")
        self.variable = variable


class UserError(AskaroundError):
    """Something a person asked for cannot be done; the message is shown to them as is."""


class KudosRefused(UserError):
    """A kudos rule said no. `field` names the modal input it is about (recipients, reason,
    values), so a modal can show the message next to that input instead of closing."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class UnknownValue(KudosRefused):
    """A kudos tag that is no current company value; `tag` lets the service say more once it
    has read the retired ones."""

    def __init__(self, tag: str, message: str) -> None:
        super().__init__(message, "values")
        self.tag = tag
