"""The installation store as Bolt's authorizer reads it in OAuth mode: each workspace's
installation kept a while, where Bolt read it from the database on every request.

A request's token is its workspace's latest installation (`async_find_installation`, two
statements on the SQLAlchemy store, before every ack). What is read is kept `KEPT_FOR`, and
forgotten for that workspace when this process learns it changed: an install or a reinstall
(`installed`, after the OAuth flow saved it), a token rotated (`async_save`), tokens revoked
or the app uninstalled (`uninstalled`, on Slack's event; nothing is kept for that workspace
again until it installs, so a request read while its tokens were being deleted is not kept
either). Another replica hears of neither: it keeps what it read for `KEPT_FOR` at most, a
time Slack sends a removed workspace no requests in.
"""

from __future__ import annotations

import copy
import time
import weakref
from collections.abc import Callable
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation

KEPT_FOR = 60.0  # seconds, as a profile or a public channel is kept (bot.people, bot.conversations)
Key = tuple[str, str | None, str | None, str | None, bool | None]


class KeptInstallations(AsyncInstallationStore):
    def __init__(
        self, store: AsyncInstallationStore, now: Callable[[], float] = time.monotonic
    ) -> None:
        self.store = store
        self._now = now
        self._kept: dict[Key, tuple[float, Any]] = {}
        self._not_kept: set[str | None] = set()  # uninstalled here: read each time
        self._changes: dict[str | None, int] = {}  # per workspace: a read across one is not kept

    @property
    def logger(self) -> Any:
        return self.store.logger

    def installed(self, team_id: str | None) -> None:
        """The workspace installed (again): what was kept of it goes, and it is kept again."""
        self._not_kept.discard(team_id)
        self._forget(team_id)

    def uninstalled(self, team_id: str | None) -> None:
        """Its tokens are being revoked: nothing is kept of it until it installs again."""
        self._not_kept.add(team_id)
        self._forget(team_id)

    def _forget(self, team_id: str | None) -> None:
        self._changes[team_id] = self._changes.get(team_id, 0) + 1
        for key in [k for k in self._kept if k[2] == team_id]:
            del self._kept[key]

    async def _kept_or(self, key: Key, read: Callable[[], Any]) -> Any:
        now = self._now()
        kept = self._kept.get(key)
        if kept is not None and kept[0] > now:
            return copy.copy(kept[1])  # Bolt changes what it is given (a user's token cleared)
        changes = self._changes.get(key[2], 0)
        found = await read()
        unchanged = self._changes.get(key[2], 0) == changes
        if found is not None and unchanged and key[2] not in self._not_kept:
            self._kept[key] = (now + KEPT_FOR, found)
            return copy.copy(found)
        return found

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        async def read() -> Installation | None:
            return await self.store.async_find_installation(
                enterprise_id=enterprise_id,
                team_id=team_id,
                user_id=user_id,
                is_enterprise_install=is_enterprise_install,
            )

        key = ("installation", enterprise_id, team_id, user_id, is_enterprise_install)
        found: Installation | None = await self._kept_or(key, read)
        return found

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        async def read() -> Bot | None:
            return await self.store.async_find_bot(
                enterprise_id=enterprise_id,
                team_id=team_id,
                is_enterprise_install=is_enterprise_install,
            )

        found: Bot | None = await self._kept_or(
            ("bot", enterprise_id, team_id, None, is_enterprise_install), read
        )
        return found

    async def async_save(self, installation: Installation) -> None:
        await self.store.async_save(installation)
        self._forget(installation.team_id)

    async def async_save_bot(self, bot: Bot) -> None:
        await self.store.async_save_bot(bot)
        self._forget(bot.team_id)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.store.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)
        self._forget(team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        await self.store.async_delete_installation(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id
        )
        self._forget(team_id)

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.store.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)
        self._forget(team_id)


_of_app: weakref.WeakKeyDictionary[Any, KeptInstallations] = weakref.WeakKeyDictionary()


def keep_for(app: Any, kept: KeptInstallations) -> None:
    """`kept` is what `app`'s authorizer reads: its middleware tells it of uninstalls."""
    _of_app[app] = kept


def kept_for(app: Any) -> KeptInstallations | None:
    return _of_app.get(app)
