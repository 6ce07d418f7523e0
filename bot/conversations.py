"""What Slack said lately about a conversation (private or not, the bot a member or not, its
name), per workspace, kept in this process so that a kudos or a question does not ask
Slack every time. The Slack adapter reads the facts (`handlers/client/conversations.py`) and
forgets them when an event says the conversation changed (renamed, archived, deleted, shared,
the bot joining or leaving).

A public conversation is trusted for a short while only: Slack says a channel was made private
only to apps in it (`channel_convert_to_private`, `handlers/surfaces/directory_events.py`),
and another replica may have heard of a change this one did not. A private one, or one Slack
would not describe, is kept longer: being wrong about it only keeps something private that
could have been shared.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import wall_clock
from bot.recent import Recent

# Whether a channel is private now: the Slack side asks Slack, through what is kept here.
# A channel made private after something was posted there makes that something private.
PrivateNow = Callable[[str], Awaitable[bool]]


class MadePrivate:
    """Which channels something was stored as public in are private now: Slack is asked once
    a channel (`private_now`), and `found` are the ones to store as private from then on."""

    def __init__(self, private_now: PrivateNow | None) -> None:
        self._private_now = private_now
        self._now: dict[str, bool] = {}

    async def is_private(self, stored_private: bool, channel_id: str | None) -> bool:
        """Whether what was stored (private or not) in `channel_id` is private now; a DM
        always was."""
        if stored_private or self._private_now is None or not channel_id:
            return stored_private
        if channel_id.startswith("D"):
            return stored_private
        if channel_id not in self._now:
            self._now[channel_id] = await self._private_now(channel_id)
        return self._now[channel_id]

    @property
    def found(self) -> list[str]:
        return [channel for channel, private in self._now.items() if private]


# A public answer is trusted a minute: what it can expose was public until the change, and
# what is stored as public meanwhile is looked at again before it is quoted (docs/privacy-log.md,
# "A red-team pass (6 December)"); asking every time would cost a Tier 3 call each kudos.
PUBLIC_FOR = timedelta(seconds=60)
PRIVATE_FOR = timedelta(minutes=10)
IN_MEMORY_CONVERSATIONS = 20_000


@dataclass(frozen=True)
class Conversation:
    """A conversation as Slack described it; `private` also when Slack would not describe it."""

    private: bool
    member: bool = False
    name: str = ""
    archived: bool = False
    shared: bool = False  # with another organisation (Slack Connect)
    # Slack did not say whether it is private (it refused, or left `is_private` out): kept
    # private all the same, and not called private to the person either.
    unsure: bool = False


class Conversations:
    def __init__(self, now: Callable[[], datetime] = wall_clock) -> None:
        self._memory: Recent[tuple[str, str], Conversation] = Recent(now, IN_MEMORY_CONVERSATIONS)

    def of(self, team_id: str) -> KnownConversations:
        """The facts of one workspace (channel ids are only unique within one)."""
        return KnownConversations(self._memory, team_id)


@dataclass(frozen=True)
class KnownConversations:
    _memory: Recent[tuple[str, str], Conversation]
    team_id: str

    def get(self, channel_id: str) -> Conversation | None:
        return self._memory.get((self.team_id, channel_id))

    def keep(self, channel_id: str, conversation: Conversation) -> None:
        keep_for = PRIVATE_FOR if conversation.private else PUBLIC_FOR
        self._memory.put((self.team_id, channel_id), conversation, keep_for)

    def forget(self, channel_id: str) -> None:
        """Something about it changed: ask Slack next time."""
        self._memory.drop((self.team_id, channel_id))
