"""Who is in the emulated workspace: its identity, people, conversations and the change log.

Ids and message timestamps come from here so that they are unique and increasing,
the two properties bots rely on (``ts`` doubles as a message id and a sort key).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from .records import Blocks, Channel, ChannelKind, Effect, EffectKind, User

SLACKBOT_ID = "USLACKBOT"


class Directory:
    """Users, channels, ids and the effect log of one emulated workspace."""

    def __init__(
        self,
        *,
        team_id: str,
        team_name: str,
        bot_user_id: str,
        bot_name: str,
        app_id: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.team_id = team_id
        self.team_name = team_name
        self.domain = re.sub(r"[^a-z0-9]+", "-", team_name.lower()).strip("-") or "emulated"
        self.app_id = app_id
        self.bot_id = "B" + app_id[1:]
        self.bot_user_id = bot_user_id
        self.clock = clock
        # When Slack says an event happened (`event_time`): `clock` unless set, so that a
        # test's app compares it with what it stamps by its own clock (an install's time).
        self.event_clock: Callable[[], float] | None = None
        self.users: dict[str, User] = {}
        self.channels: dict[str, Channel] = {}
        self.effects: list[Effect] = []
        self._counters: dict[str, int] = {}
        self._last_us = 0
        self._add(User(SLACKBOT_ID, "slackbot", "Slackbot", None, "America/Los_Angeles", "", 0))
        self._add(
            self._make_user(bot_user_id, bot_name, bot_name, None, "Europe/London", is_bot=True)
        )
        self.users[bot_user_id].bot_id = self.bot_id
        self.users[bot_user_id].app_id = app_id
        self.general = self._new_channel("general", "public", [bot_user_id], is_general=True)

    @property
    def url(self) -> str:
        return f"https://{self.domain}.slack.com/"

    @property
    def bot_user(self) -> User:
        return self.users[self.bot_user_id]

    def now(self) -> float:
        return self.clock()

    def event_time(self) -> int:
        """An event's `event_time`: whole seconds since the epoch."""
        return int((self.event_clock or self.clock)())

    def new_id(self, prefix: str, taken: Iterable[str] = ()) -> str:
        """Return the next free id such as ``U0000001``; Slack ids are opaque, only unique."""
        used = set(taken)
        while True:
            n = self._counters.get(prefix, 0) + 1
            self._counters[prefix] = n
            candidate = f"{prefix}{n:07d}"
            if candidate not in used:
                return candidate

    def next_ts(self) -> str:
        """A message timestamp, strictly increasing even within one microsecond."""
        us = max(int(self.clock() * 1_000_000), self._last_us + 1)
        self._last_us = us
        return f"{us // 1_000_000}.{us % 1_000_000:06d}"

    # users

    def add_user(
        self,
        name: str,
        *,
        user_id: str | None = None,
        real_name: str | None = None,
        email: str | None = None,
        tz: str = "Europe/London",
        title: str = "",
        is_bot: bool = False,
        deleted: bool = False,
        is_admin: bool = False,
        guest: Literal["multi", "single"] | None = None,
    ) -> User:
        """Add a member; active people (not bots) also join #general, as on Slack. A `guest`
        (multi- or single-channel) joins no channel: they are invited to each."""
        uid = user_id or self.new_id("U", self.users)
        if uid in self.users:
            raise ValueError(f"user {uid} already exists")
        user = self._make_user(uid, name, real_name or name, email, tz, title=title, is_bot=is_bot)
        user.deleted = deleted
        user.is_admin = is_admin
        user.is_restricted = guest is not None
        user.is_ultra_restricted = guest == "single"
        user.updated = int(self.now())
        if is_bot:
            user.bot_id = "B" + uid[1:]
        self._add(user)
        if not deleted and not is_bot and guest is None:
            self.general.members.append(uid)
        return user

    def _make_user(
        self,
        uid: str,
        name: str,
        real_name: str,
        email: str | None,
        tz: str,
        *,
        title: str = "",
        is_bot: bool = False,
    ) -> User:
        user = User(
            id=uid,
            name=name,
            real_name=real_name,
            email=email,
            tz=tz,
            tz_label=tz,
            tz_offset=0,
            title=title,
            is_bot=is_bot,
        )
        self.set_tz(user, tz)
        return user

    def set_tz(self, user: User, tz: str) -> None:
        """Give `user` zone `tz`, with the label and offset Slack sends beside it as they are
        at the workspace's `clock`, as Slack's are at its own now (the real clock's gave a
        test frozen in winter the offset of the day it ran)."""
        now = datetime.fromtimestamp(self.clock(), ZoneInfo(tz))
        offset = now.utcoffset()
        user.tz = tz
        user.tz_label = now.tzname() or tz
        user.tz_offset = int(offset.total_seconds()) if offset else 0

    def _add(self, user: User) -> None:
        self.users[user.id] = user

    def get_user(self, user_id: str) -> User | None:
        return self.users.get(user_id)

    def user(self, user_id: str) -> User:
        user = self.users.get(user_id)
        if user is None:
            raise KeyError(f"no user {user_id} in the emulated workspace")
        return user

    def user_by_name(self, name: str) -> User:
        for user in self.users.values():
            if user.name == name:
                return user
        raise KeyError(f"no user named {name!r}")

    def user_by_email(self, email: str) -> User | None:
        wanted = email.strip().lower()
        for user in self.users.values():
            if user.email and user.email.lower() == wanted:
                return user
        return None

    def display_name(self, user_id: str) -> str:
        user = self.users.get(user_id)
        return user.name if user else user_id

    # channels

    def add_channel(
        self,
        name: str,
        *,
        is_private: bool = False,
        members: Iterable[str] = (),
        include_bot: bool = True,
        ext_shared: bool = False,
    ) -> Channel:
        if any(c.name == name for c in self.channels.values() if not c.is_im):
            raise ValueError(f"channel #{name} already exists")
        people = list(dict.fromkeys(members))
        for uid in people:
            self.user(uid)
        if include_bot and self.bot_user_id not in people:
            people.append(self.bot_user_id)
        kind: ChannelKind = "private" if is_private else "public"
        return self._new_channel(name, kind, people, is_ext_shared=ext_shared)

    def _new_channel(
        self, name: str, kind: ChannelKind, members: list[str], **extra: object
    ) -> Channel:
        prefix = {"public": "C", "private": "C", "im": "D", "mpim": "G"}[kind]
        channel = Channel(
            id=self.new_id(prefix, self.channels),
            name=name,
            kind=kind,
            members=members,
            created=int(self.clock()),
            creator=members[0] if members else self.bot_user_id,
            **extra,  # type: ignore[arg-type]
        )
        self.channels[channel.id] = channel
        return channel

    def get_channel(self, channel_id: str) -> Channel | None:
        return self.channels.get(channel_id)

    def channel(self, channel_id: str) -> Channel:
        channel = self.channels.get(channel_id)
        if channel is None:
            raise KeyError(f"no channel {channel_id} in the emulated workspace")
        return channel

    def channel_by_name(self, name: str) -> Channel:
        wanted = name.lstrip("#")
        for channel in self.channels.values():
            if channel.name == wanted and not channel.is_im:
                return channel
        raise KeyError(f"no channel named #{wanted}")

    def im_between(self, user_id: str) -> Channel | None:
        """The bot's DM with ``user_id``, if one was opened."""
        for channel in self.channels.values():
            if channel.is_im and channel.im_user == user_id:
                return channel
        return None

    def open_im(self, user_id: str) -> Channel:
        existing = self.im_between(user_id)
        if existing is not None:
            return existing
        self.user(user_id)
        members = [self.bot_user_id] if user_id == self.bot_user_id else [user_id, self.bot_user_id]
        return self._new_channel("", "im", members, im_user=user_id)

    def open_dm(self, user_id: str, other_id: str) -> Channel:
        """A DM between two people, which the bot is not in: Slack hides it from the bot's
        Web API calls, but a command typed there has its id, and its response_url answers
        there."""
        for uid in (user_id, other_id):
            self.user(uid)
        people = sorted({user_id, other_id})
        for channel in self.channels.values():
            if channel.is_im and sorted(channel.members) == people:
                return channel
        return self._new_channel("", "im", people)

    def open_mpim(self, user_ids: Iterable[str]) -> Channel:
        """The group DM of the bot with these people, created the first time."""
        people = sorted(set(user_ids) | {self.bot_user_id})
        for channel in self.channels.values():
            if channel.is_mpim and sorted(channel.members) == people:
                return channel
        names = "--".join(self.user(uid).name for uid in people)
        return self._new_channel(f"mpdm-{names}-1", "mpim", people)

    def join(self, channel_id: str, user_id: str) -> None:
        channel = self.channel(channel_id)
        if user_id not in channel.members:
            channel.members.append(user_id)

    def humans_in(self, channel_id: str) -> tuple[str, ...]:
        channel = self.channel(channel_id)
        return tuple(m for m in channel.members if m != self.bot_user_id)

    # effects

    def record_effect(
        self,
        kind: EffectKind,
        visible_to: Iterable[str],
        *,
        channel: str | None = None,
        ts: str | None = None,
        text: str | None = None,
        blocks: Blocks | None = None,
        view_id: str | None = None,
        actor: str | None = None,
    ) -> Effect:
        effect = Effect(
            seq=len(self.effects) + 1,
            kind=kind,
            visible_to=tuple(visible_to),
            channel=channel,
            ts=ts,
            text=text,
            blocks=list(blocks or []),
            view_id=view_id,
            actor=actor,
            at=self.clock(),
        )
        self.effects.append(effect)
        return effect

    def effects_since(self, seq: int = 0) -> list[Effect]:
        return self.effects[seq:]
