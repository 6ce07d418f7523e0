"""Slack's side of installing an app through OAuth v2.

The app sends a person's browser to ``/oauth/v2/authorize``; the person presses Allow or
Cancel; Slack redirects the browser to the app's Redirect URL with a one-time ``code`` (or
``error=access_denied``) and the app's ``state``; the app trades the code for the workspace's
bot token with ``oauth.v2.access``. Codes are single-use and expire after ten minutes, as on
Slack. The authorize page also takes ``user``, the person signed in (an emulator extension;
otherwise the workspace's first person), and ``org_wide``, an admin of a workspace's
Enterprise Grid organisation installing the app for the whole organisation at once, as Slack
lets them only when the app's settings allow it (``org_deploy_enabled``): `oauth.v2.access`
then answers as Slack documents an org-wide install (`team` null, `is_enterprise_install`
true; api.slack.com/enterprise/apps/reference), with a token of the organisation's that this
emulator honours nowhere.
"""

from __future__ import annotations

import html
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from .api_base import Args, SlackError
from .directory import SLACKBOT_ID

if TYPE_CHECKING:
    from .team_api import TeamApi
    from .workspace import Workspace

CODE_LIFETIME = 600.0
AUTHORIZE_PATH = "/oauth/v2/authorize"


@dataclass
class Grant:
    team_id: str
    user_id: str
    scope: str
    redirect_uri: str | None
    issued: float
    used: bool = False
    org_wide: bool = False


