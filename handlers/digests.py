"""The weekly digest job: it only decides. Each digest that is due, and the public roundup,
is queued in the outbox together with its run in `digest_runs` (`DigestService.queue_due`);
the outbox sends it (`handlers.outbox.digests`), with its retries and delivery marks."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.services import Services


async def send_digests(client: AsyncWebClient, services: Services) -> int:
    """Queue every digest due in this workspace; returns how many this run queued."""
    team_id = str((await client.auth_test())["team_id"])
    return await services.digests.queue_due(team_id)
