"""Bolt's `respond`, over the process's one HTTP session.

Bolt (1.x) gives every listener an `AsyncRespond` whose webhook client has no session, so each
reply to a `response_url` opens a new aiohttp session and connection and closes it after: on
the `/kudos` path that was a TCP handshake and a teardown per confirmation. This one sends the
same message, built by Bolt's own `_build_message`, through the session the Web API clients
share (`handlers/client/http.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import aiohttp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.context.respond.internals import _build_message
from slack_sdk.webhook.async_client import AsyncWebhookClient, WebhookResponse


class SharedRespond(AsyncRespond):
    def __init__(self, respond: AsyncRespond, session: aiohttp.ClientSession) -> None:
        super().__init__(response_url=respond.response_url, proxy=respond.proxy, ssl=respond.ssl)
        self._session = session

    async def __call__(  # type: ignore[override]
        self,
        text: str | dict[str, Any] = "",
        blocks: Sequence[Any] | None = None,
        attachments: Sequence[Any] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> WebhookResponse:
        if self.response_url is None:
            raise ValueError("respond is unsupported here as there is no response_url")
        if isinstance(text, dict):
            message = _build_message(**text)
        else:
            message = _build_message(
                text=text,
                blocks=blocks,
                attachments=attachments,
                response_type=response_type,
                replace_original=replace_original,
                delete_original=delete_original,
                unfurl_links=unfurl_links,
                unfurl_media=unfurl_media,
                thread_ts=thread_ts,
                metadata=metadata,
            )
        client = AsyncWebhookClient(
            url=self.response_url, proxy=self.proxy, ssl=self.ssl, session=self._session
        )
        return await client.send_dict(message)


def shared(respond: AsyncRespond | None, session: aiohttp.ClientSession | None) -> Any:
    """`respond` over `session` when both are there; as Bolt made it otherwise."""
    if respond is None or session is None or session.closed:
        return respond
    return SharedRespond(respond, session)
