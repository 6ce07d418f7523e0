"""The composition root: the only place that turns settings into a database, services and app."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.logger import get_bolt_logger
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.errors import ConfigError
from bot.runtime.scheduler import Job, Scheduler
from bot.services import Services
from bot.settings import Settings
from handlers import wiring
from handlers.client.clock import REAL_CLOCK, PaceClock
from handlers.client.failures import RateLimitRetries, ServerErrorRetries
from handlers.client.http import SlackHttp
from handlers.client.installations import KeptInstallations, keep_for, kept_for
from handlers.client.lookup import POST_RETRIES
from handlers.client.paced import PacedClient
from handlers.client.workspaces import Installed, OneWorkspace, WorkspaceClients
from handlers.dispatch.after_ack import ACK_WITHIN_SECONDS
from handlers.dispatch.home_workspace import act_for_members_workspace
from handlers.dispatch.router import Router
from handlers.dispatch.uninstalled import QuietWhenUninstalled
from handlers.outbox.worker import OutboxWorker
from handlers.surfaces.jobs import catch_up_installed, inbox_jobs, jobs
from handlers.surfaces.oauth import NOT_INSTALLED, oauth_flow
from storage.db import (
    checkpoint,
    create_engine,
    create_inbox_engine,
    create_inbox_table,
    create_sessions,
)
from storage.migrate import upgrade_head

# Commits made on the event loop leave the WAL to this job; commits on aiosqlite's thread still
# checkpoint at SQLite's 1,000 pages.
CHECKPOINT_EVERY = 2.0


@dataclass
class Askaround:
    """Everything one running bot needs, built together and closed together."""

    settings: Settings
    services: Services
    app: AsyncApp
    router: Router
    scheduler: Scheduler
    outbox: OutboxWorker
    http: SlackHttp
    inbox_engine: AsyncEngine | None = None  # the inbox's own SQLite file (`storage.db`)
    warming: asyncio.Task[None] | None = None  # routing's indexes being built at start

    async def start(self) -> None:
        await upgrade_head(self.services.engine)
        if self.inbox_engine is not None:
            await create_inbox_table(self.inbox_engine)
        await self.services.inbox.heartbeat()  # seen alive before taking any request
        # Which indexes to build is read before the outbox worker starts: read beside its
        # first poll, it took a second connection, a file opened (some 2 ms of CPU a start).
        indexes = self.services.indexes
        to_warm = await indexes.to_warm()
        self.http.open()
        self.scheduler.start()
        self.outbox.start()
        # Routing's indexes are built in the background; /readyz says ready once they are.
        self.warming = asyncio.create_task(indexes.warm(to_warm))

    def started(self) -> None:
        """Start-up is done (listening, connected): the jobs due at start begin, off the way
        of any request (the directory's catch-up, `handlers.surfaces.jobs.catch_up`), once
        routing's indexes are built: the whole directory read from Slack and the largest
        index being built, both held at once, made the process's peak memory."""
        self.scheduler.started(after=self.warming)

    async def close(self) -> None:
        if self.warming is not None:
            self.warming.cancel()
            await asyncio.gather(self.warming, return_exceptions=True)
        await self.services.indexes.close()
        await self.scheduler.stop()
        await self.outbox.stop()
        await self.services.inbox.leave()
        await self.http.close()
        await self.services.engine.dispose()
        if self.inbox_engine is not None:
            await self.inbox_engine.dispose()


async def checkpoints(*engines: AsyncEngine | None) -> None:
    """The SQLite files' WALs copied into their databases, off the event loop: commits made
    on the loop (`storage.sqlite_driver.on_the_loop`) leave it to this."""
    for engine in engines:
        if engine is not None:
            await checkpoint(engine)


async def _on_install(
    services: Services,
    catch_up: Callable[[str], None],
    team_id: str,
    installer: str | None,
) -> None:
    """A workspace installed the app: its data is kept, were it due for purging, whoever
    installed it first may configure it (`WorkspaceSettingsService.installed_by`), and its
    directory is synced in the background unless it was within a day (`catch_up`)."""
    await services.uninstalls.installed([team_id])
    if installer:
        await services.workspace_settings.installed_by(team_id, installer)
    catch_up(team_id)


class _TokenInTheClient(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment even when given a client, and then
    warns at every start that the token "will be unused": the client carries it. An admin
    who exported the token, as the README says, would read that as a misconfiguration."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


_TOKEN_IN_THE_CLIENT = _TokenInTheClient()


def build(
    settings: Settings,
    *,
    pace_clock: PaceClock = REAL_CLOCK,
    ack_within: float = ACK_WITHIN_SECONDS,
) -> Askaround:
    """The bot for `settings`; `pace_clock` is what the outbox keeps Slack's pace by, what
    listeners and jobs wait out Slack's 429s and 5xx on, and what routing's index counts its
    age by (tests pass a fake one, so that nothing waits in real time, nor goes stale in it);
    `ack_within` is how long a listener has to ack before it is acked empty, for the local
    Slack that waits longer than Slack's 3 s."""
    engine = create_engine(settings.database_url)
    inbox_engine = create_inbox_engine(engine)
    services = Services.build(
        settings, engine, create_sessions(engine, inbox_engine), monotonic=pace_clock.monotonic
    )

    http = SlackHttp()

    def job_client(token: str | None) -> AsyncWebClient:
        return http.share(
            AsyncWebClient(
                token=token,
                base_url=settings.api_url,
                # Listeners and scheduled jobs wait out Slack's rate limits and blips themselves.
                retry_handlers=[
                    RateLimitRetries(max_retry_count=5, clock=pace_clock),
                    ServerErrorRetries(max_retry_count=POST_RETRIES, clock=pace_clock),
                ],
            )
        )

    def sender(token: str) -> AsyncWebClient:
        # The outbox handles 429s and retries itself, so its client must not retry on its own.
        return http.share(
            PacedClient(token=token, base_url=settings.api_url, timeout=10, clock=pace_clock)
        )

    scheduler = Scheduler([])
    clients: WorkspaceClients | None = None

    def catch_up(team_id: str) -> None:
        assert clients is not None
        found = clients
        scheduler.soon("directory_catch_up", lambda: catch_up_installed(found, services, team_id))

    logging.getLogger("slack_bolt.AsyncApp").addFilter(_TOKEN_IN_THE_CLIENT)
    with _empty_as_unset("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"):
        app = _bolt_app(
            settings, engine, services, partial(_on_install, services, catch_up), job_client
        )
    if app.oauth_flow is not None and not settings.oauth:
        # Bolt turns OAuth on by itself when both are exported.
        raise ConfigError(
            "SLACK_CLIENT_ID",
            "and SLACK_CLIENT_SECRET are for OAuth: set both, or leave both empty",
        )
    router = wiring.register(app, services, ack_within)
    outbox_clients: WorkspaceClients
    if app.installation_store is not None:
        # the installations as the authorizer keeps them, told of uninstalls and reinstalls
        store = kept_for(app) or app.installation_store
        installations = services.installations
        clients = Installed(store, installations.teams, job_client, installations.enterprise_of)
        outbox_clients = Installed(store, installations.teams, sender, installations.enterprise_of)
    else:
        clients = OneWorkspace(app.client)
        outbox_clients = OneWorkspace(sender(settings.bot_token))
    scheduler.add(
        [
            *jobs(clients, services),
            *inbox_jobs(app, services),
            Job("checkpoint", CHECKPOINT_EVERY, lambda: checkpoints(engine, inbox_engine)),
        ]
    )
    return Askaround(
        settings=settings,
        services=services,
        app=app,
        router=router,
        scheduler=scheduler,
        outbox=OutboxWorker(outbox_clients, services),
        http=http,
        inbox_engine=inbox_engine,
    )


@contextmanager
def _empty_as_unset(*names: str) -> Iterator[None]:
    """An exported but empty variable is no setting, as `Settings` reads it (`.env.example`'s
    `SLACK_CLIENT_ID=`, exported by systemd's EnvironmentFile or `docker run --env-file`);
    Bolt reads these from the environment itself and would turn OAuth on for them."""
    empty = {
        name: os.environ.pop(name) for name in names if os.environ.get(name, "x").strip() == ""
    }
    try:
        yield
    finally:
        os.environ.update(empty)


def _bolt_app(
    settings: Settings,
    engine: AsyncEngine,
    services: Services,
    on_install: Callable[[str, str | None], Awaitable[None]],
    job_client: Callable[[str | None], AsyncWebClient],
) -> AsyncApp:
    # In OAuth mode the app's client has no token: Bolt gives each request the token of its
    # workspace, and work outside requests asks `WorkspaceClients` for one.
    client = job_client(None if settings.oauth else settings.bot_token)
    kept: KeptInstallations | None = None

    async def installed(team_id: str, user_id: str | None) -> None:
        if kept is not None:  # saved: read again, and kept again after an uninstall
            kept.installed(team_id)
        await on_install(team_id, user_id)

    flow = oauth_flow(settings, engine, installed, services.clock.now) if settings.oauth else None
    if flow is not None:
        kept = KeptInstallations(flow.settings.installation_store)
    app = AsyncApp(
        # Bolt's own default, the name of the file that builds the app, found with
        # inspect.stack(): that reads every frame's source, 0.13 s under pytest's deep stack.
        name="app.py",
        client=client,
        authorize=(
            None if flow is None or kept is None else _authorize(flow, kept, client, services)
        ),
        signing_secret=settings.signing_secret,
        # Bolt answers Slack when a listener returns, and ours return once they have acked,
        # leaving the rest of their work to a task (`handlers/dispatch/friendly.py`).
        process_before_response=True,
        # Bolt takes any DM reply in a thread for an AI-assistant thread: its `say` would read
        # the thread first (failing when the parent is gone) and stamp assistant metadata.
        attaching_conversation_kwargs_enabled=False,
        oauth_flow=flow,
        user_facing_authorize_error_message=NOT_INSTALLED if settings.oauth else None,
        before_authorize=(
            act_for_members_workspace(services.installations, services.people, services.clock.now)
            if settings.oauth
            else None
        ),
    )
    if kept is not None:
        keep_for(app, kept)  # its middleware tells it of uninstalls
    return app


def _authorize(
    flow: AsyncOAuthFlow,
    store: KeptInstallations,
    client: AsyncWebClient,
    services: Services,
) -> Any:
    """Bolt's own authorizer for OAuth mode, as `AsyncApp` makes it (`Any`: `AsyncApp` types
    `authorize` as a function, and takes this), but reading the installations `store` keeps
    a while (`handlers.client.installations`), and keeping what `auth.test` said of each bot
    token (`cache_enabled`): Bolt's default read the installation and asked Slack about its
    token on every request, before its ack. A token names one bot of one workspace, so what
    Slack said of it does not change; askaround asks for no user tokens, the one thing Bolt
    keeps with it that a request could change. A workspace that removed the app is logged at
    INFO, not as Bolt's ERROR (`handlers.dispatch.uninstalled`); a request naming another
    organisation than the workspace's install is found under the workspace's own
    (`handlers.dispatch.own_organisation`)."""
    return QuietWhenUninstalled(
        services.uninstalls.removed_at,
        installed_under=services.installations.acting_for,
        logger=get_bolt_logger(AsyncApp),
        installation_store=store,
        client_id=flow.settings.client_id,
        client_secret=flow.settings.client_secret,
        cache_enabled=True,
        client=client,
        user_token_resolution=flow.settings.user_token_resolution,
    )
