"""The Home tab's delivery from the outbox: rendered from the database when it is sent, so a
publish that waited (a 429, a retry) shows the latest state, and `views.publish` replacing the
whole tab makes a repeated publish harmless."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.home import HOME_PUBLISH
from bot.services import Services
from handlers.blocks.home import render_home_refused
from handlers.client.admins import standing
from handlers.client.failures import error_code, explained
from handlers.surfaces.home import render_home

log = logging.getLogger("askaround.outbox")
# Slack refusing the view itself: built again from the same data, it is refused again.
VIEW_REFUSED = frozenset({"invalid_blocks", "invalid_arguments"})


async def publish(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    """The person's Home tab; one Slack refuses is replaced by a short one saying so and
    where their things are (`render_home_refused`), rather than left as Slack last kept it,
    out of date, or empty. Refused that too, the delivery fails as any other."""
    user_id = str(payload["user_id"])
    admin, nameable = await standing(client, team_id, user_id)
    view = await render_home(
        services, team_id, user_id, slack_admin=admin, nameable=nameable, client=client
    )
    try:
        await client.views_publish(user_id=user_id, view=view)
    except SlackApiError as refused:
        if error_code(refused) not in VIEW_REFUSED:
            raise
        await client.views_publish(user_id=user_id, view=render_home_refused())
        log.warning(
            "Slack refused the Home tab of %s in workspace %s (%s); a short one saying so "
            "was published instead",
            user_id,
            team_id,
            explained(refused),
        )


DELIVERIES = {HOME_PUBLISH: publish}
