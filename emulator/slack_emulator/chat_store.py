"""Messages, ephemeral messages and reactions, each change logged as an effect."""

from __future__ import annotations

import uuid
from typing import Any

from . import blocks as block_kit
from .directory import Directory
from .records import Blocks, Ephemeral, EphemeralVia, Message, Reaction, Revision


class ChatStore:
    """Everything people read in conversations; the bot's and people's posts alike."""

    def __init__(self, directory: Directory) -> None:
        self._dir = directory
        self.messages: list[Message] = []
        self.ephemerals: list[Ephemeral] = []
        self._by_key: dict[tuple[str, str], Message] = {}
        # What each person picked in a message's menus, by (channel, ts, person): their
        # client shows it, and sends it as the `state` of their next block_actions there.
        self.picked: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = {}

    def post(
        self,
        channel: str,
        user: str,
        text: str,
        *,
        blocks: Blocks | None = None,
        attachments: list[dict[str, Any]] | None = None,
        thread_ts: str | None = None,
        files: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> Message:
        """Store a message; ``user`` being the bot user makes it a bot message."""
        by_bot = user == self._dir.bot_user_id
        message = Message(
            channel=channel,
            ts=self._dir.next_ts(),
            user=user,
            text=text,
            blocks=block_kit.normalize(blocks),
            attachments=list(attachments or []),
            thread_ts=thread_ts,
            bot_id=self._dir.bot_id if by_bot else None,
            app_id=self._dir.app_id if by_bot else None,
            files=list(files or []),
            metadata=metadata,
            client_msg_id=None if by_bot else str(uuid.uuid4()),
        )
        self.messages.append(message)
        self._by_key[(channel, message.ts)] = message
        self._dir.record_effect(
            "file_shared" if files else "message_posted",
            self._dir.humans_in(channel),
            channel=channel,
            ts=message.ts,
            text=text,
            blocks=message.blocks,
            actor=user,
        )
        return message

    def find(self, channel: str, ts: str) -> Message | None:
        message = self._by_key.get((channel, ts))
        return None if message is None or message.deleted else message

    def update(
        self,
        message: Message,
        *,
        text: str | None,
        blocks: Blocks | None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> Message:
        """Edit in place, keeping the previous version in ``revisions``."""
        edited_ts = self._dir.next_ts()
        message.revisions.append(Revision(message.text, message.blocks, edited_ts))
        if text is not None:
            message.text = text
        if blocks is not None:
            message.blocks = block_kit.normalize(blocks)
        if attachments is not None:
            message.attachments = list(attachments)
        message.edited_ts = edited_ts
        self._dir.record_effect(
            "message_updated",
            self._dir.humans_in(message.channel),
            channel=message.channel,
            ts=message.ts,
            text=message.text,
            blocks=message.blocks,
            actor=message.user,
        )
        return message

    def delete(self, message: Message) -> None:
        message.deleted = True
        self._dir.record_effect(
            "message_deleted",
            self._dir.humans_in(message.channel),
            channel=message.channel,
            ts=message.ts,
            actor=message.user,
        )

    def history(self, channel: str) -> list[Message]:
        """Top-level messages of a conversation, oldest first (replies live in threads, but
        for those also sent to the channel)."""
        return [
            m
            for m in self.messages
            if m.channel == channel and not m.deleted and (not m.is_reply or m.broadcast)
        ]

    def thread(self, channel: str, ts: str) -> list[Message]:
        """The parent then its replies, oldest first, as conversations.replies returns them."""
        parent = self.find(channel, ts)
        if parent is None:
            return []
        replies = [
            m for m in self.messages if m.channel == channel and m.thread_ts == ts and m.is_reply
        ]
        return [parent, *[m for m in replies if not m.deleted]]

    def tombstoned(self, channel: str, ts: str) -> list[Message]:
        """The replies still under a deleted parent (Slack shows its tombstone above them)."""
        parent = self._by_key.get((channel, ts))
        return self.replies_of(parent) if parent is not None and parent.deleted else []

    def replies_of(self, message: Message) -> list[Message]:
        return [
            m
            for m in self.messages
            if m.channel == message.channel
            and m.thread_ts == message.ts
            and m.is_reply
            and not m.deleted
        ]

    def react(self, message: Message, user: str, name: str) -> bool:
        """Add a reaction; False when this person already reacted so."""
        for reaction in message.reactions:
            if reaction.name == name:
                if user in reaction.users:
                    return False
                reaction.users.append(user)
                break
        else:
            message.reactions.append(Reaction(name, [user]))
        self._dir.record_effect(
            "reaction_added",
            self._dir.humans_in(message.channel),
            channel=message.channel,
            ts=message.ts,
            text=f":{name}:",
            actor=user,
        )
        return True

    # ephemeral messages

    def post_ephemeral(
        self,
        channel: str,
        user: str,
        text: str,
        *,
        blocks: Blocks | None = None,
        attachments: list[dict[str, Any]] | None = None,
        thread_ts: str | None = None,
        via: EphemeralVia = "chat.postEphemeral",
    ) -> Ephemeral:
        ephemeral = Ephemeral(
            channel=channel,
            user=user,
            ts=self._dir.next_ts(),
            text=text,
            blocks=block_kit.normalize(blocks),
            attachments=list(attachments or []),
            thread_ts=thread_ts,
            via=via,
        )
        self.ephemerals.append(ephemeral)
        self._dir.record_effect(
            "ephemeral",
            (user,),
            channel=channel,
            ts=ephemeral.ts,
            text=text,
            blocks=ephemeral.blocks,
        )
        return ephemeral

    def replace_ephemeral(self, ephemeral: Ephemeral, *, text: str, blocks: Blocks | None) -> None:
        ephemeral.revisions.append(Revision(ephemeral.text, ephemeral.blocks, self._dir.next_ts()))
        ephemeral.text = text
        ephemeral.blocks = block_kit.normalize(blocks)
        self._dir.record_effect(
            "ephemeral_updated",
            (ephemeral.user,),
            channel=ephemeral.channel,
            ts=ephemeral.ts,
            text=text,
            blocks=ephemeral.blocks,
        )

    def delete_ephemeral(self, ephemeral: Ephemeral) -> None:
        ephemeral.deleted = True
        self._dir.record_effect(
            "ephemeral_deleted", (ephemeral.user,), channel=ephemeral.channel, ts=ephemeral.ts
        )
