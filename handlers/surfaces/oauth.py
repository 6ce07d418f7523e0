"""Installing the app in a workspace through OAuth (when SLACK_CLIENT_ID is set).

Bolt runs the flow: `/slack/install` sends the person to Slack with a state (also set as a
cookie, so the install must finish in the browser that started it); Slack sends them back
to `/slack/oauth_redirect` with a code, which Bolt trades for the workspace's bot token
through `oauth.v2.access`. Installations and states live in our own database, in
slack-sdk's tables; the pages a person sees at the end are ours.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from urllib.parse import urlencode, urljoin

from slack_bolt.oauth.async_callback_options import (
    AsyncCallbackOptions,
    AsyncFailureArgs,
    AsyncSuccessArgs,
)
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.settings import Settings

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600
ORG_WIDE = "org_wide_install"
log = logging.getLogger(__name__)
NOT_INSTALLED = (
    "askaround is not installed in this workspace, or its installation was removed. "
    "Ask whoever runs askaround for the install link."
)

WHY_NOT: dict[str, str] = {
    "access_denied": "You cancelled on Slack's page, so nothing was installed.",
    "invalid_browser": (
        "The install finished in a different browser from the one that started it, or the "
        "browser refused our cookie."
    ),
    "invalid_state": "This install link has expired or was used already.",
    "missing_code": "Slack did not send the go-ahead for the install.",
    "invalid_code": "Slack did not confirm the install: its code expired or was used already.",
    ORG_WIDE: (
        "This install was for a whole Enterprise Grid organisation at once, and askaround "
        "works one workspace at a time. Install it in each workspace that wants it instead "
        "(choose the workspace, not the organisation, on Slack's page), and remove the "
        "organisation's install in Slack's admin pages; in the app's settings, turn off "
        "installing it on an organisation."
    ),
}


def authorize_url(api_url: str) -> str:
    """Slack's authorize page sits beside its Web API: https://slack.com/oauth/v2/authorize
    for https://slack.com/api/ (and the emulator's, for the emulator's API)."""
    return urljoin(api_url, "../oauth/v2/authorize")


# Told of each install: the workspace, and who installed it (Slack names them).
Installed = Callable[[str, str | None], Awaitable[None]]


class InstallFlow(AsyncOAuthFlow):
    """Bolt's flow, with our install page in place of its default ("Slack App Installation",
    which names no app), and each install stamped with the bot's clock (`installed_at`; Bolt
    stamps it with the wall clock): a removal Slack retries late is told from one that came
    after the install by comparing the two (`bot.uninstalls`)."""

    def __init__(self, *, settings: AsyncOAuthSettings, clock: Callable[[], datetime]) -> None:
        super().__init__(settings=settings)
        self.clock = clock

    async def build_install_page_html(self, url: str, request: AsyncBoltRequest) -> str:
        return render_install_page(url)

    async def store_installation(
        self, request: AsyncBoltRequest, installation: Installation
    ) -> None:
        """An org-wide install is never kept (manifest.yml: `org_deploy_enabled: false`):
        every request would be authorised for an organisation and no workspace, which
        askaround cannot act in. `on_success` tells the admin so."""
        if not installation.is_enterprise_install:
            installation.installed_at = self.clock().timestamp()
            await super().store_installation(request, installation)


def oauth_flow(
    settings: Settings,
    engine: AsyncEngine,
    installed: Installed,
    clock: Callable[[], datetime],
) -> InstallFlow:
    return InstallFlow(settings=oauth_settings(settings, engine, installed), clock=clock)


def oauth_settings(
    settings: Settings, engine: AsyncEngine, installed: Installed
) -> AsyncOAuthSettings:
    """`installed` is told of each workspace that installs and who installed it: one that
    had uninstalled the app keeps its data, and the first installer may configure it."""

    async def on_success(args: AsyncSuccessArgs) -> BoltResponse:
        if args.installation.is_enterprise_install:
            log.warning(
                "An org-wide install of askaround in organisation %s was refused: it installs "
                "in one workspace at a time (org_deploy_enabled is off in manifest.yml); the "
                "installer was asked to install it in each workspace instead",
                args.installation.enterprise_id,
            )
            return _response(args.settings, 200, render_not_installed(ORG_WIDE))
        if args.installation.team_id:
            await installed(args.installation.team_id, args.installation.user_id or None)
        return await _installed(args)

    return AsyncOAuthSettings(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        scopes=list(settings.scopes),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        authorization_url=authorize_url(settings.api_url),
        installation_store=AsyncSQLAlchemyInstallationStore(settings.client_id, engine),
        state_store=AsyncSQLAlchemyOAuthStateStore(STATE_SECONDS, engine),
        state_expiration_seconds=STATE_SECONDS,
        callback_options=AsyncCallbackOptions(success=on_success, failure=_not_installed),
    )


def render_install_page(authorize: str) -> str:
    """What whoever installs askaround reads first: what it is, what happens next, and the
    "Add to Slack" button, which leads to Slack's page with the install's state."""
    button = (
        f'<a href="{html.escape(authorize)}"><img alt="Add to Slack" height="40" width="139" '
        'src="https://platform.slack-edge.com/img/add_to_slack.png" '
        'srcset="https://platform.slack-edge.com/img/add_to_slack.png 1x, '
        'https://platform.slack-edge.com/img/add_to_slack@2x.png 2x" /></a>'
    )
    return _page(
        "Add askaround to Slack",
        "<p>askaround: find who knows, thank who helped. People ask questions in Slack and "
        "askaround privately asks the colleagues who know; teammates thank each other with "
        "<code>/kudos</code>; managers get a weekly digest of their team's kudos and help.</p>"
        "<p>Press <em>Add to Slack</em>: Slack shows what askaround may do in your workspace "
        "and asks you to allow it, then brings you back here. Finish in this browser.</p>"
        f"<p>{button}</p>",
    )


def render_installed(team_name: str, team_id: str, app_id: str) -> str:
    open_slack = "slack://app?" + urlencode({"team": team_id, "id": app_id})
    return _page(
        f"askaround is installed in {team_name}",
        "<p>Open Slack and type <code>/askaround help</code> to see what it can do.</p>"
        f'<p><a href="{html.escape(open_slack)}">Open Slack</a></p>',
    )


def render_not_installed(reason: str) -> str:
    why = WHY_NOT.get(reason, "Something went wrong while saving the installation.")
    return _page(
        "askaround was not installed",
        f"<p>{html.escape(why)}</p>"
        f'<p><a href="{INSTALL_PATH}">Start again</a></p>'
        f"<p>(reason: {html.escape(reason)})</p>",
    )


async def _installed(args: AsyncSuccessArgs) -> BoltResponse:
    found = args.installation
    body = render_installed(found.team_name or "", found.team_id or "", found.app_id or "")
    return _response(args.settings, 200, body)


async def _not_installed(args: AsyncFailureArgs) -> BoltResponse:
    return _response(args.settings, args.suggested_status_code, render_not_installed(args.reason))


def _response(settings: AsyncOAuthSettings, status: int, body: str) -> BoltResponse:
    """The state cookie has done its job either way, so it is cleared."""
    return BoltResponse(
        status=status,
        body=body,
        headers={
            "Content-Type": "text/html; charset=utf-8",
            "Set-Cookie": settings.state_utils.build_set_cookie_for_deletion(),
        },
    )


def _page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"</head><body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
