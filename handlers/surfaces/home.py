"""The App Home tab, assembled from one section per feature.

A section is `async (services, team_id, user_id) -> blocks`; features add theirs to
`HOME_SECTIONS`, so the tab grows without this module knowing each feature. The tab opens
with the person's own things (their kudos, their open questions, their profile), then their
team's week for a manager, the settings for an admin, and a pointer to `/askaround help` last. A
change the tab shows asks for a rebuild through the outbox (`bot.home.changed`), which
renders it here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bot.digests.summary import TeamSummary
from bot.errors import UserError
from bot.services import Services
from handlers.blocks.elements import Blocks, render_home_intro
from handlers.blocks.home import (
    MANAGER_REPORT_ACTION,
    render_home_manager,
    render_home_questions,
    render_report_modal,
)
from handlers.blocks.workspace_settings import render_admin_home
from handlers.client.admins import reader_heard
from handlers.client.conversations import private_now, unheard
from handlers.client.directory import described, members_only, ours, profile_from_slack
from handlers.dispatch.inbox import forget_refused
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of
from handlers.surfaces.kudos_home import kudos_home_section
from handlers.surfaces.skills_home import profile_section

HomeSection = Callable[[Services, str, str], Awaitable[Blocks]]
HOME_BLOCK_LIMIT = 100


async def intro_section(services: Services, team_id: str, user_id: str) -> Blocks:
    return render_home_intro(await services.people.home(team_id, user_id))


async def questions_section(services: Services, team_id: str, user_id: str) -> Blocks:
    mine = await services.questions.mine(team_id, user_id)
    return render_home_questions(mine.newest, mine.total, mine.waiting)


async def team_week(services: Services, team_id: str, user_id: str) -> TeamSummary | None:
    """This week's summary of the person's team; None when nobody reports to them."""
    try:
        return await services.digests.report(
            team_id, user_id, slack_admin=False, manager_user_id=None, period="this week"
        )
    except UserError:
        return None


async def manager_section(services: Services, team_id: str, user_id: str) -> Blocks:
    summary = await team_week(services, team_id, user_id)
    return render_home_manager(summary) if summary is not None else []


HOME_SECTIONS: tuple[HomeSection, ...] = (
    kudos_home_section,
    questions_section,
    profile_section,
    manager_section,
)


async def admin_section(
    services: Services,
    team_id: str,
    user_id: str,
    slack_admin: bool,
    nameable: bool,
    client: AsyncWebClient | None,
) -> Blocks:
    """The settings in brief; with `client`, each watched channel askaround hears nothing
    in now is said to be so (`unheard`)."""
    settings = services.workspace_settings
    if not await settings.is_admin(team_id, user_id, slack_admin=slack_admin, nameable=nameable):
        return []
    now = await settings.current(team_id)
    known = services.conversations.of(team_id)
    why = await unheard(client, now.watched_channels, known) if client is not None else None
    return render_admin_home(now, why)


async def render_home(
    services: Services,
    team_id: str,
    user_id: str,
    *,
    slack_admin: bool = False,
    nameable: bool = False,
    client: AsyncWebClient | None = None,
) -> dict[str, Any]:
    """A person's Home tab as the database has it now; `slack_admin` and `nameable` are what
    Slack says of them (`handlers.client.admins.standing`), facts that decide whether they
    see the settings, and `client` asks it of the watched channels. Its `private_metadata`
    names the workspace whose data it shows: in an Enterprise Grid organisation that
    installed askaround in several workspaces a person has one Home tab across them, and a
    press on it is that workspace's (`handlers.dispatch.home_workspace`)."""
    parts = [await home_section(services, team_id, user_id) for home_section in HOME_SECTIONS]
    parts.append(await admin_section(services, team_id, user_id, slack_admin, nameable, client))
    parts.append(await intro_section(services, team_id, user_id))
    blocks: Blocks = []
    for section_blocks in parts:
        if blocks and section_blocks:
            blocks.append({"type": "divider"})
        blocks.extend(section_blocks)
    return {"type": "home", "blocks": blocks[:HOME_BLOCK_LIMIT], "private_metadata": team_id}


def register(router: Router, services: Services) -> None:
    @router.action(MANAGER_REPORT_ACTION)
    async def manager_report(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: Any
    ) -> None:
        """The Home tab's *Full report*: `/kudos report` of the week the tab shows (its
        button's value), in a modal; a tab left open past the manager's Monday midnight
        still sums up the week before."""
        await ack()
        team, user = workspace_of(context), str(body["user"]["id"])
        # A guest from another organisation has no Home tab, but a click is only a payload:
        # refused as `/kudos report` refuses them, their request kept nowhere.
        await members_only(client, services, team, user)
        await reader_heard(client, services, team, user)  # a guest since: counts alone
        week = str(body["actions"][0].get("value") or "this week")
        summary = await services.digests.report(
            team,
            user,
            slack_admin=False,
            manager_user_id=None,
            period=week,
            private_now=private_now(client, services.conversations.of(team)),
        )
        await client.views_open(trigger_id=body["trigger_id"], view=render_report_modal(summary))

    @router.event("app_home_opened")
    async def home_opened(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        """The tab is published by the outbox (`handlers.outbox.home`)."""
        if event.get("tab", "home") != "home":  # no tab named: the app's Home was opened
            return
        user = await described(client, event["user"])
        if user is None or not await ours(services, workspace_of(context), user):
            # Someone Slack says is nobody, or a member of another organisation (Slack
            # Connect): no Home to publish, and nothing of them kept, not even in the inbox.
            await forget_refused(services, context)
            return
        profile = profile_from_slack(user)
        await services.people.opened_home(workspace_of(context), profile, services.clock.now())
