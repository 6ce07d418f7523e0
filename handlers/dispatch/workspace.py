"""Which workspace a request acts in: the one Bolt authorised it for, never a field of the body.

A payload names teams in several places that need not agree: in a channel shared with
another organisation (Slack Connect) `user.team_id`, an event's `team` and `user_team` are the
person's home workspace, while `team.id` (or the event's authorizations) is the workspace
that installed the app, whose token Bolt picked. Reading or writing in the person's home
workspace through this workspace's token would mix two customers' data, so every listener
asks here.

When both organisations of a shared channel installed askaround (OAuth mode), Slack sends the
channel's events once, naming in `authorizations` one installation the event is visible to,
either side's. `handlers.dispatch.home_workspace` makes Bolt act for the person's own
workspace when it has an installation, before Bolt picks the token: a member is then never
taken for a guest of the other side. Someone whose organisation has none stays a guest
(`from_elsewhere`; one Slack describes, `handlers.client.directory.member_elsewhere`).
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


def from_elsewhere(payload: dict[str, Any], context: Any, *, shared: bool) -> bool:
    """Whether the person behind an event or an interaction is a guest from another
    organisation, in a channel `shared` with it (Slack Connect). They can mention the bot
    there, but they are in none of this workspace's directory, and routing for them would
    DM this workspace's people for a stranger and show them who knows what. Their home
    workspace is an event's `user_team` (or `source_team`, `team`), a payload's `user.team_id`;
    only a shared channel is asked, as Slack's documented examples name teams that disagree.
    In an Enterprise Grid organisation Slack may name their home otherwise: an `app_mention`
    names the organisation itself (`user_team` an `E…` id), an interaction the one workspace
    of it they call home (`user.team_id`), with the organisation in `enterprise`. Someone of
    this workspace's own organisation is no guest from another one (who of it may ask is
    `members_only`'s, from their profile)."""
    if not shared:
        return False
    home = home_team(payload)
    ours = {workspace_of(context), organisation_of(context)} - {None}
    return bool(home) and home not in ours and actors_organisation(payload) not in ours


def actors_organisation(payload: dict[str, Any]) -> str | None:
    """The Enterprise Grid organisation an interaction names as its person's (`enterprise`);
    an event names none of its own."""
    enterprise = payload.get("enterprise")
    org = enterprise.get("id") if isinstance(enterprise, dict) else None
    return org if isinstance(org, str) and org else None


def organisation_of(context: Any) -> str | None:
    """The Enterprise Grid organisation of the installation this request runs with, if any:
    as the installation says, never the payload (an interaction's `enterprise` is its
    person's organisation, in a shared channel another one)."""
    result = context.authorize_result
    org = result.enterprise_id if result is not None else None
    return str(org) if org else None


def home_team(payload: dict[str, Any]) -> str | None:
    """The person's home workspace as an event (`user_team`, or `source_team`, `team`) or an
    interaction (`user.team_id`) names it; None when it names none."""
    user = payload.get("user")
    if isinstance(user, dict):
        home = user.get("team_id")
    else:
        home = payload.get("user_team") or payload.get("source_team") or payload.get("team")
    return home if isinstance(home, str) and home else None


def by_askaround(message: dict[str, Any], context: Any) -> bool:
    """Whether a message is askaround's own (a shout-out, a thread reply): posted by its bot
    user, or with its `bot_id`. Another app's message has a `bot_id` of its own."""
    bot_id = message.get("bot_id")
    return message.get("user") == context.bot_user_id or bool(bot_id and bot_id == context.bot_id)
