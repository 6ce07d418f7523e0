"""The composition root: the only place that turns settings into a database, services and app."""

from __future__ import annotations

from dataclasses import dataclass

from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

import handlers
from bot.scheduler import Scheduler
from bot.services import Services
from bot.settings import Settings
from handlers.jobs import jobs
from handlers.outbox_worker import OutboxWorker
from handlers.paced_client import PacedClient
from handlers.router import Router
from storage.db import create_engine, create_sessions
from storage.migrate import upgrade_head


@dataclass
class Askaround:
    """Everything one running bot needs, built together and closed together."""

    settings: Settings
    services: Services
    app: AsyncApp
    router: Router
    scheduler: Scheduler
    outbox: OutboxWorker

    async def start(self) -> None:
        await upgrade_head(self.services.engine)
        self.scheduler.start()
        self.outbox.start()

    async def close(self) -> None:
        await self.scheduler.stop()
        await self.outbox.stop()
        await self.services.engine.dispose()


def build(settings: Settings) -> Askaround:
    engine = create_engine(settings.database_url)
    services = Services.build(settings, engine, create_sessions(engine))
    client = AsyncWebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        # Scheduled jobs (the daily directory sync) page through Slack at the pace it allows.
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=5)],
    )
    app = AsyncApp(
        client=client,
        signing_secret=settings.signing_secret,
        # Every listener acks first and keeps working after, so Slack never waits on us.
        process_before_response=False,
    )
    router = handlers.register(app, services)
    scheduler = Scheduler(jobs(app.client, services))
    # The outbox handles 429s and retries itself, so its client must not retry on its own.
    sender = PacedClient(token=settings.bot_token, base_url=settings.api_url, timeout=10)
    return Askaround(
        settings=settings,
        services=services,
        app=app,
        router=router,
        scheduler=scheduler,
        outbox=OutboxWorker(sender, services),
    )
