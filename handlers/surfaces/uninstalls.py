"""Slack telling us the app was removed from a workspace (`app_uninstalled`) or that tokens
were revoked (`tokens_revoked`). Both are answered 200 at once, as every event is (Slack
retries anything else), and handed to the domain's `Uninstalls`: tokens deleted, waiting
deliveries dropped, the data kept for the retention. Each passes when the event happened
(the envelope's `event_time`): Slack retries a failed delivery for about an hour, and one
from before the workspace's latest install changes nothing.

Bolt does not look these two up in the installation store (the tokens are gone already), so
the workspace is the one the event names, as Bolt read it. One that names an Enterprise Grid
organisation alone is about an org-wide install of the app, which askaround does not have
(manifest.yml: `org_deploy_enabled` off): a workspace's own install, even in that
organisation, is another install, and goes on."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from bot.services import Services
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import NoWorkspace, workspace_of

log = logging.getLogger("askaround.uninstalls")


def register(router: Router, services: Services) -> None:
    @router.event("app_uninstalled")
    async def app_uninstalled(body: dict[str, Any], context: Any) -> None:
        team = named_workspace(context, "app_uninstalled")
        if team is not None:
            kept = services.settings.oauth
            await services.uninstalls.uninstalled(team, happened(body), installs_kept=kept)

    @router.event("tokens_revoked")
    async def tokens_revoked(body: dict[str, Any], event: dict[str, Any], context: Any) -> None:
        team = named_workspace(context, "tokens_revoked")
        if team is None:
            return
        tokens = event.get("tokens") or {}
        await services.uninstalls.tokens_revoked(
            team,
            bot=bool(tokens.get("bot")),
            users=[str(u) for u in tokens.get("oauth") or []],
            happened=happened(body),
            installs_kept=services.settings.oauth,
        )


def happened(body: dict[str, Any]) -> datetime | None:
    """When the event happened, as Slack stamps its envelope (`event_time`, epoch seconds,
    the same on every retry); None when it does not say."""
    at = body.get("event_time")
    return datetime.fromtimestamp(at, UTC) if isinstance(at, int | float) else None


def named_workspace(context: Any, kind: str) -> str | None:
    """The workspace the event is about; None, said in one line, for an org-wide install's."""
    try:
        return workspace_of(context)
    except NoWorkspace:
        log.info(
            "Slack sent %s for an org-wide install in organisation %s, which askaround does "
            "not support: no workspace's install changes",
            kind,
            context.enterprise_id,
        )
        return None
