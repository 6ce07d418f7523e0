"""Whether Slack says a person is a workspace admin or owner: one of the facts
`bot.visibility.is_admin` decides from."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot import visibility
from bot.services import Services
from handlers.client.directory import (
    SLACKBOT,
    described,
    heard_of,
    is_guest,
    member_elsewhere,
)
from handlers.client.pages import listed


async def standing(client: AsyncWebClient, team_id: str, user_id: str) -> tuple[bool, bool]:
    """What one users.info says of someone for `visibility.may_configure`: whether they are
    Slack's admin or owner here (`_is_admin`), and whether being named in the settings
    makes them an askaround admin (`nameable`)."""
    user = await described(client, user_id)
    return _is_admin(user, team_id), nameable(user, team_id)


def nameable(user: dict[str, Any] | None, team_id: str) -> bool:
    """`visibility.may_be_named` of a user object from `described`: Slack describes them as
    of this workspace, no guest of it (`is_guest`: one Slack says nothing of either way is
    taken for one), active and no bot."""
    return visibility.may_be_named(
        described=user is not None,
        elsewhere=user is not None and member_elsewhere(user, team_id),
        guest=user is not None and is_guest(user),
        deactivated=bool(user and user.get("deleted")),
        is_bot=bool(user and (user.get("is_bot") or user.get("id") == SLACKBOT)),
    )


async def slack_admin_heard(
    client: AsyncWebClient, services: Services, team_id: str, user_id: str
) -> bool:
    """Whether users.info says they are Slack's admin or owner here (`_is_admin`), and what
    else it said of them stored (`reader_heard`)."""
    return _is_admin(await reader_heard(client, services, team_id, user_id), team_id)


async def reader_heard(
    client: AsyncWebClient, services: Services, team_id: str, user_id: str
) -> dict[str, Any] | None:
    """What users.info says of them now, acted on as a `user_change` is (`heard_of`), for a
    surface whose reader may be a guest of the workspace (a report, a digest, the insights)
    or no longer in it: one made a guest since, or removed from the workspace by their
    Enterprise Grid organisation, whose `user_change` never came, reads as one at once."""
    user = await described(client, user_id)
    if user is not None:
        await heard_of(services, team_id, user)
    return user


def _is_admin(user: dict[str, Any] | None, team_id: str) -> bool:
    """users.info's is_admin or is_owner; a person Slack will not describe is not one.
    Slack's `is_admin` and `is_owner` say so of a person's own workspace: one of another
    organisation in a shared channel may be an admin there, and is nobody here."""
    return (
        user is not None
        and not member_elsewhere(user, team_id)
        and bool(user.get("is_admin") or user.get("is_owner"))
    )


async def slack_admins(client: AsyncWebClient, team_id: str, page_size: int = 200) -> set[str]:
    """Every active workspace admin and owner, paging through users.list (for the monthly
    insights DM, which reaches every admin, not only those with the role)."""
    _, members = await listed(client.users_list, "members", limit=page_size)
    return {
        str(member["id"])
        for member in members
        if _is_admin(member, team_id) and not member.get("deleted")
    }
