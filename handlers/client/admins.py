"""Whether Slack says a person is a workspace admin or owner: one of the facts
`bot.visibility.is_admin` decides from."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.client.failures import is_transient


async def slack_admin(client: AsyncWebClient, user_id: str) -> bool:
    """users.info's is_admin or is_owner; a person Slack will not describe is not one."""
    try:
        user = (await client.users_info(user=user_id))["user"]
    except SlackApiError as error:
        if is_transient(error):
            raise
        return False
    return bool(user.get("is_admin") or user.get("is_owner"))
