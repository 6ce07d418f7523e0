"""The pages of a paginated Web API method, read to the last. Slack may answer fewer items
than `limit`, or none, with more to read (docs.slack.dev/apis/web-api/pagination: "It's
possible to receive fewer results than your specified limit, even when there are additional
results to retrieve"): only an empty `response_metadata.next_cursor` ends the list, never
the size of a page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from slack_sdk.web.async_slack_response import AsyncSlackResponse

Method = Callable[..., Awaitable[AsyncSlackResponse]]


async def pages(method: Method, **args: Any) -> AsyncIterator[AsyncSlackResponse]:
    """Each page `method` answers with `args`, following its cursor to the last."""
    cursor: str | None = None
    while True:
        page = await method(**args, cursor=cursor)
        yield page
        cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
        if not cursor:
            return


async def listed(
    method: Method, key: str, *, up_to: int = 0, **args: Any
) -> tuple[AsyncSlackResponse, list[Any]]:
    """The items under `key` of every page (the first `up_to` of them, when given), and the
    last page read."""
    items: list[Any] = []
    async for page in pages(method, **args):
        items += page.get(key) or []
        if up_to and len(items) >= up_to:
            return page, items[:up_to]
    return page, items
