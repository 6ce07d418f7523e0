"""Which installation handles a request when Slack names another than the one it is for:
an event in a channel shared by two organisations that both installed askaround (Slack
Connect, OAuth mode) is the person's own workspace's, whichever side Slack names in
`authorizations` (`handlers.dispatch.workspace`); a press on the Home tab in an Enterprise
Grid organisation that installed askaround in several workspaces is the one's whose data
the tab shows, whichever `view.app_installed_team_id` names."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.installations import Installations
from bot.people import IN_MEMORY_PEOPLE, STORED_FOR, PeopleService
from bot.recent import Recent
from handlers.client.directory import described, home_of
from handlers.dispatch.uninstalled import COMMAND
from handlers.dispatch.workspace import home_team


def act_for_members_workspace(
    installations: Installations, people: PeopleService, now: Callable[[], datetime]
) -> Callable[..., Awaitable[BoltResponse | None]]:
    """Bolt's `before_authorize`: an event in a channel shared with another organisation
    (`is_ext_shared_channel`) whose person's home workspace is not the installation Slack
    named, but has one of its own, is handled as that workspace's (its token, its data). A
    mention may name the person's Enterprise Grid organisation instead of their workspace
    (`user_team` an `E…` id): its one installed workspace acts for them
    (`Installations.acting_for`). A press on the Home tab is the workspace's whose data it
    shows (`_home_shown_for`). A slash command is marked as one (`uninstalled.COMMAND`)."""
    homes: Recent[tuple[str, str], str] = Recent(now, IN_MEMORY_PEOPLE)

    async def act_for_members_workspace(
        req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        body = req.body
        if body.get("command"):
            req.context[COMMAND] = True  # answered in its response if not installed
        event = body.get("event")
        named = req.context.team_id
        shown_for = _home_shown_for(body)
        if shown_for and named and shown_for != named:
            acting = await installations.acting_for(shown_for)
            if acting is not None and acting[1] and acting[1] == req.context.enterprise_id:
                req.context["team_id"], req.context["enterprise_id"] = acting
        elif body.get("is_ext_shared_channel") and isinstance(event, dict) and named:
            home = (
                home_team(event)
                or home_team(_changed_message(event))
                or await _reactors_home(req, installations, people, homes, event)
            )
            acting = await installations.acting_for(home) if home and home != named else None
            if acting is not None:
                req.context["team_id"], req.context["enterprise_id"] = acting
        return await next()

    return act_for_members_workspace


def _home_shown_for(body: dict[str, Any]) -> str | None:
    """The workspace whose Home tab was pressed on, when the view names another as its
    installation (`view.app_installed_team_id`, which Bolt reads first). An Enterprise Grid
    organisation that installed askaround in several workspaces shows a person one Home tab
    across them, and Slack names there the first to install it, wherever the person pressed
    (slackapi/bolt-python#1229): the press acted in that workspace, with its data. The tab
    shows the data of whichever workspace published it last, which it names
    (`private_metadata`, `handlers.blocks.home.render_home`); one published before it
    named any is taken as the workspace it was pressed in (`team.id`). Only a workspace
    installed under the same organisation as the one named acts instead (checked by the
    caller), so a Home tab never acts across organisations."""
    view, team = body.get("view"), body.get("team")
    if not isinstance(view, dict) or view.get("type") != "home":
        return None
    shown = view.get("private_metadata")
    if not (isinstance(shown, str) and shown):
        shown = team.get("id") if isinstance(team, dict) else None
    if isinstance(shown, str) and shown and shown != view.get("app_installed_team_id"):
        return shown
    return None


def _changed_message(event: dict[str, Any]) -> dict[str, Any]:
    """The message an edit or a deletion (`message_changed`, `message_deleted`) is about: such
    an event names no person of its own, and what it changes (a question's words, a quoted
    message) is its author's, stored in the author's workspace."""
    message = event.get("previous_message") or event.get("message")
    return message if isinstance(message, dict) else {}


async def _reactors_home(
    req: AsyncBoltRequest,
    installations: Installations,
    people: PeopleService,
    homes: Recent[tuple[str, str], str],
    event: dict[str, Any],
) -> str | None:
    """The home workspace of who reacted to a message, when not the one Slack named: a
    reaction names no team of the reactor's (a `:kudos:` would go to the named side's
    ledger, the reactor taken for its guest). Someone stored as the named side's person is
    its own (askaround stores only its own people); anyone else is as `users.info`, asked
    with the named side's token, describes them (`home_of`, as kudos decides who is a
    guest), kept in `homes` for a day ("" for the named side's own): one call before the
    ack, not one for each reaction."""
    reactor, named = event.get("user"), str(req.context.team_id)
    item = event.get("item")
    if event.get("type") != "reaction_added" or not isinstance(reactor, str):
        return None
    if not isinstance(item, dict) or item.get("type") != "message":
        return None
    kept = homes.get((named, reactor))
    if kept is not None:
        return kept or None
    if (await people.known(named, {reactor})).get(reactor) is not None:
        return None
    token = await installations.bot_token(named)
    if token is None:
        return None
    client = req.context.client
    client.token = token  # this request's own client, as Bolt's authorize sets it next
    user = await described(client, reactor)
    if user is None:
        return None
    home = home_of(user, named)
    homes.put((named, reactor), home or "", STORED_FOR)
    return home