class OAuth:
    """The authorize page, the redirect back to the app, and ``oauth.v2.access``."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        find_team: Callable[[str | None], TeamApi | None],
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.find_team = find_team
        self.redirect_url: str | None = None  # the app's configured Redirect URL
        self.grants: dict[str, Grant] = {}
        self.all_teams: Callable[[], Iterable[TeamApi]] = tuple  # set by the emulator
        # The app's "Org Level Apps" setting on Slack (manifest.yml's `org_deploy_enabled`).
        self.org_deploy_enabled = False
        self.org_tokens: dict[str, Workspace] = {}  # an org-wide install's token -> a workspace

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(AUTHORIZE_PATH, self.authorize)
        app.router.add_get(AUTHORIZE_PATH + "/allow", self.allow)
        app.router.add_get(AUTHORIZE_PATH + "/cancel", self.cancel)

    async def authorize(self, request: web.Request) -> web.Response:
        """The page where a person reviews what the app asks for: Allow or Cancel."""
        checked = self._check(request)
        if isinstance(checked, web.Response):
            return checked
        team, user_id, _redirect = checked
        ws = team.workspace
        carried = urlencode({k: v for k, v in request.query.items() if k != "user"})
        choice = f"{carried}&{urlencode({'user': user_id})}"
        scopes = html.escape(request.query.get("scope", "").replace(",", ", "))
        return _page(
            200,
            f"The app is requesting permission to access the {ws.team_name} Slack workspace",
            f"<p>Signed in as {html.escape(ws.users[user_id].real_name)}. "
            f"It will be able to: {scopes}.</p>"
            f'<p><a href="{AUTHORIZE_PATH}/allow?{html.escape(choice)}">Allow</a> '
            f'<a href="{AUTHORIZE_PATH}/cancel?{html.escape(choice)}">Cancel</a></p>',
        )

    async def allow(self, request: web.Request) -> web.Response:
        """Approving installs the app in the workspace (its bot token now works) and sends the
        browser back to the app with a code to trade for that token."""
        checked = self._check(request)
        if isinstance(checked, web.Response):
            return checked
        team, user_id, redirect = checked
        org_wide = bool(request.query.get("org_wide"))
        if not org_wide:  # an org-wide install adds the app to no workspace yet
            team.installed = True
            self._first_in_organisation(team)
        code = f"{team.team_id}.{secrets.token_hex(12)}"
        self.grants[code] = Grant(
            team.team_id,
            user_id,
            request.query.get("scope", ""),
            request.query.get("redirect_uri"),
            time.monotonic(),
            org_wide=org_wide,
        )
        raise _found(redirect, code=code, state=request.query.get("state", ""))

    def _first_in_organisation(self, team: TeamApi) -> None:
        """Note `team` as its Grid organisation's first workspace to install the app."""
        org = team.workspace.enterprise_id
        for other in self.all_teams() if org else ():
            if other.workspace.enterprise_id == org and other.workspace.org_first_install is None:
                other.workspace.org_first_install = team.team_id

    async def cancel(self, request: web.Request) -> web.Response:
        checked = self._check(request)
        if isinstance(checked, web.Response):
            return checked
        _team, _user_id, redirect = checked
        raise _found(redirect, error="access_denied", state=request.query.get("state", ""))

    def _check(self, request: web.Request) -> tuple[TeamApi, str, str] | web.Response:
        """The workspace, the person signed in and where to send them; or Slack's error page."""
        query = request.query
        if query.get("client_id") != self.client_id:
            return _page(400, "Invalid client_id parameter", "")
        redirect = query.get("redirect_uri") or self.redirect_url
        if redirect is None or (self.redirect_url and redirect != self.redirect_url):
            return _page(400, "redirect_uri did not match any configured URIs", "")
        team = self.find_team(query.get("team"))
        if team is None:
            return _page(404, "There is no such workspace", "")
        ws = team.workspace
        humans = [
            u.id for u in ws.users.values() if not (u.is_bot or u.deleted or u.id == SLACKBOT_ID)
        ]
        user_id = query.get("user") or (humans[0] if humans else "")
        if user_id not in humans:
            return _page(403, f"Nobody who can install apps is signed in to {ws.team_name}", "")
        if query.get("org_wide") and (ws.enterprise_id is None or not self.org_deploy_enabled):
            return _page(400, "This app can't be installed on an organization", "")
        return team, user_id, redirect

    def access(
        self, args: Args, client_id: str | None, client_secret: str | None
    ) -> dict[str, Any]:
        """``oauth.v2.access``: trade a code for the workspace's bot token, once."""
        if client_id != self.client_id:
            raise SlackError("invalid_client_id")
        if client_secret != self.client_secret:
            raise SlackError("bad_client_secret")
        grant = self.grants.get(str(args.get("code") or ""))
        if grant is None or grant.used or time.monotonic() - grant.issued > CODE_LIFETIME:
            raise SlackError("invalid_code")
        if grant.redirect_uri is not None and args.get("redirect_uri") != grant.redirect_uri:
            raise SlackError("bad_redirect_uri")
        team = self.find_team(grant.team_id)
        if team is None or not (team.installed or grant.org_wide):
            raise SlackError("invalid_code")
        grant.used = True
        ws = team.workspace
        if grant.org_wide:
            token = f"xoxb-{str(ws.enterprise_id).lower()}-org-emulated"
            self.org_tokens[token] = ws
            return _org_wide_access(ws, grant, token)
        if grant.scope:
            ws.bot_scopes = frozenset(s.strip() for s in grant.scope.split(",") if s.strip())
        return {
            "ok": True,
            "access_token": team.bot_token,
            "token_type": "bot",
            "scope": grant.scope,
            "bot_user_id": ws.bot_user_id,
            "app_id": ws.app_id,
            "team": {"name": ws.team_name, "id": ws.team_id},
            "enterprise": ws.enterprise,
            "is_enterprise_install": False,
            "authed_user": {"id": grant.user_id},
        }

    def org_auth_test(self, token: str | None) -> dict[str, Any] | None:
        """`auth.test` with an org-wide install's token, which names the organisation where a
        workspace's names the workspace; None for any other token."""
        ws = self.org_tokens.get(token or "")
        if ws is None:
            return None
        return {
            "ok": True,
            "url": ws.url,
            "team": f"{ws.team_name} Group",
            "user": ws.bot_user.name,
            "team_id": ws.enterprise_id,
            "user_id": ws.bot_user_id,
            "bot_id": ws.bot_id,
            "enterprise_id": ws.enterprise_id,
            "is_enterprise_install": True,
        }


def _org_wide_access(ws: Workspace, grant: Grant, token: str) -> dict[str, Any]:
    """`oauth.v2.access` for an install in a whole Enterprise Grid organisation."""
    return {
        "ok": True,
        "access_token": token,
        "token_type": "bot",
        "scope": grant.scope,
        "bot_user_id": ws.bot_user_id,
        "app_id": ws.app_id,
        "team": None,
        "enterprise": ws.enterprise,
        "is_enterprise_install": True,
        "authed_user": {"id": grant.user_id},
    }


def _found(url: str, **params: str) -> web.HTTPFound:
    joiner = "&" if urlsplit(url).query else "?"
    return web.HTTPFound(f"{url}{joiner}{urlencode(params)}")


def _page(status: int, title: str, body: str) -> web.Response:
    text = (
        f"<!doctype html><html><head><title>{html.escape(title)}</title></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    return web.Response(status=status, text=text, content_type="text/html")
