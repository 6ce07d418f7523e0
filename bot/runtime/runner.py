"""Running the bot: HTTP mode always (Slack endpoint and health check), Socket Mode on top
when an app-level token is set."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import socket
from collections.abc import Coroutine
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from aiohttp import web

from bot.errors import AskaroundError, ConfigError
from bot.runtime.app import Askaround, build
from bot.runtime.server import SLACK_PATH, build_web_app
from bot.safe_text import quoted
from bot.settings import Settings
from handlers.dispatch import after_ack

if TYPE_CHECKING:
    from bot.runtime.socket_mode import CheckedSocketModeHandler

log = logging.getLogger("askaround")
DRAIN_SECONDS = 10.0
# Slack gives up on an answer after 3 s (and retries), so a request still unanswered when
# the server stops is not worth aiohttp's default wait of 60 s, spent twice: once for the
# listening socket, once for its connections. A connection left half-sent held a stop 120 s;
# it holds it 6 s now (Slack's 3 s, in each of the two waits).
ANSWER_SECONDS = 3.0
T = TypeVar("T")


def in_flight_listeners() -> list[asyncio.Task[None]]:
    """The part of each listener after its `ack()`, running in a task of its own."""
    return after_ack.running()


async def finish_in_flight(within: float) -> None:
    """Let listeners that already acked finish their work before the database closes;
    stopping the server alone would cut them short. Waits up to a bound."""
    listeners = in_flight_listeners()
    if listeners:
        log.info("finishing %d in-flight listener(s)", len(listeners))
        await asyncio.wait(listeners, timeout=within)


def cannot_listen(host: str, port: int, error: OSError) -> AskaroundError:
    """Binding `host`:`port` failed: a host that is no address of this machine is a malformed
    ASKAROUND_HOST; anything else (a port in use or kept for root) names both variables, so
    the one line the CLI prints says which setting to look at."""
    why = os.strerror(error.errno).lower() if error.errno and error.errno > 0 else ""
    if isinstance(error, socket.gaierror):
        why = error.strerror or str(error)
    if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
        return ConfigError(
            "ASKAROUND_HOST",
            f"is malformed: {quoted(host, one_line=True)} is not an address of this machine "
            f"({why})",
        )
    return AskaroundError(
        f"cannot listen on {host}:{port} (ASKAROUND_HOST, ASKAROUND_PORT): {why or error}"
    )


class Runner:
    """`async with Runner(settings) as runner:` serves until the block ends."""

    def __init__(
        self, settings: Settings, *, ack_within: float = after_ack.ACK_WITHIN_SECONDS
    ) -> None:
        self.settings = settings
        self.bot: Askaround = build(settings, ack_within=ack_within)
        self._web: web.AppRunner | None = None
        self._socket: CheckedSocketModeHandler | None = None
        self.port = settings.port
        # Set when serving ended without being asked to: Slack turned Socket Mode off.
        self.stopped = asyncio.Event()

    async def __aenter__(self) -> Runner:
        try:
            return await self._start()
        except BaseException:
            # A port in use or Slack refusing the socket: close what did start, so the one
            # line the CLI prints is not followed by warnings about unclosed sessions. A
            # failure of that cleaning up must not hide the failure itself.
            with contextlib.suppress(Exception):
                await self.__aexit__(None, None, None)
            raise

    async def _start(self) -> Runner:
        await self.bot.start()
        self._web = web.AppRunner(
            build_web_app(self.bot), handle_signals=False, shutdown_timeout=ANSWER_SECONDS
        )
        await self._web.setup()
        site = web.TCPSite(self._web, self.settings.host, self.settings.port)
        try:
            await site.start()
        except OSError as error:
            raise cannot_listen(self.settings.host, self.settings.port, error) from error
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        if self.settings.socket_mode:
            # Socket Mode's client (0.5 MB resident) only where it is used, not in HTTP mode
            from bot.runtime.socket_mode import CheckedSocketModeHandler

            self._socket = CheckedSocketModeHandler(self.bot.app, self.settings.app_token)
            await self._socket.connect_async()
            self.stopped = self._socket.link_disabled
            log.info("connected to Slack in Socket Mode; health check on port %s", self.port)
        else:
            log.info(
                "listening for Slack on http://%s:%s%s", self.settings.host, self.port, SLACK_PATH
            )
        flow = self.bot.app.oauth_flow
        if flow is not None:
            log.info(
                "workspaces install the app at http://%s:%s%s",
                self.settings.host,
                self.port,
                flow.install_path,
            )
        self.bot.started()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._socket is not None:
            await self._socket.close_async()
        if self._web is not None:
            await self._web.cleanup()
        await finish_in_flight(DRAIN_SECONDS)
        await self.bot.close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.base_url}{SLACK_PATH}"


async def serve_forever(settings: Settings, stop: asyncio.Event) -> None:
    """Serve until `stop` is set (SIGINT or SIGTERM: `cli.serve.stop_asked`), or until Slack
    turns Socket Mode off. A stop is heard while starting too: Socket Mode retries a Slack
    that will not open a connection for as long as it takes, and `systemctl stop` would
    otherwise wait for it, then kill."""
    runner = Runner(settings)
    asked: asyncio.Future[Any] = asyncio.ensure_future(stop.wait())
    try:
        if await _first(runner.__aenter__(), asked) is None:
            log.info("stopped before Slack answered")
            return
        try:
            await _first(runner.stopped.wait(), asked)
        finally:
            await runner.__aexit__(None, None, None)
    finally:
        asked.cancel()
    log.info("stopped")


async def _first(work: Coroutine[Any, Any, T], asked: asyncio.Future[Any]) -> T | None:
    """`work`'s result, or None (`work` cancelled) if `asked` comes first."""
    task: asyncio.Future[T] = asyncio.ensure_future(work)
    await asyncio.wait([task, asked], return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return None
