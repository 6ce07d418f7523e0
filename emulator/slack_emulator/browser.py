"""A person's web browser, just enough for installing an app: it keeps cookies, follows
redirects and clicks links by their text, over real HTTP.

The OAuth flow checks that the browser finishing an install is the one that started it (a
state cookie), so tests of that flow need a browser, not a bare HTTP request. Loopback
origins count as secure, as in real browsers, so the app's ``Secure`` cookie is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import TracebackType
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import aiohttp
from yarl import URL

from .actions import PersonError


@dataclass
class Page:
    status: int
    url: str
    text: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, absolute href)

    def link(self, label: str) -> str:
        for text, href in self.links:
            if text == label:
                return href
        raise PersonError(f"no link {label!r} on {self.url}: {[t for t, _ in self.links]}")


def with_query(url: str, **params: str) -> str:
    """The URL with these query parameters set (replacing any of the same name)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True)) | params
    return urlunsplit(parts._replace(query=urlencode(query)))


class Browser:
    def __init__(self, secure_origins: Iterable[str] = ()) -> None:
        jar = aiohttp.CookieJar(
            unsafe=True, treat_as_secure_origin=[URL(o) for o in secure_origins]
        )
        self._session = aiohttp.ClientSession(cookie_jar=jar)

    async def open(self, url: str) -> Page:
        async with self._session.get(url, allow_redirects=True) as response:
            text = await response.text()
            final = str(response.url)
        return Page(response.status, final, text, _links(final, text))

    async def click(self, page: Page, label: str) -> Page:
        return await self.open(page.link(label))

    async def close(self) -> None:
        await self._session.close()

    async def __aenter__(self) -> Browser:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


class _Links(HTMLParser):
    """Each ``<a href>`` with its text, or its image's alt text (an "Add to Slack" button)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self._href, self._text = found["href"], []
        elif tag == "img" and self._href is not None and found.get("alt"):
            self._text.append(found["alt"] or "")

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._text).split()), self._href))
            self._href = None


def _links(base: str, text: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(text)
    return [(label, urljoin(base, href)) for label, href in parser.links]
