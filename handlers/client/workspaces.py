"""The Web API client to act with in a workspace, for work that no Slack request started:
the outbox and the scheduled jobs.

Inside a request Bolt hands listeners a client with the right token. Outside one, token mode
has one workspace and one token; in OAuth mode each workspace has the bot token it was given
when it installed the app, kept in the database, and a job that runs "everywhere" runs once
per installed workspace.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.web.async_client import AsyncWebClient

from handlers.client.failures import (
    explained,
    is_transient,
    method_of,
    out_of_reach,
    refused_for_good,
)
from handlers.client.identity import known_team

log = logging.getLogger("askaround.workspaces")
T = TypeVar("T")


class NotInstalled(LookupError):
    """The app has no bot token for this workspace (never installed, or uninstalled)."""


class WorkspaceClients(Protocol):
    async def for_team(self, team_id: str) -> AsyncWebClient:
        """The client for this workspace; raises NotInstalled."""
        ...

    async def every_team(self) -> list[AsyncWebClient]:
        """One client per workspace the app is installed in."""
        ...


class OneWorkspace:
    """Token mode: SLACK_BOT_TOKEN's workspace is the only one."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def for_team(self, team_id: str) -> AsyncWebClient:
        return self.client

    async def every_team(self) -> list[AsyncWebClient]:
        return [self.client]


class Installed:
    """OAuth mode: each workspace's bot token from its latest installation.

    Clients are kept per token, so a paced client keeps its pace across calls and a
    reinstall (a new token) gets a new client.
    """

    def __init__(
        self,
        store: AsyncInstallationStore,
        teams: Callable[[], Awaitable[list[str]]],
        make_client: Callable[[str], AsyncWebClient],
        enterprise_of: Callable[[str], Awaitable[str | None]],
    ) -> None:
        """`teams` lists the installed workspaces (`Installations.teams`); `enterprise_of`
        names the Enterprise Grid organisation a workspace installed under, if any
        (`Installations.enterprise_of`), since the store finds a bot by both."""
        self.store = store
        self.teams = teams
        self.make_client = make_client
        self.enterprise_of = enterprise_of
        self._clients: dict[str, AsyncWebClient] = {}

    async def for_team(self, team_id: str) -> AsyncWebClient:
        bot = await self.store.async_find_bot(enterprise_id=None, team_id=team_id)
        if bot is None:  # installed under an Enterprise Grid organisation, or not at all
            enterprise = await self.enterprise_of(team_id)
            if enterprise is not None:
                bot = await self.store.async_find_bot(enterprise_id=enterprise, team_id=team_id)
        if bot is None or not bot.bot_token:
            raise NotInstalled(team_id)
        if bot.bot_token not in self._clients:
            self._clients[bot.bot_token] = self.make_client(bot.bot_token)
        return self._clients[bot.bot_token]

    async def every_team(self) -> list[AsyncWebClient]:
        clients = []
        for team_id in await self.teams():
            try:
                clients.append(await self.for_team(team_id))
            except NotInstalled:  # uninstalled between the two queries
                continue
        return clients


async def in_every_workspace(
    clients: WorkspaceClients, work: Callable[[AsyncWebClient], Awaitable[T]]
) -> list[T]:
    """Run `work` in each workspace in turn. One workspace failing (its token revoked, Slack
    refusing) is logged and does not keep the others from their turn."""
    results: list[T] = []
    for client in await clients.every_team():
        try:
            results.append(await work(client))
        except SlackApiError as error:
            if not (refused_for_good(error) or is_transient(error)):
                log.exception("a job failed in one workspace; the others still get their turn")
                continue
            # Slack's doing, not a bug of ours, and the next run tries again: one line, not a
            # traceback each run.
            log.warning(
                "a job could not run in workspace %s: Slack %s %s: %s; it tries again at its "
                "next run",
                _named(client),
                "refused" if refused_for_good(error) else "failed",
                method_of(error),
                explained(error),
            )
        except Exception as error:  # as the scheduler does per job, here per workspace
            if not out_of_reach(error):
                log.exception("a job failed in one workspace; the others still get their turn")
                continue
            log.warning(
                "a job could not reach Slack for workspace %s (%s%s); it tries again at its "
                "next run",
                _named(client),
                type(error).__name__,
                f": {error}" if str(error) else "",
            )
    return results


def _named(client: AsyncWebClient) -> str:
    """The workspace a log line is about, as far as Slack has told us (it may never have)."""
    return known_team(client) or "(id not yet known)"
