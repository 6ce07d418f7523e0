"""The periodic jobs, with the Slack client they send through."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.scheduler import Job
from bot.services import Services
from handlers.digests import send_digests
from handlers.directory_sync import sync_directory

ESCALATE_EVERY = 60.0
SYNC_EVERY = 24 * 3600.0
DIGESTS_EVERY = 300.0  # a digest goes out within 5 minutes of its local send time


async def escalate(client: AsyncWebClient, services: Services) -> int:
    """Offers that ran out of working time go to the next people (through the outbox);
    returns how many questions moved."""
    return len(await services.questions.escalate_due())


async def sync(client: AsyncWebClient, services: Services) -> None:
    auth = await client.auth_test()
    await sync_directory(client, services, str(auth["team_id"]))
    services.indexes.invalidate(str(auth["team_id"]))


def jobs(client: AsyncWebClient, services: Services) -> list[Job]:
    return [
        Job("escalate", ESCALATE_EVERY, lambda: escalate(client, services)),
        Job("directory_sync", SYNC_EVERY, lambda: sync(client, services)),
        Job("digests", DIGESTS_EVERY, lambda: send_digests(client, services)),
    ]
