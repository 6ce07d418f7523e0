"""One aiohttp session shared by every Slack client of the process.

A slack_sdk client given no session opens a new one, and with it a new TCP (and, against
Slack, TLS) connection, for every call, then closes it. Sharing one session keeps connections
alive and reuses them. aiohttp wants a session made inside the running loop, so it is opened
when the bot starts; clients made before that get it then.
"""

from __future__ import annotations

from typing import TypeVar

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient

Client = TypeVar("Client", bound=AsyncWebClient)


class SlackHttp:
    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None
        self._clients: list[AsyncWebClient] = []

    def share(self, client: Client) -> Client:
        """`client`, with the shared session now or as soon as it opens."""
        client.session = self._session
        self._clients.append(client)
        return client

    def open(self) -> None:
        self._session = aiohttp.ClientSession()
        for client in self._clients:
            client.session = self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
        for client in self._clients:
            client.session = None
