"""The test API for changing the workspace's directory as an admin or a member would in
Slack: a profile edited or deactivated, someone joining, a channel renamed, archived,
deleted, made private, the bot invited or removed. Each change is made, then the event
Slack sends for it is delivered to an app subscribed to it, in Slack's published shapes
(api.slack.com/events: `user_change`, `team_join`, `channel_rename`, `group_archive`, …).

Slack sends `channel_*` events of every public channel (scope `channels:read`), `group_*`
events only of private channels the app is in (`groups:read`), and `member_*_channel` only of
conversations the app is in.
"""

from __future__ import annotations

from typing import Any

from . import shapes
from .delivery import Delivery
from .people import People
from .records import Channel, User

_USER_FIELDS = (
    "name",
    "real_name",
    "email",
    "tz",
    "title",
    "deleted",
    "is_admin",
    "is_restricted",
    "is_ultra_restricted",
)


class Changes(People):
    """Mixin of the directory-changing test API; the class provides what ``People`` needs."""

    async def change_user(self, user_id: str, **fields: Any) -> Delivery | None:
        """Edit a member (``tz``, None for a profile without one; ``real_name``, ``deleted``…);
        delivers ``user_change`` with the whole user as ``users.info`` now describes them."""
        unknown = set(fields) - set(_USER_FIELDS)
        if unknown:
            raise ValueError(f"not user fields the emulator changes: {sorted(unknown)}")
        ws = self.workspace
        user = ws.user(user_id)
        for name, value in fields.items():
            setattr(user, name, value)
        if fields.get("tz") is not None:
            ws.set_tz(user, str(fields["tz"]))
        user.updated = int(ws.now())
        return await self._user_event("user_change", user, cache_ts=int(ws.now()))

    async def remove_user(self, user_id: str, still_in: tuple[str, ...] = ()) -> Delivery | None:
        """Someone removed from the workspace without being deactivated: `users.list` lists
        them no more. In an Enterprise Grid org (an admin's `admin.users.remove`) they stay
        the org's, in its workspaces `still_in`: `users.info` describes them with
        `enterprise_user.teams` naming those alone, and `user_change` says so. Outside one
        (Slack erased them) Slack knows them no more (`user_not_found`) and sends nothing."""
        ws = self.workspace
        user = ws.user(user_id)
        ws.removed[user_id] = still_in
        if ws.enterprise is None:
            ws.undescribed[user_id] = "user_not_found"
            return None
        user.updated = int(ws.now())
        return await self._user_event("user_change", user, cache_ts=int(ws.now()))

    async def join_team(self, name: str, **fields: Any) -> tuple[User, Delivery | None]:
        """A new member (``Workspace.add_user``'s fields); delivers ``team_join``."""
        user = self.workspace.add_user(name, **fields)
        return user, await self._user_event("team_join", user)

    async def rename_channel(self, channel_id: str, name: str) -> Delivery | None:
        """``channel_rename`` (``group_rename`` for a private channel), the channel an object."""
        channel = self._channel(channel_id)
        channel.name = name
        event = {
            "type": _kind(channel, "rename"),
            "channel": {"id": channel.id, "name": name, "created": channel.created},
        }
        return await self._channel_event(channel, event)

    async def archive_channel(self, channel_id: str, by: str) -> Delivery | None:
        channel = self._channel(channel_id)
        channel.is_archived = True
        return await self._channel_event(channel, self._archival(channel, "archive", by))

    async def unarchive_channel(self, channel_id: str, by: str) -> Delivery | None:
        channel = self._channel(channel_id)
        channel.is_archived = False
        return await self._channel_event(channel, self._archival(channel, "unarchive", by))

    async def delete_channel(self, channel_id: str, by: str) -> Delivery | None:
        """Gone: ``conversations.info`` answers ``channel_not_found`` from now on."""
        channel = self._channel(channel_id)
        deliver = self._sent_to_app(channel)
        del self.workspace.channels[channel.id]
        event: dict[str, Any] = {"type": _kind(channel, "deleted"), "channel": channel.id}
        if channel.is_private:
            event.update(date_deleted=int(self.workspace.now()), actor_id=by)
        return await self._maybe_send(deliver, event)

    async def make_private(self, channel_id: str, by: str) -> Delivery | None:
        """Convert a public channel to private, keeping its id, as Slack does now. Slack says
        so only as a ``channel_convert_to_private`` message in it (``channel_type`` group),
        which reaches an app subscribed to ``message.groups``."""
        ws = self.workspace
        channel = self._channel(channel_id)
        if channel.kind != "public" or channel.is_general:
            raise ValueError(f"{channel_id} is not a public channel that can be made private")
        channel.kind = "private"
        ts = ws.next_ts()
        event = {
            "type": "message",
            "subtype": "channel_convert_to_private",
            "user": by,
            "text": "made this channel *private*. Now, it can only be viewed or joined by "
            "invitation.",
            "ts": ts,
            "channel": channel.id,
            "event_ts": ts,
            "channel_type": "group",
        }
        if ws.bot_user_id not in channel.members or not self.subscribed("message.groups"):
            return None
        return await self._send_event(event)

    async def invite(self, channel_id: str, user_id: str, by: str) -> Delivery | None:
        """Add someone (the bot too) to a channel; delivers ``member_joined_channel`` to an app
        that is in it."""
        ws = self.workspace
        channel = self._channel(channel_id)
        ws.user(user_id)
        ws.join(channel.id, user_id)
        event = self._membership(channel, "member_joined_channel", user_id)
        event["inviter"] = by
        return await self._maybe_send(
            ws.bot_user_id in channel.members and self.subscribed("member_joined_channel"), event
        )

    async def remove(self, channel_id: str, user_id: str, by: str | None = None) -> Delivery | None:
        """Take someone (the bot too) out of a channel; delivers ``member_left_channel`` to an
        app still in it. The bot itself removed is no member to tell: Slack sends it
        ``channel_left`` (``group_left`` for a private channel) naming who removed it."""
        ws = self.workspace
        channel = self._channel(channel_id)
        was_in = ws.bot_user_id in channel.members
        if user_id in channel.members:
            channel.members.remove(user_id)
        if user_id == ws.bot_user_id:
            left: dict[str, Any] = {"type": _kind(channel, "left"), "channel": channel.id}
            if by is not None:
                left["actor_id"] = by
            return await self._maybe_send(was_in, left)
        event = self._membership(channel, "member_left_channel", user_id)
        return await self._maybe_send(was_in, event)

    # what the events look like, and who gets them

    def _channel(self, channel_id: str) -> Channel:
        channel = self.workspace.channel(channel_id)
        if channel.is_im or channel.is_mpim:
            raise ValueError(f"{channel_id} is a direct message, not a channel")
        return channel

    async def _user_event(self, kind: str, user: User, **extra: Any) -> Delivery | None:
        if not self.subscribed(kind):
            return None
        ws = self.workspace
        event = {"type": kind, "user": shapes.user_json(ws, user), **extra}
        event["event_ts"] = ws.next_ts()
        return await self._send_event(event)

    def _archival(self, channel: Channel, verb: str, by: str) -> dict[str, Any]:
        event = {"type": _kind(channel, verb), "channel": channel.id}
        if not channel.is_private:
            event["user"] = by
        return event

    def _membership(self, channel: Channel, kind: str, user_id: str) -> dict[str, Any]:
        return {
            "type": kind,
            "user": user_id,
            "channel": channel.id,
            "channel_type": "G" if channel.is_private else "C",
            "team": self.workspace.home_team(user_id),
            "event_ts": self.workspace.next_ts(),
        }

    def _sent_to_app(self, channel: Channel) -> bool:
        """Public channels' events reach the app everywhere; private ones' only inside."""
        return not channel.is_private or self.workspace.bot_user_id in channel.members

    async def _channel_event(self, channel: Channel, event: dict[str, Any]) -> Delivery | None:
        return await self._maybe_send(self._sent_to_app(channel), event)

    async def _maybe_send(self, deliver: bool, event: dict[str, Any]) -> Delivery | None:
        if not deliver or not self.subscribed(str(event["type"])):
            return None
        event.setdefault("event_ts", self.workspace.next_ts())
        return await self._send_event(event)


def _kind(channel: Channel, verb: str) -> str:
    return f"{'group' if channel.is_private else 'channel'}_{verb}"
