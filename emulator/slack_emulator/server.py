"""Over 300 lines on purpose: the one object tests and the demo hold; endpoints live elsewhere.

SlackEmulator: a local Slack on loopback for end-to-end tests and the demo.

One aiohttp server plays every Slack endpoint the app touches: the Web API under
``/api/``, the Socket Mode websocket, response_urls, file uploads and the OAuth install
pages. The app under test talks to it over real HTTP with
``AsyncWebClient(base_url=emulator.api_url)``, and the emulator calls the app back, signed,
at ``request_url`` (or over Socket Mode).

The emulator is its own first workspace, with the app installed; ``add_team`` adds more,
which install the app through OAuth (``install``).
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from aiohttp import web

from . import api_files, payloads
from .actions import PersonError
from .api_base import ApiContext
from .browser import Browser, Page, with_query
from .clock import REAL_CLOCK, Clock
from .delivery import Deliverer, Delivery, InProcessApp
from .faults import Faults
from .monitor import Monitor
from .oauth import OAuth
from .records import ApiCall
from .responses import Responder
from .socket_mode import SocketHub
from .team import Team
from .team_api import TeamApi
from .web_api import WebApi
from .workspace import Workspace


class SlackEmulator(TeamApi):
    """A fake Slack with one app, served over HTTP on loopback. It is also the app's first
    workspace, where the app is installed from the start (with ``bot_token``)."""

    def __init__(
        self,
        signing_secret: str,
        bot_token: str = "xoxb-emulator",
        app_token: str | None = "xapp-emulator",
        *,
        team_id: str = "T0EMULATE",
        team_name: str = "Emulated Co",
        bot_user_id: str = "U0ASKAROUND",
        bot_name: str = "askaround",
        app_id: str = "A0ASKAROUND",
        request_url: str | None = None,
        event_subscriptions: set[str] | None = None,
        ack_timeout: float = 3.0,
        retry_delays: tuple[float, ...] = (0.0, 0.0, 0.0),
        fault_seed: int = 0,
        client_id: str = "0000000001.0000000001",
        client_secret: str = "emulated-client-secret",
        clock: Clock = REAL_CLOCK,
        bot_scopes: Iterable[str] = ("chat:write",),
    ) -> None:
        self.signing_secret = signing_secret
        self.bot_token = bot_token
        self.installed = True
        self.app_token = app_token
        self.event_subscriptions = event_subscriptions
        self.workspace = Workspace(
            team_id=team_id,
            team_name=team_name,
            bot_user_id=bot_user_id,
            bot_name=bot_name,
            app_id=app_id,
            bot_scopes=bot_scopes,
        )
        self.clock = clock  # for rate limits, slow answers, retries and when calls came
        self.faults = Faults(fault_seed, clock=clock.monotonic)
        self._monitor = Monitor()
        self._sockets = SocketHub(app_id=app_id)
        self._responder = Responder(self.workspace, self._monitor, clock, self.faults)
        self._deliverer = Deliverer(
            signing_secret=signing_secret,
            ack_timeout=ack_timeout,
            retry_delays=retry_delays,
            sockets=self._sockets,
            monitor=self._monitor,
            clock=clock,
        )
        self._deliverer.request_url = request_url
        self._events_sent = 0
        self._event_series = secrets.token_hex(4).upper()
        self._runner: web.AppRunner | None = None
        self._base_url = ""
        self.api_context = ApiContext(self.workspace, "", self._open_socket, self.faults.paging)
        self._teams: dict[str, TeamApi] = {team_id: self}
        self.oauth = OAuth(client_id, client_secret, self.team)
        self.oauth.all_teams = self._teams.values
        self.install_url: str | None = None  # the app's page that starts an install

    # lifecycle

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> SlackEmulator:
        """Bind (port 0 picks a free one) and start serving."""
        api = WebApi(
            self._context_of_token,
            app_context=self.api_context,
            app_token=self.app_token,
            oauth=self.oauth,
            faults=self.faults,
            monitor=self._monitor,
            clock=self.clock,
        )
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", api.handle)
        app.router.add_get("/link/", self._sockets.handle)
        app.router.add_post("/response/{team}/{token}", self._respond)
        app.router.add_post("/upload/v1/{team}/{file_id}", self._upload)
        self.oauth.add_routes(app)
        # Stopped after the app it serves: nobody waits on a request still in flight.
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = self._runner.addresses[0]
        self._base_url = f"http://{bound[0]}:{bound[1]}"
        for team in self._teams.values():
            team.api_context.base_url = self._base_url
            team._responder.base_url = self._base_url
        await self._deliverer.start()
        return self

    async def stop(self) -> None:
        await self._sockets.close_all()
        await self._deliverer.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SlackEmulator:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # workspaces

    def add_team(
        self,
        team_id: str,
        team_name: str,
        *,
        bot_user_id: str = "U0ASKAROUND",
        bot_token: str | None = None,
        installed: bool = False,
        enterprise_id: str | None = None,
    ) -> Team:
        """Another workspace; the app's token works there once someone installs it. With
        `enterprise_id`, the workspace is one of an Enterprise Grid organisation's."""
        if team_id in self._teams:
            raise ValueError(f"workspace {team_id} exists already")
        ws = Workspace(
            team_id=team_id,
            team_name=team_name,
            bot_user_id=bot_user_id,
            bot_name=self.workspace.bot_user.name,
            app_id=self.workspace.app_id,
            bot_scopes=self.workspace.bot_scopes,
            enterprise_id=enterprise_id,
        )
        ws.layout_checks = self.workspace.layout_checks
        for other in self._teams.values():
            if enterprise_id is not None and other.workspace.enterprise_id == enterprise_id:
                ws.org_peers = other.workspace.org_peers
                ws.org_peers.append(ws)
                break
        token = bot_token or f"xoxb-{team_id.lower()}-emulated"
        team = Team(self, ws, token, installed)
        self._teams[team_id] = team
        return team

    def team(self, team_id: str | None = None) -> TeamApi | None:
        """A workspace by id; the first one without."""
        return self._teams.get(team_id or self.team_id)

    @property
    def block_kit_problems(self) -> list[str]:
        """What the app sent that Slack would refuse or warn about, in every workspace."""
        return [p for team in self._teams.values() for p in team.workspace.block_kit_problems]

    def _context_of_token(self, token: str) -> ApiContext | None:
        for team in self._teams.values():
            if team.installed and team.bot_token == token:
                return team.api_context
        return None

    @property
    def redirect_url(self) -> str | None:
        """The app's Redirect URL, as set in its OAuth settings on Slack."""
        return self.oauth.redirect_url

    @redirect_url.setter
    def redirect_url(self, url: str | None) -> None:
        self.oauth.redirect_url = url

    def browser(self) -> Browser:
        """A fresh browser, as a person would open to install the app."""
        origins = [self._base_url, *([self.install_url] if self.install_url else [])]
        return Browser(secure_origins=origins)

    async def install(
        self,
        team_id: str | None = None,
        *,
        user_id: str | None = None,
        allow: bool = True,
        org_wide: bool = False,
    ) -> Page:
        """Install the app as a person would: open the app's install page, press "Add to
        Slack", then Allow (or Cancel) on Slack's page; returns the page the app shows last.
        With `org_wide`, an admin of the workspace's Enterprise Grid organisation installs it
        for the whole organisation (`OAuth.org_deploy_enabled` must allow it)."""
        if self.install_url is None:
            raise PersonError("set install_url to the app's install page first")
        start = with_query(self.install_url, team=team_id) if team_id else self.install_url
        async with self.browser() as browser:
            page = await browser.open(start)
            authorize = page.link("Add to Slack")
            if user_id is not None:
                authorize = with_query(authorize, user=user_id)
            if org_wide:
                authorize = with_query(authorize, org_wide="1")
            slack_page = await browser.open(authorize)
            return await browser.click(slack_page, "Allow" if allow else "Cancel")

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def api_url(self) -> str:
        """What ``AsyncWebClient(base_url=...)`` expects, with the trailing slash."""
        return f"{self._base_url}/api/"

    @property
    def request_url(self) -> str | None:
        return self._deliverer.request_url

    @request_url.setter
    def request_url(self, url: str | None) -> None:
        self._deliverer.request_url = url

    @property
    def app_in_process(self) -> InProcessApp | None:
        """The app in this process, handed each signed request without a socket (then
        ``request_url`` and Socket Mode are not used, unless a redelivery names a URL)."""
        return self._deliverer.in_process

    @app_in_process.setter
    def app_in_process(self, app: InProcessApp | None) -> None:
        self._deliverer.in_process = app

    @property
    def in_flight(self) -> int:
        """Web API requests being answered and deliveries being made right now."""
        return self._monitor.in_flight

    @property
    def ack_timeout(self) -> float:
        return self._deliverer.ack_timeout

    @ack_timeout.setter
    def ack_timeout(self, seconds: float) -> None:
        self._deliverer.ack_timeout = seconds

    @property
    def socket_connections(self) -> int:
        return self._sockets.connected

    @property
    def sockets_opened(self) -> int:
        """Socket Mode connections opened since the emulator started, closed ones too."""
        return self._sockets.opened

    def _open_socket(self) -> str:
        return self._sockets.issue_url("ws" + self._base_url[len("http") :])

    async def _respond(self, request: web.Request) -> web.Response:
        team = self._teams.get(request.match_info["team"])
        if team is None:
            return web.Response(status=404, text="expired_url")
        return await team._responder.handle(request)

    async def _upload(self, request: web.Request) -> web.Response:
        with self._monitor.busy():
            data = await request.read()
            if request.content_type == "multipart/form-data":
                form = await request.post()
                field = next(iter(form.values()), b"")
                data = field.file.read() if hasattr(field, "file") else str(field).encode()
            team = self._teams.get(request.match_info["team"])
            status, text = (
                api_files.store_upload(team.workspace, request.match_info["file_id"], data)
                if team is not None
                else (404, "file_not_found")
            )
        return web.Response(status=status, text=text, content_type="text/plain")

    # what happened

    @property
    def calls(self) -> list[ApiCall]:
        return self._monitor.calls

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self._monitor.calls if c.method == method]

    @property
    def deliveries(self) -> list[Delivery]:
        return self._deliverer.deliveries

    async def wait_for(
        self,
        predicate: Callable[[ApiCall], bool],
        timeout: float = 5.0,  # noqa: ASYNC109 - the deadline is this test helper's point
        since: int = 0,
    ) -> ApiCall:
        """The first recorded call (from index ``since``) matching ``predicate``, waiting for it."""
        return await self._monitor.wait_for(predicate, timeout, since)

    async def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Wait until nothing is in flight and the bot was quiet for ``quiet`` seconds."""
        await self._monitor.settle(quiet, timeout)

    # Slack-side actions beyond what people do

    async def redeliver(
        self,
        delivery: Delivery,
        times: int = 1,
        *,
        as_retry: bool = True,
        request_url: str | None = None,
    ) -> list[Delivery]:
        """Send the same payload again ``times`` times at once, as a retry storm would.

        Events carry ``X-Slack-Retry-Num`` (continuing from the original's attempts) when
        ``as_retry``; commands and interactions are sent as plain duplicates.
        """
        base = len(delivery.attempts)
        retry = as_retry and delivery.kind == "event"
        sends = [
            self._deliverer.resend(
                delivery,
                retry_num=base + i if retry else None,
                reason="http_timeout",
                url=request_url,
            )
            for i in range(times)
        ]
        return list(await asyncio.gather(*sends))

    async def verify_url(self) -> bool:
        """Slack's url_verification handshake: the app must echo the challenge."""
        challenge = "emulated-challenge"
        body: dict[str, Any] = {
            "token": payloads.VERIFICATION_TOKEN,
            "challenge": challenge,
            "type": "url_verification",
        }
        delivery = await self._deliverer.deliver("url_verification", body)
        answer = delivery.response or {}
        return delivery.ok and challenge in (answer.get("challenge"), answer.get("text"))

    async def socket_disconnect(self, reason: str = "refresh_requested") -> None:
        """Slack's ``disconnect`` frame with ``reason`` to every Socket Mode client."""
        await self._sockets.disconnect_all(reason)

    async def socket_close(self) -> None:
        """Close every Socket Mode connection without a ``disconnect`` frame first, as when
        Slack's side of the link goes away."""
        await self._sockets.close_all(b"")

    def socket_fail_handshakes(self, times: int = 1) -> None:
        """The next ``times`` websocket handshakes answer 503 after taking their one-time
        ticket, as when Slack's websocket host fails or the network drops the upgrade."""
        self._sockets.failed_handshakes = times

    def socket_cap(self, connections: int = 10) -> None:
        """Slack's cap on an app's Socket Mode connections (10): a new one past it is told
        ``too_many_websockets`` and closed."""
        self._sockets.max_connections = connections

    @property
    def sockets_refused(self) -> int:
        """Socket Mode connections refused past the cap since the emulator started."""
        return self._sockets.refused

    async def socket_refresh(self, warning_seconds: float = 10.0) -> None:
        """``disconnect``/``warning``, then ``disconnect``/``refresh_requested`` and the close."""
        await self._sockets.refresh(warning_seconds)
