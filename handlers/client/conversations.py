"""What we ask Slack about a conversation before anything from it is shared.

One rule for who may see: a DM, a group DM or a private channel is private, and so is a
conversation Slack will not describe to us (`channel_not_found`, `missing_scope`, not a member
of it…). A refusal means it is hidden from the bot, so it is hidden from everyone else too:
treating it as public could post a private question or kudos where it does not belong.
Only a transient failure (rate limit, Slack down) is raised, to be retried.
"""

from __future__ import annotations

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.client.failures import is_transient


async def is_private(client: AsyncWebClient, channel_id: str | None) -> bool:
    """Whether what is said in `channel_id` must stay there; no channel is not private."""
    if not channel_id:
        return False
    if channel_id.startswith("D"):
        return True
    try:
        info = await client.conversations_info(channel=channel_id)
    except SlackApiError as error:
        if is_transient(error):
            raise
        return True
    channel = info["channel"]
    return bool(channel.get("is_private") or channel.get("is_im") or channel.get("is_mpim"))
