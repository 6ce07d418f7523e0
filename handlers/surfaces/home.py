"""The App Home tab, assembled from one section per feature.

A section is `async (services, team_id, user_id) -> blocks`; features add theirs to
`HOME_SECTIONS`, so the tab grows without this module knowing each feature. A change the tab
shows asks for a rebuild through the outbox (`bot.home.changed`), which renders it here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services
from handlers.blocks.elements import Blocks, render_home_intro
from handlers.client.directory import profile_from_slack
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of
from handlers.surfaces.kudos_home import kudos_home_section
from handlers.surfaces.skills_home import profile_section

HomeSection = Callable[[Services, str, str], Awaitable[Blocks]]
HOME_BLOCK_LIMIT = 100


async def intro_section(services: Services, team_id: str, user_id: str) -> Blocks:
    return render_home_intro(await services.people.home(team_id, user_id))


HOME_SECTIONS: tuple[HomeSection, ...] = (intro_section, profile_section, kudos_home_section)


async def render_home(services: Services, team_id: str, user_id: str) -> dict[str, Any]:
    """A person's Home tab as the database has it now."""
    blocks: Blocks = []
    for home_section in HOME_SECTIONS:
        section_blocks = await home_section(services, team_id, user_id)
        if blocks and section_blocks:
            blocks.append({"type": "divider"})
        blocks.extend(section_blocks)
    return {"type": "home", "blocks": blocks[:HOME_BLOCK_LIMIT]}


def register(router: Router, services: Services) -> None:
    @router.event("app_home_opened")
    async def home_opened(event: dict[str, Any], client: AsyncWebClient, context: Any) -> None:
        """The tab is published by the outbox (`handlers.outbox.home`)."""
        if event.get("tab") != "home":
            return
        info = await client.users_info(user=event["user"])
        profile = profile_from_slack(info["user"])
        await services.people.opened_home(workspace_of(context), profile, services.clock.now())
