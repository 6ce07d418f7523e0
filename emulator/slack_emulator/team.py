"""Further workspaces on one emulator, for an app distributed to several through OAuth.

Each ``Team`` has its own team id, people, channels, bot user and bot token; the app (app
id, signing secret, app token, request URL) is the same one. Ids are numbered per workspace,
as the emulator's first, so the same user and channel ids can exist in two workspaces: a
bot that keys anything by id alone, without the team, mixes them up and a test sees it.
"""

from __future__ import annotations

from typing import Protocol

from .api_base import ApiContext
from .clock import Clock
from .delivery import Deliverer
from .faults import Faults
from .monitor import Monitor
from .records import ApiCall
from .responses import Responder
from .team_api import TeamApi
from .workspace import Workspace


class Host(Protocol):
    """What a further workspace shares with the emulator that holds it (`SlackEmulator`):
    its address, sockets, deliveries, clock, faults, calls and event ids."""

    event_subscriptions: set[str] | None
    clock: Clock
    faults: Faults
    _deliverer: Deliverer
    _monitor: Monitor
    _events_sent: int
    _event_series: str

    @property
    def base_url(self) -> str: ...

    @property
    def calls(self) -> list[ApiCall]: ...

    def _open_socket(self) -> str: ...

    async def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None: ...  # noqa: ASYNC109


class Team(TeamApi):
    """Another workspace: act as its people and look at what they see, as on the emulator."""

    def __init__(
        self, emulator: Host, workspace: Workspace, bot_token: str, installed: bool
    ) -> None:
        self.emulator = emulator
        self.workspace = workspace
        self.bot_token = bot_token
        self.installed = installed
        self.api_context = ApiContext(
            workspace, emulator.base_url, emulator._open_socket, emulator.faults.paging
        )
        self._deliverer = emulator._deliverer
        self._responder = Responder(workspace, emulator._monitor, emulator.clock, emulator.faults)
        self._responder.base_url = emulator.base_url

    @property
    def event_subscriptions(self) -> set[str] | None:  # type: ignore[override]
        return self.emulator.event_subscriptions

    @property
    def _events_sent(self) -> int:  # type: ignore[override]
        """Event ids are unique across workspaces, as Slack's are."""
        return self.emulator._events_sent

    @_events_sent.setter
    def _events_sent(self, value: int) -> None:
        self.emulator._events_sent = value

    @property
    def _event_series(self) -> str:  # type: ignore[override]
        return self.emulator._event_series

    @property
    def calls(self) -> list[ApiCall]:
        """The calls made with this workspace's token or its response_urls."""
        return [c for c in self.emulator.calls if c.team_id == self.team_id]

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method == method]

    async def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        await self.emulator.settle(quiet, timeout)
