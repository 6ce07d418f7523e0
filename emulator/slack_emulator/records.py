"""Plain records of what the emulated workspace holds and of what happened in it.

They are dataclasses rather than Slack JSON so that tests assert on fields without
knowing Slack's wire format; ``shapes.py`` turns them into the JSON Slack sends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ChannelKind = Literal["public", "private", "im", "mpim"]
EphemeralVia = Literal["chat.postEphemeral", "response_url", "ack", "error"]
EffectKind = Literal[
    "message_posted",
    "message_updated",
    "message_deleted",
    "ephemeral",
    "ephemeral_updated",
    "ephemeral_deleted",
    "home_published",
    "modal_opened",
    "modal_updated",
    "modal_pushed",
    "modal_closed",
    "reaction_added",
    "file_shared",
]

Blocks = list[dict[str, Any]]


@dataclass
class User:
    """A workspace member, a person or a bot user."""

    id: str
    name: str
    real_name: str
    email: str | None
    tz: str | None  # None: the profile has no time zone, and users.info sends none
    tz_label: str
    tz_offset: int
    title: str = ""
    is_bot: bool = False
    deleted: bool = False
    is_admin: bool = False
    # Guests, as Slack marks them: multi-channel ones `is_restricted`, single-channel ones
    # `is_ultra_restricted` as well. They are in the channels they were invited to only.
    is_restricted: bool = False
    is_ultra_restricted: bool = False
    bot_id: str | None = None
    app_id: str | None = None
    # When the profile last changed (Slack's `updated`, seconds); 0 until the first change.
    updated: int = 0


_CHANNEL_TYPES: dict[ChannelKind, str] = {
    "public": "channel",
    "private": "group",
    "im": "im",
    "mpim": "mpim",
}


@dataclass
class Channel:
    """A conversation: public or private channel, DM (``im``) or group DM (``mpim``)."""

    id: str
    name: str
    kind: ChannelKind
    members: list[str]
    created: int
    creator: str
    is_general: bool = False
    topic: str = ""
    purpose: str = ""
    im_user: str | None = None
    is_archived: bool = False
    is_ext_shared: bool = False  # shared with another organisation (Slack Connect)

    @property
    def channel_type(self) -> str:
        """The ``channel_type`` Slack puts in message events (channel/group/im/mpim)."""
        return _CHANNEL_TYPES[self.kind]

    @property
    def is_im(self) -> bool:
        return self.kind == "im"

    @property
    def is_mpim(self) -> bool:
        return self.kind == "mpim"

    @property
    def is_private(self) -> bool:
        return self.kind != "public"


@dataclass
class Reaction:
    name: str
    users: list[str] = field(default_factory=list)


@dataclass
class Revision:
    """An earlier version of an edited message, kept so tests can see what changed."""

    text: str
    blocks: Blocks
    replaced_at: str


@dataclass
class Message:
    """A message in a conversation, posted by a person or by the bot."""

    channel: str
    ts: str
    user: str
    text: str
    blocks: Blocks = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    thread_ts: str | None = None
    bot_id: str | None = None
    app_id: str | None = None
    files: list[str] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    edited_ts: str | None = None
    deleted: bool = False
    metadata: dict[str, Any] | None = None
    client_msg_id: str | None = None
    broadcast: bool = False  # a thread reply also sent to the channel (`thread_broadcast`)

    @property
    def is_reply(self) -> bool:
        return self.thread_ts is not None and self.thread_ts != self.ts

    @property
    def by_bot(self) -> bool:
        return self.bot_id is not None


@dataclass
class Ephemeral:
    """A message only ``user`` (the viewer) sees; it is never stored in history."""

    channel: str
    user: str
    ts: str
    text: str
    blocks: Blocks = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    thread_ts: str | None = None
    via: EphemeralVia = "chat.postEphemeral"
    revisions: list[Revision] = field(default_factory=list)
    deleted: bool = False


@dataclass
class View:
    """A Home tab or a modal; ``spec`` is the view object exactly as the bot sent it."""

    id: str
    type: Literal["modal", "home"]
    user: str
    spec: dict[str, Any]
    hash: str
    root_view_id: str
    previous_view_id: str | None = None
    state_values: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    closed: bool = False
    revisions: int = 0

    @property
    def blocks(self) -> Blocks:
        blocks: Blocks = self.spec.get("blocks") or []
        return blocks

    @property
    def callback_id(self) -> str:
        return str(self.spec.get("callback_id") or "")

    @property
    def private_metadata(self) -> str:
        return str(self.spec.get("private_metadata") or "")

    @property
    def external_id(self) -> str:
        return str(self.spec.get("external_id") or "")

    @property
    def title(self) -> str:
        title = self.spec.get("title") or {}
        return str(title.get("text", "")) if isinstance(title, dict) else str(title)

    @property
    def notify_on_close(self) -> bool:
        return bool(self.spec.get("notify_on_close"))


@dataclass
class File:
    """A file uploaded through files.getUploadURLExternal + completeUploadExternal."""

    id: str
    name: str
    title: str
    user: str
    created: int
    length: int
    alt_txt: str | None = None
    snippet_type: str | None = None
    content: bytes | None = None
    shares: dict[str, list[str]] = field(default_factory=dict)
    completed: bool = False


@dataclass
class Effect:
    """One visible change, in order, so a demo can print what each person now sees."""

    seq: int
    kind: EffectKind
    visible_to: tuple[str, ...]
    channel: str | None = None
    ts: str | None = None
    text: str | None = None
    blocks: Blocks = field(default_factory=list)
    view_id: str | None = None
    actor: str | None = None
    at: float = 0.0


@dataclass
class ApiCall:
    """One Web API request the bot made, with what the emulator answered, and the workspace
    whose token (or response_url) it used: None when it named no workspace."""

    method: str
    args: dict[str, Any]
    ok: bool
    response: dict[str, Any]
    status: int
    at: float
    team_id: str | None = None
    connection: str | None = None  # the caller's address:port, one per TCP connection
