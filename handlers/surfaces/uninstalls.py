"""Slack telling us the app was removed from a workspace (`app_uninstalled`) or that tokens
were revoked (`tokens_revoked`). Both are answered 200 at once, as every event is (Slack
retries anything else), and handed to the domain's `Uninstalls`: tokens deleted, waiting
deliveries dropped, the data kept for the retention.

Bolt does not look these two up in the installation store (the tokens are gone already), so
the workspace is the one the event names, as Bolt read it."""

from __future__ import annotations

from typing import Any

from bot.services import Services
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of


def register(router: Router, services: Services) -> None:
    @router.event("app_uninstalled")
    async def app_uninstalled(context: Any) -> None:
        await services.uninstalls.uninstalled(workspace_of(context))

    @router.event("tokens_revoked")
    async def tokens_revoked(event: dict[str, Any], context: Any) -> None:
        tokens = event.get("tokens") or {}
        await services.uninstalls.tokens_revoked(
            workspace_of(context),
            bot=bool(tokens.get("bot")),
            users=[str(u) for u in tokens.get("oauth") or []],
        )
