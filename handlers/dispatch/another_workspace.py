"""A request Slack sends for another workspace than the one askaround runs for with its bot
token (no OAuth): the app installed in a second workspace while one askaround serves the first.

Bolt's one-workspace authorization asks Slack whose the token is (`auth.test`) and hands it to
every request, whatever workspace the request is for: a mention there was greeted with this
workspace's token in a channel it cannot see, a reaction made this workspace's settings, a
DM's sender was looked up here, and that workspace removing the app was stored as a workspace
removed. Such a request is acked and nothing is done: a command is told that askaround is not
installed there, and the first one from each such workspace is logged as a WARNING for whoever
runs askaround (the same workspace's later ones at INFO, as it may send every message).

The workspace a request is for is the one Slack names: an event's `authorizations` (in a
channel shared with another organisation, the envelope's `team_id` is the sender's side), a
form's `view.app_installed_team_id`, an interaction's `team`, a command's `team_id`. An
org-wide install's request names the organisation in `authorizations` and the workspace in the
envelope's `team_id` or, an interaction's, in `user.team_id` (`team` null), and acts in this
workspace when it is this one (tests/e2e/test_org_wide_requests.py); one that names no
workspace at all (an org-wide uninstall, `handlers.surfaces.uninstalls`) goes on."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("askaround.another_workspace")

# What a command typed there is answered.
NOT_HERE = "askaround is not installed in this workspace: it runs for another one."

# Workspaces already logged as a WARNING, a bounded few: a second install sends every event.
_WARNED_AT_MOST = 1000


def installation_named(body: dict[str, Any]) -> str | None:
    """The workspace whose installation Slack sends `body` to; None when it names none."""
    authorizations = body.get("authorizations")
    if isinstance(authorizations, list) and authorizations:
        first = authorizations[0]
        if not first.get("is_enterprise_install"):
            return _text(first.get("team_id"))
    view, team, user = body.get("view"), body.get("team"), body.get("user")
    if isinstance(view, dict) and _text(view.get("app_installed_team_id")):
        return _text(view["app_installed_team_id"])
    if isinstance(team, dict):
        return _text(team.get("id"))
    if team is None and isinstance(user, dict):  # an org-wide install's: the person's
        return _text(user.get("team_id"))
    if body.get("is_ext_shared_channel"):
        return None
    return _text(body.get("team_id"))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


class AnotherWorkspace:
    """Tells a request for another workspace than this bot's, and logs it."""

    def __init__(self) -> None:
        self._warned: set[str] = set()

    def elsewhere(self, body: dict[str, Any], ours: str) -> str | None:
        """The workspace `body` is for when it is not `ours`, logged; None when it is ours or
        names none."""
        named = installation_named(body)
        if named is None or named == ours:
            return None
        first = named not in self._warned and len(self._warned) < _WARNED_AT_MOST
        if first:
            self._warned.add(named)
        log.log(
            logging.WARNING if first else logging.INFO,
            "a request for workspace %s, where askaround is not installed (it runs for %s "
            "alone, with its bot token): acked, nothing done",
            named,
            ours,
        )
        return named
