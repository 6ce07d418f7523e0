"""The errors askaround raises on purpose.

Services raise one of these; handlers turn a `UserError` into a friendly ephemeral reply and
the CLI turns a `ConfigError` into one line and exit code 2. Anything else is a bug and is
logged with its traceback by the app's single error handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Self


class AskaroundError(Exception):
    """Base class, so callers can tell our deliberate errors from bugs."""


class ConfigError(AskaroundError):
    """A setting is missing or malformed; the message names the variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable} {problem}")
        self.variable = variable


class UserError(AskaroundError):
    """Something a person asked for cannot be done; the message is shown to them as is, but
    for `names`: names of people as their profiles have them (anyone may type anything
    there), which stand in the message for each `{}`. Whoever shows it puts them in as its
    medium needs (`told`): as words in Slack's mrkdwn, as they are in plain text (a form's
    error, the CLI, `str`). `in_thread`: the thread (its parent's ts) of what was acted on,
    where the message is shown; a request that names none (a reaction) has it set by its
    listener once read."""

    in_thread: str | None = None

    def __init__(self, message: str, *, names: tuple[str, ...] = ()) -> None:
        super().__init__(message.format(*names) if names else message)
        self.template, self.names = message, names

    def told_in(self, thread: str | None) -> Self:
        """This, to be shown in `thread` (`in_thread`)."""
        self.in_thread = thread
        return self

    def told(self, name: Callable[[str], str]) -> str:
        """The message with each name shown as `name` shows it."""
        return self.template.format(*map(name, self.names)) if self.names else str(self)


# For someone askaround stored who left the workspace since (`bot.people.gone`): removed from
# it by their Enterprise Grid organisation, which keeps them in its other workspaces.
NO_LONGER_MEMBER = (
    "I'm only for the people of this workspace, and you're no longer one of them, so I "
    "can't do that for you."
)


class NotAMember(UserError):
    """Who acts is not known to be one of this workspace's people: a guest from another
    organisation (Slack Connect), someone Slack will not describe, or someone who left it
    (`NO_LONGER_MEMBER`). Their request is refused
    whole, and its words are kept nowhere, not even in the inbox of requests
    (`handlers.dispatch.friendly`)."""


class KudosRefused(UserError):
    """A kudos rule said no. `field` names the modal input it is about (recipients, reason,
    values), so a modal can show the message next to that input instead of closing."""

    def __init__(
        self, message: str, field: str | None = None, *, names: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message, names=names)
        self.field = field


class UnknownValue(KudosRefused):
    """A kudos tag that is no current company value; `tag` lets the service say more once it
    has read the retired ones."""

    def __init__(self, tag: str, message: str) -> None:
        super().__init__(message, "values")
        self.tag = tag


class KudosNotAMember(KudosRefused, NotAMember):
    """Kudos, or a kudos form, refused to who acts as `NotAMember`."""
