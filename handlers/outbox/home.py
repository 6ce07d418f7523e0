"""The Home tab's delivery from the outbox: rendered from the database when it is sent, so a
publish that waited (a 429, a retry) shows the latest state, and `views.publish` replacing the
whole tab makes a repeated publish harmless."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.home import HOME_PUBLISH
from bot.services import Services
from handlers.client.admins import standing
from handlers.surfaces.home import render_home


async def publish(
    client: AsyncWebClient, services: Services, team_id: str, payload: dict[str, Any]
) -> None:
    user_id = str(payload["user_id"])
    admin, nameable = await standing(client, team_id, user_id)
    view = await render_home(services, team_id, user_id, slack_admin=admin, nameable=nameable)
    await client.views_publish(user_id=user_id, view=view)


DELIVERIES = {HOME_PUBLISH: publish}
