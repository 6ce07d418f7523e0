"""One aiohttp session shared by every Slack client of the process.

A slack_sdk client given no session opens a new one, and with it a new TCP (and, against
Slack, TLS) connection, for every call, then closes it. Sharing one session keeps connections
alive and reuses them. aiohttp wants a session made inside the running loop, so it is opened
when the bot starts; clients made before that get it then.

Every Web API answer is read here first, so this is where an answer that is not Slack's is
told apart for all of them (`PageNotSlack`).
"""

from __future__ import annotations

from typing import Any, TypeVar

import aiohttp
from aiohttp.connector import Connection
from slack_sdk.web.async_client import AsyncWebClient

Client = TypeVar("Client", bound=AsyncWebClient)
# Slack answers every Web API method with JSON; anything else came from something in front of
# it (a proxy, a captive portal, a firewall).
JSON = "application/json"
BAD_GATEWAY = 502


class PageNotSlack(aiohttp.ClientResponse):
    """A Web API answer that is no JSON object is a page from something in front of Slack:
    Slack said neither yes nor no. Answered 200, it is read as that gateway failing (502), as
    its 5xx pages are, and the call is tried again; slack_sdk took an HTML one for Slack's
    refusal (given up at once) and broke on a plain-text one (`AttributeError`). A body
    labelled JSON that is not raised a `SlackApiError` carrying aiohttp's response rather than
    Slack's, which broke whatever read Slack's error from it (an outbox send task died)."""

    async def start(self, connection: Connection) -> PageNotSlack:
        await super().start(connection)
        if self._web_api and self.content_type != JSON:
            self._not_slacks()
        return self

    async def json(self, **kwargs: Any) -> Any:
        try:
            answer = await super().json(**kwargs)
        except ValueError:  # labelled JSON, but not
            answer = None
        if self._web_api and not isinstance(answer, dict):
            self._not_slacks()
            raise aiohttp.ContentTypeError(
                self.request_info, self.history, status=self.status, headers=self.headers
            )
        return answer

    @property
    def _web_api(self) -> bool:
        return "/api/" in self.url.path

    def _not_slacks(self) -> None:
        if self.status == 200:
            self.status, self.reason = BAD_GATEWAY, "Not Slack's answer"


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
        self._session = aiohttp.ClientSession(response_class=PageNotSlack)
        for client in self._clients:
            client.session = self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
        for client in self._clients:
            client.session = None
