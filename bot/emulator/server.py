"""SlackEmulator: a local Slack on loopback for end-to-end tests and the demo.

One aiohttp server plays every Slack endpoint the app touches: the Web API under
``/api/``, the Socket Mode websocket, response_urls and file uploads. The app under
test talks to it over real HTTP with ``AsyncWebClient(base_url=emulator.api_url)``,
and the emulator calls the app back, signed, at ``request_url`` (or over Socket Mode).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import TracebackType
from typing import Any

from aiohttp import web

from . import api_files, payloads, screen
from .actions import PersonError
from .api_base import ApiContext
from .delivery import Deliverer, Delivery
from .faults import Faults
from .monitor import Monitor
from .people import People
from .records import ApiCall, Effect, Ephemeral, Message, View
from .responses import Responder
from .socket_mode import SocketHub
from .web_api import WebApi
from .workspace import Workspace


class SlackEmulator(People):
    """A fake Slack workspace with one app installed, served over HTTP on loopback."""

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
    ) -> None:
        self.signing_secret = signing_secret
        self.bot_token = bot_token
        self.app_token = app_token
        self.event_subscriptions = event_subscriptions
        self.workspace = Workspace(
            team_id=team_id,
            team_name=team_name,
            bot_user_id=bot_user_id,
            bot_name=bot_name,
            app_id=app_id,
        )
        self.faults = Faults(fault_seed)
        self._monitor = Monitor()
        self._sockets = SocketHub(app_id=app_id)
        self._responder = Responder(self.workspace, self._monitor)
        self._deliverer = Deliverer(
            signing_secret=signing_secret,
            ack_timeout=ack_timeout,
            retry_delays=retry_delays,
            sockets=self._sockets,
            monitor=self._monitor,
        )
        self._deliverer.request_url = request_url
        self._events_sent = 0
        self._runner: web.AppRunner | None = None
        self._base_url = ""

    # lifecycle

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> SlackEmulator:
        """Bind (port 0 picks a free one) and start serving."""
        ctx = ApiContext(self.workspace, "", self._open_socket)
        api = WebApi(
            ctx,
            bot_token=self.bot_token,
            app_token=self.app_token,
            faults=self.faults,
            monitor=self._monitor,
        )
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", api.handle)
        app.router.add_get("/link/", self._sockets.handle)
        app.router.add_post("/response/{team}/{token}", self._responder.handle)
        app.router.add_post("/upload/v1/{file_id}", self._upload)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = self._runner.addresses[0]
        self._base_url = f"http://{bound[0]}:{bound[1]}"
        ctx.base_url = self._base_url
        self._responder.base_url = self._base_url
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

    @property
    def team_id(self) -> str:
        return self.workspace.team_id

    @property
    def bot_user_id(self) -> str:
        return self.workspace.bot_user_id

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
    def ack_timeout(self) -> float:
        return self._deliverer.ack_timeout

    @ack_timeout.setter
    def ack_timeout(self, seconds: float) -> None:
        self._deliverer.ack_timeout = seconds

    @property
    def socket_connections(self) -> int:
        return self._sockets.connected

    def _open_socket(self) -> str:
        return self._sockets.issue_url("ws" + self._base_url[len("http") :])

    async def _upload(self, request: web.Request) -> web.Response:
        with self._monitor.busy():
            data = await request.read()
            if request.content_type == "multipart/form-data":
                form = await request.post()
                field = next(iter(form.values()), b"")
                data = field.file.read() if hasattr(field, "file") else str(field).encode()
            status, text = api_files.store_upload(
                self.workspace, request.match_info["file_id"], data
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

    def effects_since(self, seq: int = 0) -> list[Effect]:
        return self.workspace.effects_since(seq)

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

    def messages(self, channel_id: str | None = None) -> list[Message]:
        """Messages not deleted, oldest first, thread replies included."""
        return [
            m
            for m in self.workspace.chat.messages
            if not m.deleted and channel_id in (None, m.channel)
        ]

    def ephemerals(self, user_id: str | None = None) -> list[Ephemeral]:
        return [
            e for e in self.workspace.chat.ephemerals if not e.deleted and user_id in (None, e.user)
        ]

    def dm_messages(self, user_id: str) -> list[Message]:
        im = self.workspace.im_between(user_id)
        return self.messages(im.id) if im else []

    def home_view(self, user_id: str) -> View | None:
        return self.workspace.views.home_of(user_id)

    def open_modal(self, user_id: str) -> View | None:
        """The modal on top of this person's stack, if any is open."""
        return self.workspace.views.top_modal(user_id)

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

    async def click_button(self, user_id: str, label: str) -> Delivery:
        """Press the frontmost button labelled ``label`` that this person can see."""
        found = screen.find_button(self.workspace, user_id, label)
        if found is None:
            raise PersonError(f"{self.workspace.display_name(user_id)} sees no button {label!r}")
        surface, block, element = found
        where: dict[str, Any] = (
            {"view": surface} if isinstance(surface, View) else {"message": surface}
        )
        action_id = str(element.get("action_id"))
        return await self.click(
            user_id, action_id, block_id=block.get("block_id"), value=element.get("value"), **where
        )

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
        await self._sockets.disconnect_all(reason)
