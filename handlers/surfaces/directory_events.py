"""Slack telling us that a person or a conversation changed, so that what askaround keeps
(people's stored profiles, `bot.people`; what a conversation is, `bot.conversations`) stays
current without asking Slack at every kudos.

- `user_change` and `team_join` carry the whole user, as `users.info` would: stored at once
  (name, time zone, bot, deactivated…), unless nothing askaround keeps changed (a new status).
  Someone deactivated has their open questions closed, and those they were asked or were
  helping with go on to others (`QuestionService.person_left`); so has one of the
  workspace's people whom their Enterprise Grid org describes as no longer in it
  (`enterprise_user.teams` without it: removed from this workspace, still in the org).
  Someone made a guest of the workspace has the requests waiting for them withdrawn
  (`QuestionService.no_longer_asked`, `visibility.may_be_asked`).
- A conversation renamed, archived or unarchived, deleted, shared or unshared, or the bot
  joining or leaving it: what was kept about it is forgotten, and Slack is asked again the next
  time it matters (`handlers/client/conversations.py`, the one `is_private`).
- The bot removed from a channel (`channel_left`, `group_left`: Slack tells the bot so, not
  by `member_left_channel`, which goes to the members still in it): what was kept about it
  is forgotten, and whoever had it watched is told, once (`WatchService.removed_from`); it
  stays watched, so an invitation back resumes it. A question or shout-out due there later
  falls back as for any channel closed to posts (`handlers.client.failures.CLOSED_TO_POSTS`).
- A public channel made private: the questions and kudos stored from it become private too.
  Made public: only what was kept about it is forgotten (what was stored stays private).
"""

from __future__ import annotations

from typing import Any

from bot import visibility
from bot.services import Services
from handlers.client.directory import heard_of
from handlers.dispatch.inbox import forget_refused
from handlers.dispatch.router import Router
from handlers.dispatch.workspace import workspace_of

PROFILE_EVENTS = ("user_change", "team_join")
# The channel is the event's `channel`: an id, or (renames) an object with the id.
CONVERSATION_EVENTS = (
    "channel_rename",
    "channel_archive",
    "channel_unarchive",
    "channel_deleted",
    "channel_shared",
    "channel_unshared",
    "group_rename",
    "group_archive",
    "group_unarchive",
    "group_deleted",
)
MEMBERSHIP_EVENTS = ("member_joined_channel", "member_left_channel")
REMOVED_EVENTS = ("channel_left", "group_left")


def channel_of(event: dict[str, Any]) -> str | None:
    channel = event.get("channel")
    if isinstance(channel, dict):
        channel = channel.get("id")
    return str(channel) if channel else None


def register(router: Router, services: Services) -> None:
    async def profile_changed(event: dict[str, Any], context: Any) -> None:
        user = event.get("user")
        if not isinstance(user, dict) or not user.get("id"):
            return
        if await heard_of(services, workspace_of(context), user) is None:
            # A guest from another organisation (Slack Connect) is not stored: kudos and
            # routing are for this workspace's people.
            await forget_refused(services, context)  # their profile not even in the inbox

    async def conversation_changed(event: dict[str, Any], context: Any) -> None:
        channel = channel_of(event)
        if channel:
            services.conversations.of(workspace_of(context)).forget(channel)

    async def membership_changed(event: dict[str, Any], context: Any) -> None:
        # Only the bot's own membership is kept (`is_member`); others' change nothing here.
        if event.get("user") == context.bot_user_id:
            await conversation_changed(event, context)

    async def removed(event: dict[str, Any], body: dict[str, Any], context: Any) -> None:
        team, channel = workspace_of(context), str(event["channel"])
        services.conversations.of(team).forget(channel)
        occurrence = str(event.get("event_ts") or body.get("event_id") or "")
        private = event["type"] == "group_left"
        by = event.get("actor_id") if visibility.may_name_remover(private=private) else None
        await services.watching.removed_from(team, channel, by, occurrence)

    @router.notice("channel_convert_to_private", "groups")
    async def made_private(event: dict[str, Any], context: Any) -> None:
        """A public channel made private (Slack says so only in a message in it): what was
        asked and thanked there is its members' alone from now on."""
        team, channel = workspace_of(context), channel_of(event)
        if channel:
            services.conversations.of(team).forget(channel)
            await services.questions.channel_made_private(team, channel)
            await services.kudos.channel_made_private(team, channel)

    # A private channel made public: what was kept of it (private, for a while) is forgotten,
    # so what is asked and thanked there from now on is public, as in any public channel.
    router.notice("channel_convert_to_public", "channels")(conversation_changed)
    for name in PROFILE_EVENTS:
        router.event(name)(profile_changed)
    for name in CONVERSATION_EVENTS:
        router.event(name)(conversation_changed)
    for name in MEMBERSHIP_EVENTS:
        router.event(name)(membership_changed)
    for name in REMOVED_EVENTS:
        router.event(name)(removed)
