"""Bolt's installation look-up (OAuth mode), made to find a workspace's install under the
workspace's own Enterprise Grid organisation when the request names another one.

Bolt looks an installation up by organisation and workspace both, the organisation as the
request names it. In a channel shared with another organisation (Slack Connect), a button
pressed or a shortcut used there names as `team` the workspace that installed the app (a
form: `view.app_installed_team_id`) but as `enterprise` the person's own organisation, or
none: a guest's request found no installation, so the guest read that askaround is not
installed here and the log had Bolt's ERROR for a missing install. Such a request is looked
up again under the organisation the workspace installed the app under; the person's stays
in the payload, where `handlers.dispatch.workspace.from_elsewhere` reads it. A request found
at once (every member's) costs nothing more.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.context.async_context import AsyncBoltContext

# A workspace → (that workspace, the organisation it installed the app under), None when it
# has no installation (`bot.installations.Installations.acting_for`).
InstalledUnder = Callable[[str], Awaitable[tuple[str, str | None] | None]]


class OwnOrganisation(AsyncInstallationStoreAuthorize):
    def __init__(self, installed_under: InstalledUnder, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._installed_under = installed_under

    async def __call__(
        self,
        *,
        context: AsyncBoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        **rest: Any,
    ) -> AuthorizeResult | None:
        """Bolt's look-up; then, for a workspace found under no installation there, under
        the organisation it installed the app under, when that is another one."""
        found = await super().__call__(
            context=context, enterprise_id=enterprise_id, team_id=team_id, **rest
        )
        if found is None and team_id and not context.is_enterprise_install:
            installed = await self._installed_under(team_id)
            if installed is not None and installed[0] == team_id and installed[1] != enterprise_id:
                found = await super().__call__(
                    context=context, enterprise_id=installed[1], team_id=team_id, **rest
                )
        await self.looked_up(team_id, found, context)
        return found

    async def looked_up(
        self, team_id: str | None, found: AuthorizeResult | None, context: AsyncBoltContext
    ) -> None:
        """What a subclass does once a request's installation is looked up (`found` None:
        none), before Bolt answers it."""
