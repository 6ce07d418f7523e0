"""What we ask Slack about a conversation before anything from it is shared.

One rule for who may see: a DM, a group DM or a private channel is private, and so is a
channel shared with another organisation (Slack Connect: who is asked, with their declared
skills, is no business of theirs) and a conversation Slack will not describe to us
(`channel_not_found`, `missing_scope`, not a member of it…). A refusal means it is hidden
from the bot, so it is hidden from everyone else too: treating it as public could post a
private question or kudos where it does not belong. So is one Slack says nothing of (no
conversations.info, or an answer without `is_private`), though nobody is told it is private
(`Conversation.unsure`). Only a transient failure (rate limit, Slack down) is raised, to be retried.

What Slack says is kept a while (`bot.conversations`) when the caller passes the workspace's
`KnownConversations`; `handlers/surfaces/directory_events.py` forgets it when Slack says the
conversation changed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import visibility
from bot.conversations import Conversation, KnownConversations, PrivateNow
from handlers.client.failures import error_code, is_transient
from handlers.client.pages import listed, pages

GROUP_DM_PREFIX = "mpdm-"


async def is_private(
    client: AsyncWebClient, channel_id: str | None, known: KnownConversations | None = None
) -> bool:
    """Whether what is said in `channel_id` must stay there; no channel is not private."""
    if not channel_id:
        return False
    if channel_id.startswith("D"):
        return True
    return (await conversation(client, channel_id, known)).private


def private_now(client: AsyncWebClient, known: KnownConversations) -> PrivateNow:
    """`is_private` for the domain to ask of channels something was stored as public in: one
    made private since makes it private (`bot.conversations.MadePrivate`)."""

    async def asked(channel_id: str) -> bool:
        return await is_private(client, channel_id, known)

    return asked


def is_group_dm(
    channel_id: str | None, name: str = "", known: KnownConversations | None = None
) -> bool:
    """Whether `channel_id` is a group DM. Its id is a channel's; Slack tells it by its name,
    `mpdm-…`: a command's `channel_name`, an interaction's `channel.name`, or the name
    conversations.info gave (kept in `known`), which it gives only to members."""
    if not channel_id:
        return False
    kept = known.get(channel_id) if known is not None and not name else None
    return (name or (kept.name if kept is not None else "")).startswith(GROUP_DM_PREFIX)


async def asked_if_group_dm(
    client: AsyncWebClient, channel_id: str, known: KnownConversations
) -> bool:
    """`is_group_dm` of a conversation an event names by its id alone (a reaction's item):
    by the name conversations.info gives, kept in `known` a while. Read from `known` alone,
    a `:kudos:` in a group DM whose description was not kept (the first there, or once it
    lapsed) was confirmed to its giver as on its way to `<#G…>`, as in a channel."""
    return is_group_dm(channel_id, (await conversation_or_dm(client, channel_id, known)).name)


async def conversation(
    client: AsyncWebClient, channel_id: str, known: KnownConversations | None = None
) -> Conversation:
    """What Slack says about `channel_id`, from `known` while it is kept there."""
    kept = known.get(channel_id) if known is not None else None
    if kept is not None:
        return kept
    channel = await _described(client, channel_id)
    found = (
        Conversation(private=True)
        if channel is None
        else Conversation(
            private=_is_private(channel) or _unsure(channel),
            unsure=_unsure(channel),
            member=bool(channel.get("is_member")),
            name=str(channel.get("name") or ""),
            archived=bool(channel.get("is_archived")),
            shared=_is_shared_out(channel),
        )
    )
    if known is not None:
        known.keep(channel_id, found)
    return found


async def conversation_or_dm(
    client: AsyncWebClient, channel_id: str, known: KnownConversations | None = None
) -> Conversation:
    """`conversation`, but a DM is known by its id to be private and shared with nobody:
    Slack is not asked about it (which would need im:read)."""
    if channel_id.startswith("D"):
        return Conversation(private=True)
    return await conversation(client, channel_id, known)


async def group_dm_of(client: AsyncWebClient, people: Collection[str]) -> str | None:
    """The group DM of `people` and the bot, found among the bot's own group DMs: Slack
    will not open one (`conversations.open`) once one of them is deactivated
    (`user_disabled`), though it is still there. None when there is none. Each group DM the
    bot is in is asked its members until it is found: kept for that rare case."""
    wanted = set(people)
    async for page in pages(
        client.users_conversations, types="mpim", exclude_archived=True, limit=200
    ):
        for channel in page.get("channels") or []:
            _, found = await listed(client.conversations_members, "members", channel=channel["id"])
            members = set(found)
            if wanted <= members and len(members - wanted) == 1:  # the bot is the one more
                return str(channel["id"])
    return None


async def watch_refusal(
    client: AsyncWebClient,
    channel_id: str,
    *,
    then: str = "run `/ask watch` again",
) -> str | None:
    """Why the bot cannot watch `channel_id` for questions, or None when it can; `then` is
    what to do once the bot is invited (the settings modal says to save again)."""
    found = await conversation_or_dm(client, channel_id)  # a DM refused by its id alone
    return refusal_to_watch(channel_id, found, then=then)


async def unheard(
    client: AsyncWebClient, channel_ids: Sequence[str], known: KnownConversations
) -> dict[str, str]:
    """The watched channels askaround hears nothing in now, each with why
    (`handlers.blocks.workspace_settings.UNHEARD`): removed from it, archived, or no longer
    public. One Slack would not describe (`unsure`) is not said to be any of them."""
    why: dict[str, str] = {}
    for channel_id in channel_ids:
        found = await conversation(client, channel_id, known)
        if found.unsure:
            continue
        if found.archived:
            why[channel_id] = "archived"
        elif found.shared or (found.private and found.member):
            why[channel_id] = "private"
        elif found.private:  # hidden from the bot: deleted, or private and it is not in it
            why[channel_id] = "hidden"
        elif not found.member:
            why[channel_id] = "removed"
    return why


def refusal_to_watch(
    channel_id: str, found: Conversation, *, then: str = "run `/ask watch` again"
) -> str | None:
    """`watch_refusal` for a conversation Slack has described already.

    Watching works only in a public channel the bot is a member of. Slack sends the bot a
    private channel's messages too (`message.groups`, for a question there edited or
    deleted), but they are its members' own: none is read for a question to offer help on.
    """
    if channel_id.startswith("D"):
        return "I can only watch channels, not direct messages."
    if found.shared:
        return (
            "I don't watch channels shared with another organisation: I keep what is said "
            "there private, as in a private channel."
        )
    if found.unsure:
        return (
            "I only watch public channels, and Slack didn't tell me whether this one is public, "
            "so I keep it as a private one."
        )
    if found.private:
        return (
            "I only watch public channels: what is said in a private one is its members' own, "
            "so I don't look through it for questions."
        )
    if not found.member:
        return (
            "I'm not in this channel, so I never see its messages. "
            f"Invite me with `/invite @askaround`, then {then}."
        )
    return None


def refusal_for_kudos(found: Conversation, fallback: str = "That channel") -> str | None:
    """Why shout-outs may not go to a channel Slack described so, or None when they may;
    `fallback` names it when Slack gave no name."""
    where = channel_named(found, fallback)
    if found.unsure:
        return (
            f"{where}: Slack didn't tell me whether it is public, so I keep it as a private "
            "one: shout-outs go to a public channel, for everyone to read."
        )
    if found.private:
        return (
            f"{where} is private: pick a public channel, where shout-outs are for everyone to read."
        )
    return None


def channel_named(found: Conversation, fallback: str = "That channel") -> str:
    """`#name` in plain text, for a public channel only (`visibility.may_name_channel`)."""
    if found.name and visibility.may_name_channel(private=found.private):
        return f"#{found.name}"
    return fallback


async def _described(client: AsyncWebClient, channel_id: str) -> dict[str, Any] | None:
    """conversations.info's channel; None when Slack hides it from the bot (a private
    channel it is not in, or one deleted), and nothing said of it when Slack will not
    answer at all (no conversations.info: `unknown_method`, HTTP 404; a missing scope)."""
    try:
        info = await client.conversations_info(channel=channel_id)
    except SlackApiError as error:
        if is_transient(error):
            raise
        return None if error_code(error) == "channel_not_found" else {}
    channel: dict[str, Any] = info["channel"]
    return channel


def _is_private(channel: dict[str, Any]) -> bool:
    return bool(
        channel.get("is_private")
        or channel.get("is_im")
        or channel.get("is_mpim")
        or _is_shared_out(channel)
    )


def _unsure(channel: dict[str, Any]) -> bool:
    """Slack left out whether a channel is private: a leaner Slack (or stand-in) may."""
    return "is_private" not in channel and not (channel.get("is_im") or channel.get("is_mpim"))


def _is_shared_out(channel: dict[str, Any]) -> bool:
    return bool(channel.get("is_ext_shared") or channel.get("is_pending_ext_shared"))
