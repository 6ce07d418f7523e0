"""The periodic jobs. Escalation works on the database, asking Slack only whether a channel
a question was asked in is private now; the directory sync and the digests talk to Slack,
so they run once in each workspace, with that workspace's client.

The digest job only decides: each digest that is due, and the public roundup, is queued in the
outbox with its run in `digest_runs` (`DigestService.queue_due`), and `handlers.outbox.digests`
sends it."""

from __future__ import annotations

from datetime import timedelta

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.conversations import PrivateNow
from bot.reliability.inbox import HEARTBEAT_SECONDS
from bot.runtime.scheduler import Job
from bot.services import Services
from handlers.client.admins import slack_admins
from handlers.client.conversations import private_now
from handlers.client.directory import sync_directory
from handlers.client.identity import team_of
from handlers.client.workspaces import NotInstalled, WorkspaceClients, in_every_workspace
from handlers.dispatch.inbox import replay_orphans

ESCALATE_EVERY = 60.0
SYNC_EVERY = 24 * 3600.0
DIGESTS_EVERY = 300.0  # a digest goes out within 5 minutes of its local send time
TIDY_INBOX_EVERY = 3600.0
RETENTION_EVERY = 3600.0
INSIGHTS_EVERY = 3600.0  # the monthly DM to admins goes out within the hour after it is due


async def send_digests(client: AsyncWebClient, services: Services) -> int:
    """Queue every digest due in this workspace; returns how many this run queued."""
    return await services.digests.queue_due(await team_of(client))


async def monthly_insights(client: AsyncWebClient, services: Services) -> int:
    """Refresh the cached insights (so `/askaround insights` answers at once) and
    queue last month's DM to this workspace's admins, once."""
    team_id = await team_of(client)
    await services.insights.refresh(
        team_id, private_now(client, services.conversations.of(team_id))
    )
    if services.insights.monthly_done(team_id):
        return 0
    return await services.insights.queue_monthly(team_id, await slack_admins(client, team_id))


async def escalate(clients: WorkspaceClients, services: Services) -> int:
    """Offers that ran out of working time go to the next people (through the outbox);
    returns how many questions moved. A question asked in public is looked at against its
    channel as it is now first, through its workspace's client."""

    async def private_now_in(team_id: str) -> PrivateNow | None:
        try:
            client = await clients.for_team(team_id)
        except NotInstalled:  # nobody new could be sent a request there anyway
            return None
        return private_now(client, services.conversations.of(team_id))

    return len(await services.questions.escalate_due(private_now_in))


async def sync(client: AsyncWebClient, services: Services) -> None:
    team_id = await team_of(client)
    report = await sync_directory(client, services, team_id)
    await services.indexes.people_changed(team_id, report.changed)


async def catch_up(client: AsyncWebClient, services: Services) -> bool:
    """Sync the workspace's directory when it never was, or not within `SYNC_EVERY` (a fresh
    install, a bot down for days), so leavers and renames are not learnt from events alone
    until the daily sync; of replicas starting together, the one that claims it. Returns
    whether this one synced it."""
    team_id = await team_of(client)
    claim = await services.people.claim_sync(team_id, timedelta(seconds=SYNC_EVERY))
    if claim is None:
        return False
    try:
        report = await sync_directory(client, services, team_id)
    except BaseException:  # a list read in part (or a stop) leaves it due
        await services.people.sync_failed(claim)
        raise
    await services.indexes.people_changed(team_id, report.changed)
    return True


async def catch_up_installed(clients: WorkspaceClients, services: Services, team_id: str) -> bool:
    """A workspace just installed (OAuth): its catch-up, off the install's answer."""
    return await catch_up(await clients.for_team(team_id), services)


async def digests(clients: WorkspaceClients, services: Services) -> int:
    """Digests sent, in every workspace."""
    return sum(await in_every_workspace(clients, lambda c: send_digests(c, services)))


async def token_works_in(client: AsyncWebClient) -> str:
    """The workspace of a token Slack still takes: asked each time, as a revoked one is
    the news."""
    return str((await client.auth_test())["team_id"])


async def retention(clients: WorkspaceClients, services: Services) -> list[str]:
    """Purge the workspaces uninstalled for longer than the retention. One that installed
    again is kept: it has a stored token (OAuth), or its token works (a token it was given
    since; the only way in token mode). Returns the purged ones."""
    working = await in_every_workspace(clients, token_works_in)
    stored = await services.installations.teams()
    return await services.uninstalls.enforce(sorted({*working, *stored}))


def jobs(clients: WorkspaceClients, services: Services) -> list[Job]:
    return [
        Job("escalate", ESCALATE_EVERY, lambda: escalate(clients, services)),
        Job(
            "directory_sync",
            SYNC_EVERY,
            lambda: in_every_workspace(clients, lambda c: sync(c, services)),
        ),
        Job(
            "directory_catch_up",
            None,  # the daily sync takes over from there
            lambda: in_every_workspace(clients, lambda c: catch_up(c, services)),
            at_start=True,
        ),
        Job("digests", DIGESTS_EVERY, lambda: digests(clients, services)),
        Job("retention", RETENTION_EVERY, lambda: retention(clients, services)),
        Job("question_text", RETENTION_EVERY, services.question_text.enforce),
        Job(
            "insights",
            INSIGHTS_EVERY,
            lambda: in_every_workspace(clients, lambda c: monthly_insights(c, services)),
        ),
    ]


def inbox_jobs(app: AsyncApp, services: Services) -> list[Job]:
    """This replica's heartbeat, and taking over the requests of replicas that died."""
    return [
        Job("heartbeat", HEARTBEAT_SECONDS, services.inbox.heartbeat),
        Job("replay", HEARTBEAT_SECONDS, lambda: replay_orphans(app, services)),
        Job("tidy_inbox", TIDY_INBOX_EVERY, services.inbox.tidy),
    ]
