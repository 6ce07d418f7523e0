"""Which workspace a request acts in: the one Bolt authorised it for, never a field of the body.

A payload names teams in several places that need not agree: in a channel shared with
another organisation (Slack Connect) `user.team_id`, an event's `team` and `user_team` are the
person's home workspace, while `team.id` (or the event's authorizations) is the workspace
that installed the app, whose token Bolt picked. Reading or writing in the person's home
workspace through this workspace's token would mix two customers' data, so every listener
asks here.
"""

from __future__ import annotations

from typing import Any


class NoWorkspace(LookupError):
    """Bolt authorised the request for no workspace (an org-wide install, which we do not
    support)."""


def workspace_of(context: Any) -> str:
    """The team id of the installation whose token this request runs with."""
    result = context.authorize_result
    team = (result.team_id if result is not None else None) or context.team_id
    if not team:
        raise NoWorkspace("the request was authorised for no workspace")
    return str(team)
