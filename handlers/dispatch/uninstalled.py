"""A request for a workspace that removed the app (OAuth mode), logged as what it is.

Slack may still send one after `app_uninstalled`, or after `tokens_revoked` for the bot
token (which may come first, or alone): a retry of an event it sent before, a button pressed
in a message the bot left there. Its installation is gone, so Bolt answers it
`NOT_INSTALLED` and logs an ERROR that the installation "was not found", as for a workspace
askaround was never installed in, which is a misconfiguration worth paging for. For a
workspace stored as having removed the app (`workspaces.uninstalled_at`, or its bot token
revoked: `bot_revoked_at`; a user token's revocation is none) that ERROR is dropped and one
INFO line says which workspace and since when; any other keeps Bolt's ERROR. Only a request
Bolt found no installation for reads the database again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.logger import get_bolt_logger
from slack_bolt.middleware.authorization.async_multi_teams_authorization import (
    AsyncMultiTeamsAuthorization,
)

from handlers.dispatch.own_organisation import OwnOrganisation

log = logging.getLogger("askaround.uninstalled")

# Set on a slash command's context before it is authorized (`home_workspace`): one Bolt
# finds no installation for is told so in its own response, not through its response_url.
COMMAND = "askaround_command"

# Bolt's ERROR for a request with no installation (`AsyncMultiTeamsAuthorization`).
NOT_FOUND = "Although the app should be installed into this workspace"

# Set by the authorizer for the request it answers, read by the filter of the ERROR Bolt logs
# right after (no await between them): this request's workspace removed the app.
_LEFT: ContextVar[bool] = ContextVar("askaround_workspace_left", default=False)


class QuietWhenUninstalled(OwnOrganisation):
    """Bolt's authorizer for OAuth mode, which, finding no installation for a workspace
    stored as having removed the app (`removed_at`: uninstalled, or its bot token revoked),
    logs it at INFO and has Bolt's ERROR dropped."""

    def __init__(
        self, removed_at: Callable[[str], Awaitable[datetime | None]], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._removed_at = removed_at
        get_bolt_logger(AsyncMultiTeamsAuthorization).addFilter(_EXPECTED)

    async def looked_up(
        self, team_id: str | None, found: AuthorizeResult | None, context: AsyncBoltContext
    ) -> None:
        """A slash command with no installation loses its response_url, so that Bolt answers
        it "not installed" in its response, which Slack shows the person: Bolt posted that
        to the response_url instead, and when the post failed the person read nothing (a
        dropped connection answered Slack 500, which Slack shows as the command failing)."""
        if found is None and context.get(COMMAND):
            context.pop("response_url", None)
        left = found is None and team_id is not None
        at = await self._removed_at(team_id) if left and team_id else None
        _LEFT.set(at is not None)
        if at is not None:
            log.info(
                "A request for workspace %s, which uninstalled askaround (or revoked its bot "
                "token) at %s, was answered that askaround is not installed there",
                team_id,
                at.isoformat(timespec="seconds"),
            )


class _Expected(logging.Filter):
    """Drops Bolt's ERROR for a request whose workspace removed the app, said at INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _LEFT.get() and record.getMessage().startswith(NOT_FOUND):
            _LEFT.set(False)
            return False
        return True


_EXPECTED = _Expected()
